import fs from 'node:fs'
import path from 'node:path'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { AREAS, LINKS, NOTICES, SECTIONS } from '@/slugs'
import { importContext } from '@/pipeline/context'
import { contentFingerprint } from '@/domain/publishDates'
import { PageParseError, parsePage, type ParsedPage } from '@/pageImport/parse'
import { planImport, type ImportPlan, type PlannedArea } from './plan'
import { calendarDateToTimestamp, countBullets, toAreaContent } from './toAreaData'

export type FileAction = 'skapad' | 'ny version' | 'uppdaterad' | 'oförändrad' | 'hoppades över' | 'fel'

export type FileOutcome = {
  file: string
  title: string | null
  action: FileAction
  versionsWritten: number
  bullets: number
  warnings: string[]
  error: string | null
}

export type ImportReport = {
  dryRun: boolean
  files: FileOutcome[]
  notes: string[]
  counts: { sectionsCreated: number; linksCreated: number; linksUpdated: number; noticesCreated: number; membersChanged: number }
  durationMs: number
}

export type ImportOptions = { dryRun?: boolean; log?: (line: string) => void }

/**
 * Page files given as files or folders; folders give their .txt files, and
 * whatever else a folder holds is named (never passed over without a word).
 */
export function expandPaths(paths: readonly string[]): { files: string[]; skipped: string[] } {
  const files: string[] = []
  const skipped: string[] = []
  for (const entry of paths) {
    if (!fs.statSync(entry).isDirectory()) {
      files.push(entry)
      continue
    }
    for (const name of fs.readdirSync(entry).sort()) {
      const file = path.join(entry, name)
      if (name.endsWith('.txt')) files.push(file)
      else skipped.push(file)
    }
  }
  return { files, skipped }
}

type Tx = { req: PayloadRequest; dryRun: boolean }

