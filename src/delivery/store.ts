/**
 * Reading and writing the published snapshots and the collections they are
 * joined with, through Payload's local API (any database adapter).
 */
import type { Payload, PayloadRequest } from 'payload'

import { INDICATORS, LINKS, NOTICES, PUBLICATION_HISTORY, PUBLISHED_SNAPSHOTS, SECTIONS } from '@/slugs'
import { Catalog, type CatalogMeta, type HistoryEntry, type LinkRecord, type NoticeRecord, type SectionRecord } from './catalog'
import { diffSnapshots, summarizeChanges } from './history'
import { indicatorSeries } from './indicators'
import { VersionChangesSchema } from './schemas'
import { relationId } from '@/domain/relations'
import { AreaSnapshotSchema, type AreaSnapshot } from './snapshot'


const all = { pagination: false, depth: 0, overrideAccess: true } as const

export async function upsertSnapshot(req: PayloadRequest, snapshot: AreaSnapshot): Promise<void> {
  // Neither the stored page nor the written one is read back: only the row's id is needed.
  const only = { select: { areaId: true }, depth: 0, overrideAccess: true, req } as const
  const { docs } = await req.payload.find({ collection: PUBLISHED_SNAPSHOTS, where: { areaId: { equals: snapshot.id } }, limit: 1, pagination: false, ...only })
  const data = { areaId: snapshot.id, slug: snapshot.slug, page: snapshot }
  if (docs[0]) await req.payload.update({ collection: PUBLISHED_SNAPSHOTS, id: docs[0].id, data, ...only })
  else await req.payload.create({ collection: PUBLISHED_SNAPSHOTS, data, ...only })
}

/** Deletes the page's snapshot; true when there was one. */
export async function deleteSnapshot(req: PayloadRequest, areaId: string): Promise<boolean> {
  const { docs } = await req.payload.delete({ collection: PUBLISHED_SNAPSHOTS, where: { areaId: { equals: areaId } }, overrideAccess: true, req })
  return docs.length > 0
}

export async function loadMeta(payload: Payload): Promise<CatalogMeta> {
  const [sections, links, notices] = await Promise.all([
    payload.find({ collection: SECTIONS, ...all }),
    payload.find({ collection: LINKS, ...all }),
    payload.find({ collection: NOTICES, ...all }),
  ])
  return {
    sections: sections.docs.map(
      (section): SectionRecord => ({
        id: String(section.id),
        slug: section.slug,
        title: section.title,
        members: (section.members ?? []).flatMap((member) => {
          const id = relationId(member.value)
          return id ? [{ relationTo: member.relationTo, id }] : []
        }),
      }),
    ),
    links: links.docs.map((link): LinkRecord => ({ id: String(link.id), title: link.title, teaser: link.teaser || null, url: link.url || null })),
    notices: notices.docs.map(
      (notice): NoticeRecord => ({
        text: notice.text,
        body: notice.body || null,
        startsAt: new Date(notice.startsAt).toISOString(),
        endsAt: notice.endsAt ? new Date(notice.endsAt).toISOString() : null,
        scope: notice.scope === 'section' ? 'section' : 'site',
        sectionId: relationId(notice.section),
      }),
    ),
  }
}

export async function loadSnapshots(payload: Payload): Promise<AreaSnapshot[]> {
  const { docs } = await payload.find({ collection: PUBLISHED_SNAPSHOTS, ...all })
  return docs.flatMap((doc) => {
    const parsed = AreaSnapshotSchema.safeParse(doc.page)
    if (parsed.success) return [parsed.data]
    payload.logger.error({ msg: `Ogiltig ögonblicksbild för sidan ${String(doc.slug)} hoppas över`, issues: parsed.error.issues })
    return []
  })
}

/** Everything published, read from the database. Only reads: what is missing is filled in at start (./backfill.ts). */
export async function loadCatalog(payload: Payload): Promise<Catalog> {
  const catalog = new Catalog(await loadSnapshots(payload), await loadMeta(payload))
  catalog.setHistory(await loadHistory(payload))
  return catalog
}

