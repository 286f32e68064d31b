import { describe, expect, it } from 'vitest'

import {
  escapeHtml,
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
}
const events = Object.keys(subjects) as NotificationEvent[]

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
    expect(email.html).toContain(`<a href="${url}">Öppna sidan i administrationen</a>`)
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
  })
})
