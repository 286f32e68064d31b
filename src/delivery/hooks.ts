/**
 * Keeps the published snapshots in step with the live versions: written in
 * the publish's own transaction, applied to the in-memory catalog once it has
 * committed, and announced to webhooks (queued in the same transaction).
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { AreaContext } from '@collections/Areas/hooks'
import { afterCommit } from '@/database/afterCommit'
import { queueWebhookEvent } from '@/webhooks/queue'
import { buildAreaSnapshot, type StoredArea } from './snapshot'
import { applyToCatalog, deliveryState } from './state'
import { contentFingerprint, deleteSnapshot, loadMeta, recordPublication, upsertSnapshot, withIndicatorSeries } from './store'

/** Set by the workflow when a transition takes the live version down ('remove'). */
export const LIVE_EFFECT = 'workflowLiveEffect'

/** Our own write is not a change from another process: no reload for it. */
function refreshFingerprint(req: PayloadRequest): void {
  const state = deliveryState()
  if (!state.catalog) return
  void contentFingerprint(req.payload)
    .then((fingerprint) => {
      state.fingerprint = fingerprint
    })
    .catch(() => undefined)
}

export const syncPublishedSnapshot: CollectionAfterChangeHook = async ({ context, doc, previousDoc, req }) => {
  const area = doc as StoredArea & { _status?: string }
  const subject = { id: area.id, slug: String(area.slug), title: String(area.title) }
  if (area._status === 'published') {
    const snapshot = await withIndicatorSeries(req, buildAreaSnapshot(area))
    await upsertSnapshot(req, snapshot)
    // An imported version keeps the date it was published on the old site.
    const imported = (context as AreaContext).importedPublishDates?.lastPublishedAt
    const entry = await recordPublication(req, snapshot, imported ?? new Date().toISOString())
    await queueWebhookEvent(req, 'area.published', subject)
    await afterCommit(req, () => {
      applyToCatalog((catalog) => {
        catalog.setArea(snapshot)
        catalog.appendHistory(entry)
      })
      refreshFingerprint(req)
    })
  } else if (context[LIVE_EFFECT] === 'remove') {
    await removeLive(req, String(area.id))
    await queueWebhookEvent(req, 'area.unpublished', subject)
  } else if (movedToTrash(previousDoc, doc)) {
    // The trash is an update (deletedAt), not a delete: the page leaves the site at once;
    // its publication record stays.
    if (await removeLive(req, String(area.id))) await queueWebhookEvent(req, 'area.unpublished', subject)
  }
  return doc
}

const movedToTrash = (before: { deletedAt?: unknown } | undefined, after: { deletedAt?: unknown }) => !before?.deletedAt && Boolean(after.deletedAt)

export const dropPublishedSnapshot: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const area = doc as StoredArea & { _status?: string }
  await removeLive(req, String(area.id))
  if (area._status === 'published') await queueWebhookEvent(req, 'area.unpublished', { id: area.id, slug: String(area.slug), title: String(area.title) })
  return doc
}

/** Takes the page off the site; true when it was live (had a snapshot). */
async function removeLive(req: PayloadRequest, id: string): Promise<boolean> {
  const wasLive = await deleteSnapshot(req, id)
  await afterCommit(req, () => {
    applyToCatalog((catalog) => catalog.removeArea(id))
    refreshFingerprint(req)
  })
  return wasLive
}

/** Sections, links and notices are small: any change reloads them, after the commit. */
export const reloadCatalogMeta = async ({ req }: { req: PayloadRequest }): Promise<void> => {
  await afterCommit(req, async () => {
    if (!deliveryState().catalog) return
    const meta = await loadMeta(req.payload)
    applyToCatalog((catalog) => catalog.setMeta(meta))
    refreshFingerprint(req)
  })
}

export const reloadMetaAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await reloadCatalogMeta({ req })
  return doc
}

export const reloadMetaAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await reloadCatalogMeta({ req })
  return doc
}
