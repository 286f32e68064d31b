import type { WebhookEvent } from './vocabulary'

export type WebhookSubject = { id: string | number; slug: string; title: string; scheduledFor?: string | null }

/** A release (publiceringspaket) and the areas it published or recalled; each area's own event goes out too. */
export type ReleaseWebhookSubject = { release: { id: string | number; name: string; areas: readonly { id: string | number; slug: string; title: string }[] } }

type AreaRef = { id: string | number; slug: string; title: string; url: string }

/**
 * What a receiver gets (documented for the web team): `area` for the area
 * events (`scheduledFor` only for `area.scheduled`), `release` for the
 * release events.
 */
export type WebhookBody = {
  id: string | number
  event: WebhookEvent
  occurredAt: string
  area?: AreaRef
  scheduledFor?: string
  release?: { id: string | number; name: string; areas: AreaRef[] }
}

/** The public path of an area's page. */
export const areaPath = (slug: string): string => `/jamforelser/${slug}`

const areaRef = (area: { id: string | number; slug: string; title: string }): AreaRef => ({ id: area.id, slug: area.slug, title: area.title, url: areaPath(area.slug) })

/** The exact JSON text that is stored, signed and sent: fixed once, never rebuilt. */
export function buildWebhookBody(deliveryId: string | number, event: WebhookEvent, subject: WebhookSubject | ReleaseWebhookSubject, occurredAt: Date): string {
  const body: WebhookBody = { id: deliveryId, event, occurredAt: occurredAt.toISOString() }
  if ('release' in subject) {
    const { release } = subject
    body.release = { id: release.id, name: release.name, areas: release.areas.map(areaRef) }
    return JSON.stringify(body)
  }
  body.area = areaRef(subject)
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
