/**
 * Keeps the published snapshots in step with the live versions: written in
 * the publish's own transaction and applied to the in-memory catalog once it
 * has committed. What changed on the site is recorded for the webhook hooks
 * (src/webhooks/hooks.ts), which run after these and announce it.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Area } from '@/payload-types'
import { decidedTransition, importedPublishDates, recordLiveChange } from '@/pipeline/context'
import { afterCommit } from '@/database/afterCommit'
import type { Catalog } from './catalog'
import { buildAreaSnapshot } from './snapshot'
import { applyToCatalog, deliveryState } from './state'
import { contentFingerprint, deleteSnapshot, loadMeta, recordPublication, upsertSnapshot, withIndicatorSeries } from './store'

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

type CatalogChange = (catalog: Catalog) => void

/**
 * The catalog changes of each request's open transaction. Module state keyed
 * by the request, as src/database/afterCommit.ts keeps its callbacks: a
 * rollback drops the commit callback, and the next transaction (another id)
 * starts a batch of its own.
 */
const pendingChanges = new WeakMap<PayloadRequest, { transaction: string | number; changes: CatalogChange[] }>()

function applyNow(req: PayloadRequest, changes: readonly CatalogChange[]): void {
  // One synchronous step: no reader sees some of a transaction's pages new and others old.
  applyToCatalog((catalog) => {
    for (const change of changes) change(catalog)
  })
  refreshFingerprint(req)
}

/**
 * Applies `change` to the catalog once the request's transaction has
 * committed, together with every other change of that transaction: a release
 * that publishes 50 pages in one transaction switches readers from the old
 * set to the new set at once, in one callback with no await inside.
 */
async function changeCatalogOnCommit(req: PayloadRequest, change: CatalogChange): Promise<void> {
  const transaction: unknown = await req.transactionID
  if (typeof transaction !== 'string' && typeof transaction !== 'number') return applyNow(req, [change])
  const pending = pendingChanges.get(req)
  if (pending?.transaction === transaction) {
    pending.changes.push(change)
    return
  }
  const batch = { transaction, changes: [change] }
  pendingChanges.set(req, batch)
  await afterCommit(req, () => {
    if (pendingChanges.get(req) === batch) pendingChanges.delete(req)
    applyNow(req, batch.changes)
  })
}

export const syncPublishedSnapshot: CollectionAfterChangeHook<Area> = async ({ context, doc: area, previousDoc, req }) => {
  if (area._status === 'published') {
    const snapshot = await withIndicatorSeries(req, buildAreaSnapshot(area))
    await upsertSnapshot(req, snapshot)
    // An imported version keeps the date it was published on the old site.
    const imported = importedPublishDates(context)?.lastPublishedAt
    const entry = await recordPublication(req, snapshot, imported ?? new Date().toISOString(), decidedTransition(context)?.recordNote ?? null)
    recordLiveChange(req, area.id, 'published')
    await changeCatalogOnCommit(req, (catalog) => {
      catalog.setArea(snapshot)
      catalog.appendHistory(entry)
    })
  } else if (decidedTransition(context)?.live === 'remove') {
    await removeLive(req, String(area.id))
    recordLiveChange(req, area.id, 'unpublished')
  } else if (movedToTrash(previousDoc, area)) {
    // The trash is an update (deletedAt), not a delete: the page leaves the site at once;
    // its publication record stays.
    if (await removeLive(req, String(area.id))) recordLiveChange(req, area.id, 'unpublished')
  }
  return area
}

const movedToTrash = (before: { deletedAt?: unknown } | undefined, after: { deletedAt?: unknown }) => !before?.deletedAt && Boolean(after.deletedAt)

export const dropPublishedSnapshot: CollectionAfterDeleteHook<Area> = async ({ doc: area, req }) => {
  await removeLive(req, String(area.id))
  if (area._status === 'published') recordLiveChange(req, area.id, 'unpublished')
  return area
}

/** Takes the page off the site; true when it was live (had a snapshot). */
async function removeLive(req: PayloadRequest, id: string): Promise<boolean> {
  const wasLive = await deleteSnapshot(req, id)
  await changeCatalogOnCommit(req, (catalog) => catalog.removeArea(id))
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