/** Changes whenever any process writes what the catalog is made of. Cheap: counts and one newest row each. */
export async function contentFingerprint(payload: Payload): Promise<string> {
  const parts = await Promise.all(
    [PUBLISHED_SNAPSHOTS, SECTIONS, LINKS, NOTICES].map(async (collection) => {
      // One query per collection: the page of one row also carries the count.
      const { totalDocs, docs } = await payload.find({ collection, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, select: { updatedAt: true } as never })
      return `${collection}:${totalDocs}:${(docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`
    }),
  )
  return parts.join('|')
}

/** Appends a publication to the record, numbered after the area's last one, with what changed since (and why, when `note` says). */
export async function recordPublication(req: PayloadRequest, snapshot: AreaSnapshot, publishedAt: string, note: string | null = null): Promise<HistoryEntry> {
  const { docs } = await req.payload.find({
    collection: PUBLICATION_HISTORY,
    where: { areaId: { equals: snapshot.id } },
    sort: '-number',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const last = docs[0]
  const previous = last ? AreaSnapshotSchema.safeParse(last.page) : null
  const changes = diffSnapshots(previous?.success ? previous.data : null, snapshot)
  const entry: HistoryEntry = {
    areaId: snapshot.id,
    slug: snapshot.slug,
    title: snapshot.title,
    number: (last?.number ?? 0) + 1,
    publishedAt,
    summary: note ? `${note} ${summarizeChanges(changes, !last)}` : summarizeChanges(changes, !last),
    changes,
  }
  await req.payload.create({
    collection: PUBLICATION_HISTORY,
    data: { areaId: entry.areaId, slug: entry.slug, title: entry.title, number: entry.number, publishedAt, summary: entry.summary, changes, page: snapshot },
    overrideAccess: true,
    req,
  })
  return entry
}

/** The record without the pages themselves (those are read one at a time). */
export async function loadHistory(payload: Payload): Promise<HistoryEntry[]> {
  const { docs } = await payload.find({
    collection: PUBLICATION_HISTORY,
    ...all,
    sort: 'number',
    select: { areaId: true, slug: true, title: true, number: true, publishedAt: true, summary: true, changes: true },
  })
  return docs.map((doc) => ({
    areaId: doc.areaId,
    slug: doc.slug,
    title: doc.title,
    number: doc.number,
    publishedAt: new Date(doc.publishedAt).toISOString(),
    summary: doc.summary,
    changes: VersionChangesSchema.parse(doc.changes),
  }))
}

export async function loadVersionSnapshot(payload: Payload, areaId: string, number: number): Promise<AreaSnapshot | null> {
  const { docs } = await payload.find({
    collection: PUBLICATION_HISTORY,
    where: { and: [{ areaId: { equals: areaId } }, { number: { equals: number } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const parsed = docs[0] ? AreaSnapshotSchema.safeParse(docs[0].page) : null
  return parsed?.success ? parsed.data : null
}

/**
 * The snapshot with its indicator trends: its own values and those of the
 * page's earlier published versions, for indicators that exist.
 */
export async function withIndicatorSeries(req: PayloadRequest, snapshot: AreaSnapshot): Promise<AreaSnapshot> {
  const codes = new Set(snapshot.body.flatMap((block) => (block.type === 'resultSet' ? block.bullets.flatMap((bullet) => (bullet.indicator?.code ? [bullet.indicator.code] : [])) : [])))
  if (!codes.size) return { ...snapshot, indicators: [], indicatorNames: {} }
  const [indicators, history] = await Promise.all([
    req.payload.find({ collection: INDICATORS, where: { code: { in: [...codes] } }, ...all, req }),
    req.payload.find({ collection: PUBLICATION_HISTORY, where: { areaId: { equals: snapshot.id } }, sort: 'number', ...all, req }),
  ])
  const earlier = history.docs.flatMap((doc) => {
    const parsed = AreaSnapshotSchema.safeParse(doc.page)
    return parsed.success ? [parsed.data] : []
  })
  const known = new Map(indicators.docs.map((indicator) => [indicator.code, { name: indicator.name, matchText: indicator.matchText }]))
  const indicatorNames = Object.fromEntries(indicators.docs.map((indicator) => [indicator.code, indicator.name]))
  return { ...snapshot, indicators: indicatorSeries([...earlier, snapshot], known), indicatorNames }
}
