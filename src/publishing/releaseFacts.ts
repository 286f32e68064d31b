/**
 * What the release workflow needs to know, read from the database: each
 * item's working copy as the area workflow sees it, and for a published
 * release what a recall would go back to. Reads only.
 */
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { idOf } from '@/domain/relations'
import type { Area, Release } from '@/payload-types'
import { fromAreaDocument } from '@/quality/adapters'
import { checkPageErrors } from '@/quality/check'
import { qualityContextFor } from '@/quality/summary'
import { AREAS, PUBLICATION_HISTORY } from '@/slugs'
import { isReleaseState, releaseItemProblems, stateLabel, type ReleaseFacts, type ReleaseItemFacts } from '@/workflow'
import { factsFromDocument, hasLiveVersion } from './facts'

type ItemId = number | string

/** What a published release remembers of each item (the `record` field), read back through this schema. */
export const ReleaseRecordSchema = z.object({
  items: z.array(
    z.object({
      areaId: z.string(),
      title: z.string(),
      slug: z.string(),
      /** The Payload version that was live before the release; null when the area was not live. */
      versionBefore: z.union([z.string(), z.number()]).nullable(),
      /** The public-record number the release published. */
      historyNumber: z.number(),
    }),
  ),
})
export type ReleaseRecord = z.infer<typeof ReleaseRecordSchema>

export function itemIdsOf(release: Pick<Release, 'items'>): ItemId[] {
  return (release.items ?? []).map(idOf).filter((id): id is ItemId => id !== null)
}

export function recordOf(release: Pick<Release, 'record'>): ReleaseRecord | null {
  const parsed = ReleaseRecordSchema.safeParse(release.record)
  return parsed.success ? parsed.data : null
}

/** The newest public-record number of each area, by id as a string (absent when never published): one read for them all. */
export async function latestHistoryNumbers(req: PayloadRequest, areaIds: readonly ItemId[]): Promise<Map<string, number>> {
  const { docs } = await req.payload.find({
    collection: PUBLICATION_HISTORY,
    where: { areaId: { in: areaIds.map(String) } },
    select: { areaId: true, number: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const latest = new Map<string, number>()
  for (const entry of docs) latest.set(entry.areaId, Math.max(latest.get(entry.areaId) ?? 0, entry.number))
  return latest
}

/**
 * The Payload version readers see now (the newest published one) of each area, by id as a string;
 * null when nothing is live. Two reads for them all, whatever their number: a release asks this of
 * every item inside its one transaction.
 */
export async function liveVersionIds(req: PayloadRequest, areaIds: readonly ItemId[]): Promise<Map<string, ItemId | null>> {
  const live = new Map<string, ItemId | null>(areaIds.map((id) => [String(id), null]))
  if (!areaIds.length) return live
  const { docs: mainRows } = await req.payload.find({
    collection: AREAS,
    where: { id: { in: [...areaIds] } },
    draft: false,
    trash: true,
    select: { _status: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const published = mainRows.filter((row) => row._status === 'published').map((row) => row.id)
  if (!published.length) return live
  const { docs: versions } = await req.payload.findVersions({
    collection: AREAS,
    where: { and: [{ parent: { in: published } }, { 'version._status': { equals: 'published' } }] },
    select: { parent: true, updatedAt: true },
    sort: '-updatedAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const version of versions) {
    const parent = String(idOf(version.parent))
    // Newest first: the first published version of each parent is the live one.
    if (live.get(parent) === null) live.set(parent, version.id)
  }
  return live
}

export type LoadedItem = ReleaseItemFacts & { slug: string }

/** The quality checks' errors in the working copy, as the release decides on them (warnings do not stop a release). */
export function qualityErrorsOf(working: Area, now = new Date()): string[] {
  return checkPageErrors(fromAreaDocument(working), qualityContextFor(working, now)).map((finding) => finding.message)
}

/** Each item's working copy as workflow facts, in the release's order. */
export async function loadItemFacts(req: PayloadRequest, ids: readonly ItemId[]): Promise<LoadedItem[]> {
  return Promise.all(
    ids.map(async (id): Promise<LoadedItem> => {
      const working = await req.payload
        .findByID({ collection: AREAS, id, draft: true, trash: true, depth: 0, overrideAccess: true, req, disableErrors: true })
        .catch(() => null)
      const live = working ? await hasLiveVersion(req, AREAS, id) : false
      return {
        id,
        title: working?.title ?? String(id),
        slug: working?.slug ?? '',
        facts: factsFromDocument(working, live),
        inTrash: !working || Boolean(working.deletedAt),
        qualityErrors: working ? qualityErrorsOf(working) : [],
      }
    }),
  )
}

/** The release and its items as the workflow module sees them; with what a recall would do once published. */
export async function loadReleaseFacts(req: PayloadRequest, release: Release): Promise<ReleaseFacts & { items: LoadedItem[] }> {
  const state = isReleaseState(release.state) ? release.state : 'open'
  const items = await loadItemFacts(req, itemIdsOf(release))
  const record = state === 'published' ? recordOf(release) : null
  if (record) {
    const latest = await latestHistoryNumbers(req, items.map((item) => item.id))
    for (const item of items) {
      const entry = record.items.find((candidate) => candidate.areaId === String(item.id))
      const unchanged = Boolean(entry) && !item.inTrash && item.facts.hasLiveVersion && (latest.get(String(item.id)) ?? 0) === entry!.historyNumber
      item.recall = { hadLiveVersion: entry?.versionBefore != null, unchangedSinceRelease: unchanged }
    }
  }
  return { name: release.name, state, items, scheduledFor: state === 'scheduled' ? (release.publishAt ?? null) : null }
}

/** One line per item for the release's edit view: whether it is ready, and if not why. */
export function describeItems(release: Pick<ReleaseFacts, 'state'>, items: readonly ReleaseItemFacts[]): string {
  if (!items.length) return 'Inga områden än.'
  const problems = new Map(releaseItemProblems(items).map((problem) => [String(problem.id), problem.reason]))
  const done = release.state === 'published' || release.state === 'recalled'
  return items
    .map((item) => {
      if (done) return `"${item.title}": ${stateLabel(item.facts.state)}`
      const problem = problems.get(String(item.id))
      return problem ? `"${item.title}": inte klart, ${problem}` : `"${item.title}": godkänt och oförändrat`
    })
    .join('\n')
}
