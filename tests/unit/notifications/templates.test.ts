import { describe, expect, it } from 'vitest'

import {
  escapeHtml,
  dateTimeText,
  dueDateText,
  type NotificationData,
  type NotificationEvent,
  renderNotification,
  templates,
} from '@/notifications/templates'

const url = 'http://localhost:3000/admin/collections/areas/7'
const base: NotificationData = {
  documentTitle: 'Äldreomsorg',
  documentUrl: url,
  actorName: 'Karin Redaktör',
  municipality: 'Kalmar kommun',
}

const subjects: Record<NotificationEvent, string> = {
  submitted: 'Att granska: Äldreomsorg',
  changesRequested: 'Ändringar begärs: Äldreomsorg',
  approved: 'Godkänd: Äldreomsorg',
  published: 'Publicerad: Äldreomsorg',
  unpublished: 'Avpublicerad: Äldreomsorg',
  scheduledPublishFailed: 'Schemalagd publicering stoppad: Äldreomsorg',
  reviewDue: 'Dags att se över: Äldreomsorg',
  releaseWarning: 'Publiceringspaketet stoppas om inget ändras: Äldreomsorg',
  releaseNotPublished: 'Publiceringspaketet publicerades inte: Äldreomsorg',
}
const events = Object.keys(subjects) as NotificationEvent[]
const releaseEvents: readonly NotificationEvent[] = ['releaseWarning', 'releaseNotPublished']

describe('notification templates', () => {
  it('has a template for every event', () => {
    expect(Object.keys(templates).sort()).toEqual([...events].sort())
  })

  it.each(events)('%s: exact subject, link in text and HTML, Swedish footer', (event) => {
    const email = renderNotification(event, { ...base, dueDate: '2026-12-14' })
    expect(email.subject).toBe(subjects[event])
    expect(email.text).toContain(url)
    expect(email.text).toContain('Hej!')
    expect(email.text).toContain('Öppna jämförelser, Kalmar kommun')
    const label = releaseEvents.includes(event) ? 'Öppna paketet i administrationen' : 'Öppna sidan i administrationen'
    expect(email.html).toContain(`<a href="${url}">${label}</a>`)
    expect(email.text).toContain(`${label}: ${url}`)
    expect(email.html).toContain('<html lang="sv">')
  })

  it('submitted names the sender', () => {
    expect(templates.submitted(base).text).toContain('Karin Redaktör har skickat sidan ”Äldreomsorg” till granskning.')
  })

  it('changesRequested includes the reviewer comment in text and HTML', () => {
    const email = templates.changesRequested({ ...base, comment: 'Uppdatera siffrorna för 2024.\nOch rubriken.' })
    expect(email.text).toContain('Granskarens kommentar:\nUppdatera siffrorna för 2024.\nOch rubriken.')
    expect(email.html).toContain('Uppdatera siffrorna för 2024.<br>Och rubriken.')
  })

  it('approved and published address the editors', () => {
    expect(templates.approved(base).text).toContain('har godkänt sidan ”Äldreomsorg”. Den kan nu publiceras.')
    expect(templates.published(base).text).toContain('Den är nu synlig för besökare.')
  })

  it('unpublished includes the reason, or says none was given', () => {
    expect(templates.unpublished({ ...base, comment: 'Felaktiga uppgifter' }).text).toContain('Skäl:\nFelaktiga uppgifter')
    expect(templates.unpublished(base).text).toContain('Inget skäl angavs.')
  })

  it('scheduledPublishFailed explains the edit after approval', () => {
    const { text } = templates.scheduledPublishFailed(base)
    expect(text).toContain('genomfördes inte, eftersom utkastet ändrades efter att det godkändes')
    expect(text).toContain('Skicka sidan till granskning igen')
  })

  it('reviewDue shows the date in Swedish', () => {
    expect(templates.reviewDue({ ...base, dueDate: '2026-12-14' }).text).toContain('ska ses över senast 14 december 2026.')
    expect(templates.reviewDue({ ...base, dueDate: new Date('2026-03-01T12:00:00Z') }).html).toContain('1 mars 2026')
    expect(templates.reviewDue(base).text).toContain('ska ses över inom kort.')
  })

  it('releaseWarning names the planned time in Swedish time and lists what stops the release', () => {
    const lines = ['"Hemtjänst": ändrat efter godkännandet, status är nu "Utkast".', '"Äldreomsorg": ligger i papperskorgen.']
    const email = templates.releaseWarning({ ...base, documentTitle: 'Höstens resultat', scheduledFor: '2026-12-14T09:00:00.000Z', items: lines })
    expect(email.text).toContain('Publiceringspaketet ”Höstens resultat” ska publiceras 14 december 2026 kl. 10:00, men just nu hindrar det här att det publiceras:')
    expect(email.text).toContain(`- ${lines[0]}\n- ${lines[1]}`)
    expect(email.text).toContain('publiceras inget av paketets områden')
    expect(email.html).toContain('<li>&quot;Hemtjänst&quot;: ändrat efter godkännandet, status är nu &quot;Utkast&quot;.</li>')
  })

  it('releaseNotPublished says nothing was published, and why', () => {
    const email = templates.releaseNotPublished({ ...base, documentTitle: 'Höstens resultat', scheduledFor: '2026-06-01T08:30:00.000Z', items: ['"Hemtjänst": ligger i papperskorgen.'] })
    expect(email.text).toContain('Den schemalagda publiceringen av publiceringspaketet ”Höstens resultat” 1 juni 2026 kl. 10:30 genomfördes inte')
    expect(email.text).toContain('- "Hemtjänst": ligger i papperskorgen.')
    expect(email.text).toContain('Paketet är markerat som misslyckat.')
  })

  it('escapes HTML in titles and comments but keeps the plain text as written', () => {
    const email = templates.changesRequested({
      ...base,
      documentTitle: '<script>alert(1)</script>',
      comment: '<script>alert("x")</script> & mer',
    })
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; mer')
    expect(email.subject).toBe('Ändringar begärs: <script>alert(1)</script>')
    expect(email.text).toContain('<script>alert("x")</script> & mer')
  })

  it('keeps the subject on one line and does not link a non-web URL', () => {
    const email = templates.submitted({ ...base, documentTitle: 'Rad ett\nBcc: x@y.se', documentUrl: 'javascript:alert(1)' })
    expect(email.subject).toBe('Att granska: Rad ett Bcc: x@y.se')
    expect(email.html).not.toContain('href="javascript')
  })

  it('helpers', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(dueDateText('2026-12-14')).toBe('14 december 2026')
    expect(dueDateText('inte ett datum')).toBeUndefined()
    expect(dateTimeText('2026-01-05T23:15:00Z')).toBe('6 januari 2026 kl. 00:15')
    expect(dateTimeText('i morgon')).toBeUndefined()
    expect(dateTimeText(undefined)).toBeUndefined()
  })
})
