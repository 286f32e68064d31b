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
  municipality: string
}

export type RenderedEmail = { subject: string; text: string; html: string }

type Block = { kind: 'p'; text: string } | { kind: 'quote'; label: string; text: string }
type Definition = (d: NotificationData) => { subject: string; blocks: Block[] }
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

// Titles end up in the Subject header: a newline there must not start a second line.
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim()
const p = (text: string): Block => ({ kind: 'p', text })
const quote = (label: string, text: string | undefined): Block[] =>
  text?.trim() ? [{ kind: 'quote', label, text: text.trim() }] : []

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
}

const LINK_LABEL = 'Öppna sidan i administrationen'

// Only http(s) becomes a clickable link; anything else is shown as text.
const isWebUrl = (url: string) => /^https?:\/\//i.test(url)

function renderText(blocks: Block[], d: NotificationData): string {
  const body = blocks.map((b) => (b.kind === 'p' ? b.text : `${b.label}\n${b.text}`))
  return ['Hej!', ...body, `${LINK_LABEL}: ${d.documentUrl}`, `-- \n${footer(d)}`].join('\n\n') + '\n'
}

function renderHtml(blocks: Block[], d: NotificationData): string {
  const html = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>')
  const body = blocks.map((b) =>
    b.kind === 'p'
      ? `<p>${html(b.text)}</p>`
      : `<p><strong>${html(b.label)}</strong></p>\n<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${html(b.text)}</blockquote>`,
  )
  const link = isWebUrl(d.documentUrl)
    ? `<a href="${escapeHtml(d.documentUrl)}">${LINK_LABEL}</a>`
    : `${LINK_LABEL}: ${html(d.documentUrl)}`
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
    const { subject, blocks } = definition(d)
    return { subject, text: renderText(blocks, d), html: renderHtml(blocks, d) }
  }
}

export function renderNotification(event: NotificationEvent, data: NotificationData): RenderedEmail {
  return templates[event](data)
}