/** One transaction: all of it is written, or (on any error, or in a dry run) none of it. */
async function inTransaction<T>(payload: Payload, dryRun: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  const own = await initTransaction(req)
  try {
    const result = await work({ req, dryRun })
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

const sameTimestamp = (a: unknown, b: string) => typeof a === 'string' && new Date(a).getTime() === new Date(b).getTime()

async function findOne(tx: Tx, collection: typeof AREAS | typeof SECTIONS | typeof LINKS | typeof NOTICES, field: string, value: string) {
  const { docs } = await tx.req.payload.find({
    collection,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req: tx.req,
  })
  return docs[0] as (Record<string, unknown> & { id: number | string }) | undefined
}

const skippedNote = (skipped: readonly string[]): string[] =>
  skipped.length ? [`Inte sidfiler (bara .txt importeras), hoppades över: ${skipped.map((file) => path.basename(file)).join(', ')}.`] : []

export async function importPageFiles(payload: Payload, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now()
  const dryRun = Boolean(options.dryRun)
  const log = options.log ?? (() => undefined)
  const { files, skipped } = expandPaths(paths)
  const outcomes = new Map<string, FileOutcome>()
  const counts = { sectionsCreated: 0, linksCreated: 0, linksUpdated: 0, noticesCreated: 0, membersChanged: 0 }

  const parsed: ParsedPage[] = []
  for (const file of files) {
    const name = path.basename(file)
    try {
      const page = parsePage(fs.readFileSync(file, 'utf8'), name)
      parsed.push(page)
      outcomes.set(name, {
        file: name,
        title: page.title,
        action: 'oförändrad',
        versionsWritten: 0,
        bullets: countBullets(page),
        warnings: page.warnings.map((warning) =>
          warning.message.includes(`rad ${warning.line}`) ? `${name}: ${warning.message}` : `${name}, rad ${warning.line}: ${warning.message}`,
        ),
        error: null,
      })
    } catch (error) {
      const message = error instanceof PageParseError ? error.message : `${name}: ${(error as Error).message}`
      outcomes.set(name, { file: name, title: null, action: 'fel', versionsWritten: 0, bullets: 0, warnings: [], error: message })
      log(`✖ ${message}`)
    }
  }

  const plan = planImport(parsed)
  const sectionIds = await ensureSections(payload, plan, dryRun, counts)

  for (const area of plan.areas) {
    for (const page of area.versions) {
      const outcome = outcomes.get(page.sourceName)!
      try {
        const result = await inTransaction(payload, dryRun, (tx) => importVersion(tx, plan, area, page, sectionIds, counts))
        outcome.action = result.action
        outcome.versionsWritten = result.versionsWritten
        outcome.warnings.push(...result.warnings)
      } catch (error) {
        outcome.action = 'fel'
        outcome.error = `${page.sourceName}: ${(error as Error).message}`
      }
      log(`${outcome.action === 'fel' ? '✖' : '✔'} ${page.sourceName}: ${outcome.title} – ${outcome.action}${outcome.error ? ` (${outcome.error})` : ''}`)
    }
  }

  await updateSectionMembers(payload, plan, sectionIds, dryRun, counts)

  return { dryRun, files: files.map((file) => outcomes.get(path.basename(file))!), notes: [...skippedNote(skipped), ...plan.notes], counts, durationMs: Date.now() - started }
}

async function ensureSections(payload: Payload, plan: ImportPlan, dryRun: boolean, counts: ImportReport['counts']) {
  return inTransaction(payload, dryRun, async (tx) => {
    const ids = new Map<string, number | string | null>()
    for (const section of plan.sections) {
      const existing = await findOne(tx, SECTIONS, 'slug', section.slug)
      if (existing) {
        ids.set(section.slug, existing.id)
        continue
      }
      counts.sectionsCreated += 1
      if (dryRun) {
        ids.set(section.slug, null)
        continue
      }
      const created = await payload.create({ collection: SECTIONS, data: { title: section.title, slug: section.slug }, overrideAccess: true, req: tx.req })
      ids.set(section.slug, created.id)
    }
    return ids
  })
}

async function ensureLinks(tx: Tx, plan: ImportPlan, page: ParsedPage, counts: ImportReport['counts']) {
  const members = plan.sections.flatMap((section) => section.members)
  for (const item of page.related) {
    const member = members.find((candidate) => candidate.title === item.title)
    if (!member || member.kind !== 'link') continue
    const existing = await findOne(tx, LINKS, 'title', item.title)
    if (!existing) {
      counts.linksCreated += 1
      if (!tx.dryRun) await tx.req.payload.create({ collection: LINKS, data: { title: item.title, teaser: member.teaser }, overrideAccess: true, req: tx.req })
    } else if ((existing.teaser ?? null) !== member.teaser) {
      counts.linksUpdated += 1
      if (!tx.dryRun) await tx.req.payload.update({ collection: LINKS, id: existing.id, data: { teaser: member.teaser }, overrideAccess: true, req: tx.req })
    }
  }
}

async function ensureNotice(tx: Tx, page: ParsedPage, counts: ImportReport['counts']): Promise<string[]> {
  if (!page.notice) return []
  if (await findOne(tx, NOTICES, 'text', page.notice.text)) return []
  counts.noticesCreated += 1
  // The file shows the banner as it was on the page's last update; when it ended is not known.
  const startsAt = `${page.lastUpdated}T00:00:00.000Z`
  const endsAt = `${page.lastUpdated}T23:59:59.000Z`
  if (!tx.dryRun) {
    await tx.req.payload.create({
      collection: NOTICES,
      data: { text: page.notice.text, body: page.notice.body, startsAt, endsAt, scope: 'site' },
      overrideAccess: true,
      req: tx.req,
    })
  }
  return [`${page.sourceName}, rad ${page.notice.line}: driftmeddelandet "${page.notice.text}" importeras som visat ${page.lastUpdated} (slutdatum okänt, satt till samma dag).`]
}

async function importVersion(
  tx: Tx,
  plan: ImportPlan,
  area: PlannedArea,
  page: ParsedPage,
  sectionIds: Map<string, number | string | null>,
  counts: ImportReport['counts'],
): Promise<{ action: FileAction; versionsWritten: number; warnings: string[] }> {
  const { payload } = tx.req
  await ensureLinks(tx, plan, page, counts)
  const warnings = await ensureNotice(tx, page, counts)

  const content = toAreaContent(page, area.slug, area.teaser)
  const sectionId = area.sectionSlug ? sectionIds.get(area.sectionSlug) ?? null : null
  const data = { ...content, section: sectionId, _status: 'published' as const }
  const dates = { firstPublishedAt: calendarDateToTimestamp(page.published), lastPublishedAt: calendarDateToTimestamp(page.lastUpdated) }
  const context = importContext(dates)

  const existing = await findOne(tx, AREAS, 'slug', area.slug)
  if (!existing) {
    if (tx.dryRun) return { action: 'skapad', versionsWritten: 1, warnings }
    const created = await payload.create({ collection: AREAS, data: data as never, draft: false, context, overrideAccess: true, req: tx.req })
    await backdateLatestVersion(tx, created.id, dates.lastPublishedAt)
    return { action: 'skapad', versionsWritten: 1, warnings }
  }

  const { docs: versions } = await payload.findVersions({
    collection: AREAS,
    where: { parent: { equals: existing.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req: tx.req,
  })
  const sameDate = versions.find((version) => sameTimestamp(version.version.lastPublishedAt, dates.lastPublishedAt))
  const fingerprint = contentFingerprint(data)
  if (sameDate && contentFingerprint(sameDate.version) === fingerprint) {
    return { action: 'oförändrad', versionsWritten: 0, warnings }
  }
  const liveDate = existing.lastPublishedAt as string | undefined
  if (liveDate && new Date(dates.lastPublishedAt) < new Date(liveDate)) {
    return {
      action: 'hoppades över',
      versionsWritten: 0,
      warnings: [...warnings, `${page.sourceName}: är äldre (${page.lastUpdated}) än den publicerade versionen och skulle skriva över den; importera filerna i en körning för att få hela historiken.`],
    }
  }
  const action: FileAction = sameDate ? 'uppdaterad' : 'ny version'
  if (tx.dryRun) return { action, versionsWritten: 1, warnings }
  await payload.update({ collection: AREAS, id: existing.id, data: data as never, draft: false, context, overrideAccess: true, req: tx.req })
  await backdateLatestVersion(tx, existing.id, dates.lastPublishedAt)
  return { action, versionsWritten: 1, warnings }
}

/** The version history shows each imported version with the date it had on the site. */
async function backdateLatestVersion(tx: Tx, parent: number | string, timestamp: string) {
  const { payload } = tx.req
  const { docs } = await payload.findVersions({
    collection: AREAS,
    where: { parent: { equals: parent } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req: tx.req,
  })
  const latest = docs[0]
  if (!latest) return
  await payload.db.updateVersion({
    collection: AREAS,
    id: latest.id,
    versionData: { ...(latest as never as { version: Record<string, unknown> }), createdAt: timestamp, updatedAt: timestamp },
    req: tx.req,
  })
}

async function updateSectionMembers(
  payload: Payload,
  plan: ImportPlan,
  sectionIds: Map<string, number | string | null>,
  dryRun: boolean,
  counts: ImportReport['counts'],
) {
  await inTransaction(payload, dryRun, async (tx) => {
    for (const section of plan.sections) {
      const id = sectionIds.get(section.slug)
      const resolved: { relationTo: typeof AREAS | typeof LINKS; value: number | string }[] = []
      for (const member of section.members) {
        const doc = member.kind === 'area' ? await findOne(tx, AREAS, 'title', member.title) : await findOne(tx, LINKS, 'title', member.title)
        if (doc) resolved.push({ relationTo: member.kind === 'area' ? AREAS : LINKS, value: doc.id })
      }
      const current = id == null ? null : await payload.findByID({ collection: SECTIONS, id, depth: 0, overrideAccess: true, req: tx.req })
      const currentMembers = ((current?.members ?? []) as { relationTo: string; value: unknown }[]).map(
        (member) => `${member.relationTo}:${typeof member.value === 'object' && member.value ? (member.value as { id: unknown }).id : member.value}`,
      )
      // Members an editor added by hand stay, after the imported ones.
      const kept = ((current?.members ?? []) as { relationTo: typeof AREAS | typeof LINKS; value: unknown }[])
        .map((member) => ({ relationTo: member.relationTo, value: (typeof member.value === 'object' && member.value ? (member.value as { id: number | string }).id : member.value) as number | string }))
        .filter((member) => !resolved.some((entry) => entry.relationTo === member.relationTo && String(entry.value) === String(member.value)))
      const next = [...resolved, ...kept]
      if (JSON.stringify(next.map((member) => `${member.relationTo}:${member.value}`)) === JSON.stringify(currentMembers)) continue
      counts.membersChanged += 1
      if (!dryRun && id != null) {
        await payload.update({ collection: SECTIONS, id, data: { members: next as never }, overrideAccess: true, req: tx.req })
      }
    }
  })
}
