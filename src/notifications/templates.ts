/**
 * Swedish e-mails for the editorial workflow. Pure: the same input always
 * gives the same subject, text and HTML (dates are shown in Swedish time).
 */

import { formatSwedishDate } from '@/domain/swedishDate'
import { escapeHtml } from '@/richText/html'

export type NotificationEvent =
  | 'submitted'
  | 'changesRequested'
  | 'approved'
  | 'published'
  | 'unpublished'
  | 'scheduledPublishFailed'
  | 'reviewDue'
  | 'releaseWarning'
  | 'releaseNotPublished'

export type NotificationData = {
  documentTitle: string
  /** Direct link to the document in the admin. */
  documentUrl: string
  /** Who did it; for scheduledPublishFailed who edited the draft after approval. */
  actorName: string
  /** Reviewer's comment, or the reason for unpublishing. */
  comment?: string
  /** Review-by date for reviewDue: a Date or an ISO date (YYYY-MM-DD). */
  dueDate?: string | Date
  /** Releases: the planned publish time (ISO), shown in Swedish time. */
  scheduledFor?: string
  /** Releases: what stops it, one line each (`"Hemtjänst": ligger i papperskorgen.`). */
  items?: readonly string[]
  municipality: string
}

export type RenderedEmail = { subject: string; text: string; html: string }

type Block = { kind: 'p'; text: string } | { kind: 'quote'; label: string; text: string } | { kind: 'list'; items: readonly string[] }
/** `link` names what the admin link opens; a page unless told otherwise. */
type Definition = (d: NotificationData) => { subject: string; blocks: Block[]; link?: string }
export type Template = (data: NotificationData) => RenderedEmail

// One escaper for all generated HTML (e-mails and published pages).
export { escapeHtml } from '@/richText/html'

/** "14 december 2026" (the project's Swedish date format); undefined for a missing or invalid date. */
export function dueDateText(value: string | Date | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  try {
    return formatSwedishDate(value)
  } catch {
    return undefined
  }
}

const stockholmTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' })

/** "14 december 2026 kl. 10:00" in Swedish time; undefined for a missing or invalid time. */
export function dateTimeText(value: string | undefined): string | undefined {
  const date = value ? new Date(value) : null
  if (!date || Number.isNaN(date.getTime())) return undefined
  return `${formatSwedishDate(date)} kl. ${stockholmTime.format(date)}`
}

// Titles end up in the Subject header: a newline there must not start a second line.
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()
const p = (text: string): Block => ({ kind: 'p', text })
const quote = (label: string, text: string | undefined): Block[] =>
  text?.trim() ? [{ kind: 'quote', label, text: text.trim() }] : []
const list = (items: readonly string[] | undefined): Block[] => (items?.length ? [{ kind: 'list', items: items.map(oneLine) }] : [])
const RELEASE_LINK = 'Öppna paketet i administrationen'
const at = (d: NotificationData): string => {
  const when = dateTimeText(d.scheduledFor)
  return when ? ` ${when}` : ''
}

