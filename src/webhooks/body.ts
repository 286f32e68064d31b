import type { WebhookEvent } from './vocabulary'

export type WebhookSubject = { id: string | number; slug: string; title: string; scheduledFor?: string | null }

/** What a receiver gets (documented for the web team; `scheduledFor` only for `area.scheduled`). */
export type WebhookBody = {
  id: string | number
  event: WebhookEvent
  occurredAt: string
  area: { id: string | number; slug: string; title: string; url: string }
  scheduledFor?: string
}

/** The public path of an area's page. */
export const areaPath = (slug: string): string => `/jamforelser/${slug}`

/** The exact JSON text that is stored, signed and sent: fixed once, never rebuilt. */
export function buildWebhookBody(deliveryId: string | number, event: WebhookEvent, subject: WebhookSubject, occurredAt: Date): string {
  const body: WebhookBody = {
    id: deliveryId,
    event,
    occurredAt: occurredAt.toISOString(),
    area: { id: subject.id, slug: subject.slug, title: subject.title, url: areaPath(subject.slug) },
  }
  if (subject.scheduledFor) body.scheduledFor = new Date(subject.scheduledFor).toISOString()
  return JSON.stringify(body)
}

/** Reads `occurredAt` back from a stored body (sent again as `X-Webhook-Timestamp`). */
export function occurredAtOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as Partial<WebhookBody>
    return typeof parsed.occurredAt === 'string' ? parsed.occurredAt : ''
  } catch {
    return ''
  }
}
