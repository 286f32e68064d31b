/**
 * Pages published before the snapshots and the publication record existed
 * (or a database restored from before them) get both, once, when the server
 * starts (src/instrumentation.ts), before it serves a request. Reading the
 * published content (./store.ts loadCatalog) never writes.
 */
import { createLocalReq, type Payload } from 'payload'

import { AREAS, PUBLICATION_HISTORY, PUBLISHED_SNAPSHOTS } from '@/slugs'
import { buildAreaSnapshot } from './snapshot'
import { recordPublication } from './store'

const all = { pagination: false, depth: 0, overrideAccess: true } as const

/** Fills in missing snapshots, then the record of every live page that has none. Idempotent. */
export async function backfillPublished(payload: Payload): Promise<void> {
  // Only the area ids: the catalog reads the snapshots and the record in full right after (./store.ts loadCatalog).
  const stored = await areaIdsIn(payload, PUBLISHED_SNAPSHOTS)
  const snapshotIds = [...stored, ...(await backfillSnapshots(payload, stored))]
  const recorded = await areaIdsIn(payload, PUBLICATION_HISTORY)
  await backfillHistory(payload, snapshotIds.filter((id) => !recorded.has(id)))
}

/** The areas that have a document in a collection keyed by `areaId` (snapshots, the record). */
async function areaIdsIn(payload: Payload, collection: typeof PUBLISHED_SNAPSHOTS | typeof PUBLICATION_HISTORY): Promise<Set<string>> {
  const { docs } = await payload.find({ collection, ...all, select: { areaId: true } })
  return new Set(docs.map((doc) => String(doc.areaId)))
}

/** Published areas without a snapshot (published before snapshots existed, or restored from a backup) get one. */
async function backfillSnapshots(payload: Payload, existing: Set<string>): Promise<string[]> {
  // Ids first: reading every published page in full would cost seconds at 10 000 pages, for nothing.
  const { docs: published } = await payload.find({ collection: AREAS, where: { _status: { equals: 'published' } }, draft: false, ...all, select: { slug: true } })
  const missingIds = published.map((area) => String(area.id)).filter((id) => !existing.has(id))
  if (!missingIds.length) return []
  const { docs } = await payload.find({ collection: AREAS, where: { id: { in: missingIds } }, draft: false, ...all })
  const built: string[] = []
  for (const area of docs) {
    const snapshot = buildAreaSnapshot(area)
    await payload.create({ collection: PUBLISHED_SNAPSHOTS, data: { areaId: snapshot.id, slug: snapshot.slug, page: snapshot }, overrideAccess: true })
    built.push(snapshot.id)
  }
  return built
}

/**
 * Areas published before the record existed get one from Payload's own
 * published versions, oldest first (dated by when each version was saved).
 */
async function backfillHistory(payload: Payload, areaIds: string[]): Promise<void> {
  for (const areaId of areaIds) {
    const { docs } = await payload.findVersions({
      collection: AREAS,
      where: { and: [{ parent: { equals: areaId } }, { 'version._status': { equals: 'published' } }] },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const req = await createLocalReq({}, payload)
    for (const version of docs) {
      const snapshot = buildAreaSnapshot({ ...version.version, id: areaId })
      await recordPublication(req, snapshot, new Date(version.createdAt).toISOString())
    }
  }
}
