/**
 * The one place webhook events are queued: after the snapshot hooks have
 * recorded what a save did to the public site (src/pipeline/context.ts),
 * and for a publish or unpublish a transition scheduled for later. Queued
 * with the save's `req`, so in its transaction: a rolled-back save leaves no
 * delivery and no job.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Area } from '@/payload-types'
import { decidedTransition, takeLiveChange } from '@/pipeline/context'
import { queueWebhookEvent, type WebhookSubject } from './queue'

const subjectOf = (area: Area): WebhookSubject => ({ id: area.id, slug: String(area.slug), title: String(area.title) })

export const announceChange: CollectionAfterChangeHook<Area> = async ({ context, doc, req }) => {
  const change = takeLiveChange(req, doc.id)
  if (change) await queueWebhookEvent(req, change === 'published' ? 'area.published' : 'area.unpublished', subjectOf(doc))
  const scheduledFor = decidedTransition(context)?.scheduledFor
  // The id as the workflow endpoint's route names it (a string), as this event has always carried it.
  if (scheduledFor) await queueWebhookEvent(req, 'area.scheduled', { ...subjectOf(doc), id: String(doc.id), scheduledFor })
  return doc
}

export const announceDelete: CollectionAfterDeleteHook<Area> = async ({ doc, req }) => {
  const change = takeLiveChange(req, doc.id)
  if (change) await queueWebhookEvent(req, 'area.unpublished', subjectOf(doc))
  return doc
}