export const templates: Record<NotificationEvent, Template> = {
  submitted: render((d) => ({
    subject: `Att granska: ${d.documentTitle}`,
    blocks: [
      p(`${d.actorName} har skickat sidan ”${d.documentTitle}” till granskning.`),
      ...quote('Kommentar:', d.comment),
    ],
  })),
  changesRequested: render((d) => ({
    subject: `Ändringar begärs: ${d.documentTitle}`,
    blocks: [
      p(`${d.actorName} har granskat sidan ”${d.documentTitle}” och begär ändringar innan den kan publiceras.`),
      ...quote('Granskarens kommentar:', d.comment),
    ],
  })),
  approved: render((d) => ({
    subject: `Godkänd: ${d.documentTitle}`,
    blocks: [
      p(`${d.actorName} har godkänt sidan ”${d.documentTitle}”. Den kan nu publiceras.`),
      ...quote('Kommentar:', d.comment),
    ],
  })),
  published: render((d) => ({
    subject: `Publicerad: ${d.documentTitle}`,
    blocks: [p(`${d.actorName} har publicerat sidan ”${d.documentTitle}”. Den är nu synlig för besökare.`)],
  })),
  unpublished: render((d) => ({
    subject: `Avpublicerad: ${d.documentTitle}`,
    blocks: [
      p(`${d.actorName} har avpublicerat sidan ”${d.documentTitle}”. Den visas inte längre för besökare.`),
      ...(d.comment?.trim() ? quote('Skäl:', d.comment) : [p('Inget skäl angavs.')]),
    ],
  })),
  scheduledPublishFailed: render((d) => ({
    subject: `Schemalagd publicering stoppad: ${d.documentTitle}`,
    blocks: [
      p(
        `Den schemalagda publiceringen av sidan ”${d.documentTitle}” genomfördes inte, eftersom utkastet ` +
          `ändrades efter att det godkändes (ändrat av ${d.actorName}).`,
      ),
      p('Skicka sidan till granskning igen för att kunna publicera den.'),
    ],
  })),
  reviewDue: render((d) => {
    const due = dueDateText(d.dueDate)
    return {
      subject: `Dags att se över: ${d.documentTitle}`,
      blocks: [
        p(`Sidan ”${d.documentTitle}” ska ses över ${due ? `senast ${due}` : 'inom kort'}.`),
        p('Kontrollera att innehållet fortfarande stämmer och uppdatera sidan vid behov.'),
      ],
    }
  }),
  releaseWarning: render((d) => ({
    subject: `Publiceringspaketet stoppas om inget ändras: ${d.documentTitle}`,
    blocks: [
      p(`Publiceringspaketet ”${d.documentTitle}” ska publiceras${at(d)}, men just nu hindrar det här att det publiceras:`),
      ...list(d.items),
      p(
        'Om det inte är åtgärdat till dess publiceras inget av paketets områden. Ett ändrat område måste skickas till granskning ' +
          'och godkännas igen; ett område i papperskorgen måste återställas.',
      ),
    ],
    link: RELEASE_LINK,
  })),
  releaseNotPublished: render((d) => ({
    subject: `Publiceringspaketet publicerades inte: ${d.documentTitle}`,
    blocks: [
      p(`Den schemalagda publiceringen av publiceringspaketet ”${d.documentTitle}”${at(d)} genomfördes inte, och inget av paketets områden publicerades. Skälet:`),
      ...list(d.items),
      p('Paketet är markerat som misslyckat. Åtgärda det som står ovan, öppna paketet igen och publicera eller schemalägg det på nytt.'),
    ],
    link: RELEASE_LINK,
  })),
}

const LINK_LABEL = 'Öppna sidan i administrationen'

// Only http(s) becomes a clickable link; anything else is shown as text.
const isWebUrl = (url: string) => /^https?:\/\//i.test(url)

function renderText(blocks: Block[], d: NotificationData, label: string): string {
  const body = blocks.map((b) => (b.kind === 'p' ? b.text : b.kind === 'list' ? b.items.map((item) => `- ${item}`).join('\n') : `${b.label}\n${b.text}`))
  return ['Hej!', ...body, `${label}: ${d.documentUrl}`, `-- \n${footer(d)}`].join('\n\n') + '\n'
}

function renderHtml(blocks: Block[], d: NotificationData, label: string): string {
  const html = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>')
  const body = blocks.map((b) =>
    b.kind === 'p'
      ? `<p>${html(b.text)}</p>`
      : b.kind === 'list'
        ? `<ul>\n${b.items.map((item) => `<li>${html(item)}</li>`).join('\n')}\n</ul>`
        : `<p><strong>${html(b.label)}</strong></p>\n<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${html(b.text)}</blockquote>`,
  )
  const link = isWebUrl(d.documentUrl)
    ? `<a href="${escapeHtml(d.documentUrl)}">${label}</a>`
    : `${label}: ${html(d.documentUrl)}`
  return [
    '<!doctype html>',
    '<html lang="sv"><body style="font-family:sans-serif;line-height:1.5">',
    '<p>Hej!</p>',
    ...body,
    `<p>${link}</p>`,
    `<p style="color:#555;font-size:smaller">${html(footer(d))}</p>`,
    '</body></html>',
  ].join('\n')
}

const footer = (d: NotificationData) =>
  `Det här är ett automatiskt meddelande från Öppna jämförelser, ${d.municipality}.`

function render(definition: Definition): Template {
  return (data) => {
    const d = { ...data, documentTitle: oneLine(data.documentTitle), actorName: oneLine(data.actorName) }
    const { subject, blocks, link = LINK_LABEL } = definition(d)
    return { subject, text: renderText(blocks, d, link), html: renderHtml(blocks, d, link) }
  }
}

export function renderNotification(event: NotificationEvent, data: NotificationData): RenderedEmail {
  return templates[event](data)
}
