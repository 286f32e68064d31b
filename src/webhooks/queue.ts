import type { PayloadRequest } from 'payload'

import { WEBHOOK_DELIVERIES, WEBHOOKS } from '@/slugs'
import { buildWebhookBody, type ReleaseWebhookSubject, type WebhookSubject } from './body'
import { DELIVER_WEBHOOK_TASK, WEBHOOK_QUEUE } from './task'
import type { WebhookEvent } from './vocabulary'

export type { WebhookEvent } from './vocabulary'
export type { ReleaseWebhookSubject, WebhookSubject } from './body'

/**
 * Records one delivery per active webhook subscribed to `event` and queues a
 * job to send it. Everything is written with the caller's `req`, so in its
 * transaction: if the publish rolls back, no delivery and no job remain, and
 * the job runner only ever sees deliveries of changes that were committed.
 */
export async function queueWebhookEvent(req: PayloadRequest, event: WebhookEvent, subject: WebhookSubject | ReleaseWebhookSubject): Promise<void> {
  const { docs: webhooks } = await req.payload.find({
    collection: WEBHOOKS,
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const occurredAt = new Date()
  for (const webhook of webhooks) {
    const delivery = await req.payload.create({
      collection: WEBHOOK_DELIVERIES,
      data: { webhook: webhook.id, event, url: webhook.url, status: 'pending', attempts: 0 },
      depth: 0,
      overrideAccess: true,
      req,
    })
    // The body names its delivery, whose id exists only now; it is fixed from here on.
    await req.payload.update({
      collection: WEBHOOK_DELIVERIES,
      id: delivery.id,
      data: { body: buildWebhookBody(delivery.id, event, subject, occurredAt) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      task: DELIVER_WEBHOOK_TASK as never,
      input: { deliveryId: String(delivery.id) } as never,
      queue: WEBHOOK_QUEUE,
      req,
    })
  }
}
