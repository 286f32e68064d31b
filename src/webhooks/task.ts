import type { PayloadRequest, TaskConfig } from 'payload'

import { WEBHOOK_DELIVERIES, WEBHOOKS } from '@/slugs'
import { occurredAtOf } from './body'
import { postWebhook } from './send'
import { signWebhookBody } from './sign'
import { MAX_DELIVERY_ATTEMPTS, type DeliveryStatus } from './vocabulary'

export const WEBHOOK_QUEUE = 'webhooks'
export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'

const DEFAULT_RETRY_BASE_MS = 10_000

/** First wait between tries (then doubled each time); WEBHOOK_RETRY_BASE_MS, for tests mostly. */
export function retryBaseDelayMs(raw = process.env.WEBHOOK_RETRY_BASE_MS): number {
  const parsed = Number(raw)
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(parsed) && parsed >= 0 ? parsed : DEFAULT_RETRY_BASE_MS
}

type Delivery = { id: string | number; webhook?: string | number | { id: string | number } | null; event: string; url: string; status: DeliveryStatus; body?: string | null }
type Webhook = { id: string | number; url: string; secret: string; active?: boolean | null }

const idOf = (ref: Delivery['webhook']) => (ref && typeof ref === 'object' ? ref.id : ref)

async function findById<T>(req: PayloadRequest, collection: string, id: string | number | null | undefined): Promise<T | null> {
  if (id === null || id === undefined) return null
  const doc = await req.payload.findByID({ collection: collection as never, id, depth: 0, overrideAccess: true, req, disableErrors: true })
  return (doc ?? null) as T | null
}

async function updateDelivery(req: PayloadRequest, id: string | number, data: Record<string, unknown>): Promise<void> {
  await req.payload.update({ collection: WEBHOOK_DELIVERIES as never, id, data: data as never, depth: 0, overrideAccess: true, req })
}

/**
 * Sends one delivery. A failure updates the log and throws, so Payload tries
 * again later; the last failure marks the delivery `failed` for good.
 */
export const deliverWebhookTask: TaskConfig = {
  slug: DELIVER_WEBHOOK_TASK as never,
  label: 'Skicka webhook',
  // Payload's `attempts` counts the tries after the first one: 4 retries = 5 tries in all.
  // Exponential: the wait after failure n is base × 2^(n-1) (10 s, 20 s, 40 s, 80 s by default).
  retries: { attempts: MAX_DELIVERY_ATTEMPTS - 1, backoff: { type: 'exponential', delay: retryBaseDelayMs() } },
  inputSchema: [{ name: 'deliveryId', type: 'text', required: true }],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'reason', type: 'text' },
  ],
  handler: async ({ input, job, req }) => {
    const { deliveryId } = input as { deliveryId: string }
    const delivery = await findById<Delivery>(req, WEBHOOK_DELIVERIES, deliveryId)
    // Removed from the log, or already settled: nothing left to send.
    if (!delivery) return { output: { status: 'missing', reason: 'Leveransen finns inte längre.' } }
    if (delivery.status === 'delivered' || delivery.status === 'failed') return { output: { status: delivery.status, reason: null } }

    const webhook = await findById<Webhook>(req, WEBHOOKS, idOf(delivery.webhook))
    const gone = !webhook ? 'Webhooken har tagits bort; leveransen skickades inte.' : !webhook.active ? 'Webhooken är inaktiverad; leveransen skickades inte.' : null
    if (gone || !webhook) {
      await updateDelivery(req, delivery.id, { status: 'failed', lastError: gone })
      return { output: { status: 'failed', reason: gone } }
    }

    // Payload's own count of earlier tries, so "last try" here is the one Payload stops after.
    const attempt = (job.totalTried ?? 0) + 1
    const body = delivery.body ?? ''
    // The webhook's current address and secret: an admin who corrects them mid-way gets the retries there.
    const result = await postWebhook(webhook.url, body, {
      'X-Signature': signWebhookBody(webhook.secret, body),
      'X-Webhook-Timestamp': occurredAtOf(body),
      'X-Webhook-Event': delivery.event,
      'X-Webhook-Delivery': String(delivery.id),
    })
    if (result.ok) {
      await updateDelivery(req, delivery.id, {
        status: 'delivered',
        url: webhook.url,
        attempts: attempt,
        lastStatusCode: result.statusCode,
        lastError: null,
        deliveredAt: new Date().toISOString(),
      })
      return { output: { status: 'delivered', reason: null } }
    }
    const final = attempt >= MAX_DELIVERY_ATTEMPTS
    await updateDelivery(req, delivery.id, {
      status: final ? 'failed' : 'retrying',
      url: webhook.url,
      attempts: attempt,
      lastStatusCode: result.statusCode,
      lastError: result.error,
    })
    throw new Error(`Webhook-leverans ${delivery.id}, försök ${attempt} av ${MAX_DELIVERY_ATTEMPTS}: ${result.error}`)
  },
}
