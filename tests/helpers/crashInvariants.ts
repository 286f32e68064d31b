/**
 * What must hold after a process died in the middle of an import or a publish
 * (tests/slow/crash.test.ts): each change is in the database whole or not at
 * all, the audit log and the webhook outbox agree with it, and nothing the
 * process reported as done is lost. The checkers are pure (state in, list of
 * problems out, tested in tests/unit/crashInvariants.test.ts); the readers
 * collect that state through Payload's local API, so they work on any adapter.
 */
import type { Payload } from 'payload'

import { AREAS, AUDIT_LOG, LINKS, NOTICES, PUBLICATION_HISTORY, PUBLISHED_SNAPSHOTS, SECTIONS, WEBHOOK_DELIVERIES } from '@collections/index'
import { parsePage, type ParsedPage } from '@/pageImport/parse'
import { planImport } from '@/pageImport/plan'

// ---------------------------------------------------------------- child output

/** `import A -- publish 3 p1 x` → [['import', 'A'], ['publish', '3', 'p1', 'x']] (crashChild's arguments). */
export function splitCommands(argv: readonly string[]): string[][] {
  const commands: string[][] = [[]]
  for (const arg of argv) {
    if (arg === '--') commands.push([])
    else commands.at(-1)!.push(arg)
  }
  return commands.filter((command) => command.length > 0)
}

export type ChildEvent =
  | { kind: 'ready' }
  | { kind: 'start'; index: number }
  | { kind: 'finished'; index: number; code: number }
  | { kind: 'done' }
  | { kind: 'tx-begin' }
  | { kind: 'tx-end' }
  | { kind: 'file'; file: string; action: string }
  | { kind: 'begin'; slug: string; marker: string }
  | { kind: 'committed'; slug: string; marker: string }
  | { kind: 'error'; message: string }
  | { kind: 'other'; line: string }

export function parseChildLine(line: string): ChildEvent {
  const [word, ...rest] = line.trim().split(' ')
  if (word === 'ready' || word === 'done' || word === 'tx-begin' || word === 'tx-end') return { kind: word }
  if (word === 'error') return { kind: 'error', message: rest.join(' ') }
  if (word === 'start' && rest.length === 1) return { kind: 'start', index: Number(rest[0]) }
  if (word === 'finished' && rest.length === 2) return { kind: 'finished', index: Number(rest[0]), code: Number(rest[1]) }
  if (word === 'file' && rest.length === 2) return { kind: 'file', file: rest[0]!, action: rest[1]!.replace(/_/g, ' ') }
  if ((word === 'begin' || word === 'committed') && rest.length === 2) return { kind: word, slug: rest[0]!, marker: rest[1]! }
  return { kind: 'other', line }
}

/** Whether the process died between a transaction's BEGIN and its COMMIT/ROLLBACK, as far as it told. */
export function diedInsideTransaction(events: readonly ChildEvent[]): boolean {
  let open = 0
  for (const event of events) {
    if (event.kind === 'tx-begin') open += 1
    else if (event.kind === 'tx-end') open = Math.max(0, open - 1)
  }
  return open > 0
}

// ---------------------------------------------------------------- page files

/**
 * Appends `tag` to every line that names something the importer identifies by
 * its text (the page title, related pages, the notice banner, the section
 * heading), so that copies of one seed file are pages of their own, with links,
 * notices and a section of their own.
 */
export function tagPageText(text: string, names: readonly string[], tag: string): string {
  const known = new Set(names.map((name) => name.trim()))
  return text
    .split(/(\r?\n)/)
    .map((line) => {
      const trimmed = line.trim()
      if (!trimmed || !(known.has(trimmed) || trimmed.startsWith('Fler sidor inom '))) return line
      return `${line.trimEnd()} ${tag}`
    })
    .join('')
}

/** The names tagPageText must tag in a parsed file. */
export const namesIn = (page: ParsedPage): string[] => [page.title, ...page.related.map((item) => item.title), ...(page.notice ? [page.notice.text] : [])]

export const copyTag = (run: number, copy: number): string => `k${run}x${copy}`
/** Replaces a run's tags by one that is the same for every run, for comparisons between runs. */
export const untag = (text: string): string => text.replace(/\bk\d+x(\d+)\b/g, 'kRUNx$1')
export const belongsToRun = (text: string | null | undefined, run: number): boolean => new RegExp(`\\bk${run}x\\d+\\b`).test(text ?? '')

/** A bullet as text, blanks normalised: the stored page, its snapshot and its record must agree on it. */
export const bulletKey = (national: unknown, local: unknown): string =>
  `${String(national ?? '').replace(/\s+/g, ' ').trim()} | ${String(local ?? '').replace(/\s+/g, ' ').trim()}`

export type ExpectedFile = { name: string; lastUpdated: string; bullets: string[]; links: string[]; notice: string | null }
export type ExpectedImport = {
  /** Every file, in the order the importer writes them (area by area, oldest version first). */
  order: string[]
  areas: { slug: string; files: ExpectedFile[] }[]
  sections: { slug: string; members: string[] }[]
  links: string[]
  notices: string[]
}

const sortedBullets = (page: ParsedPage): string[] =>
  page.body.flatMap((block) => (block.type === 'resultSet' ? block.bullets.map((bullet) => bulletKey(bullet.national, bullet.local)) : [])).sort()

/** What an uninterrupted import of these files writes, derived from the files (the importer's own plan). */
export function expectImport(files: readonly { name: string; text: string }[]): ExpectedImport {
  const plan = planImport(files.map((file) => parsePage(file.text, file.name)))
  const linkTitles = new Set(plan.sections.flatMap((section) => section.members.filter((member) => member.kind === 'link').map((member) => member.title)))
  const areas = plan.areas.map((area) => ({
    slug: area.slug,
    files: area.versions.map(
      (page): ExpectedFile => ({
        name: page.sourceName,
        lastUpdated: page.lastUpdated,
        bullets: sortedBullets(page),
        links: page.related.map((item) => item.title).filter((title) => linkTitles.has(title)),
        notice: page.notice?.text ?? null,
      }),
    ),
  }))
  return {
    order: areas.flatMap((area) => area.files.map((file) => file.name)),
    areas,
    sections: plan.sections.map((section) => ({ slug: section.slug, members: section.members.map((member) => member.title) })),
    links: [...linkTitles].sort(),
    notices: [...new Set(areas.flatMap((area) => area.files.flatMap((file) => (file.notice ? [file.notice] : []))))].sort(),
  }
}

// ---------------------------------------------------------------- state

type Id = number | string

export type PublishedPage = { teaser: string | null; bullets: string[]; lastPublishedAt: string | null }
export type AreaState = {
  id: string
  slug: string
  status: string | null
  page: PublishedPage
  versions: (PublishedPage & { status: string | null; createdAt: string })[]
  history: (PublishedPage & { number: number; publishedAt: string })[]
  snapshot: PublishedPage | null
  /** Audit entries about this area, oldest first. */
  audits: string[]
  /** Queued webhook deliveries about this area. */
  deliveries: number
}
export type DatabaseState = {
  areas: AreaState[]
  sections: { slug: string; title: string; members: string[] }[]
  links: { title: string; teaser: string | null }[]
  notices: string[]
  /** Rows that point at something that does not exist, or half-written rows (see readDatabaseState). */
  strays: string[]
}

const iso = (value: unknown): string | null => (value ? new Date(String(value)).toISOString() : null)

/** A stored area or version (blockType blocks) or a snapshot (type blocks), as the checks compare it. */
export function publishedPage(page: Record<string, unknown> | null | undefined): PublishedPage {
  const body = (page?.body ?? []) as { blockType?: string; type?: string; bullets?: { national?: unknown; local?: unknown }[] }[]
  return {
    teaser: (page?.teaser as string | null | undefined) ?? null,
    bullets: body
      .filter((block) => (block.blockType ?? block.type) === 'resultSet')
      .flatMap((block) => (block.bullets ?? []).map((bullet) => bulletKey(bullet.national, bullet.local)))
      .sort(),
    lastPublishedAt: iso(page?.lastPublishedAt),
  }
}

const all = { pagination: false, depth: 0, overrideAccess: true } as const

/**
 * Everything the checks need, read afresh through the local API (no SQL, ids
 * opaque). Reads the collections themselves, never the in-memory catalog,
 * which may not have seen another process's writes.
 */
export async function readDatabaseState(payload: Payload): Promise<DatabaseState> {
  const find = async (collection: string, extra: Record<string, unknown> = {}) =>
    (await payload.find({ collection: collection as never, ...all, ...extra })).docs as unknown as Record<string, unknown>[]
  const [areas, versions, history, snapshots, audits, deliveries, jobs, sections, links, notices] = await Promise.all([
    find(AREAS, { draft: false }),
    payload.findVersions({ collection: AREAS, ...all, sort: 'createdAt' }).then((result) => result.docs as unknown as Record<string, unknown>[]),
    find(PUBLICATION_HISTORY, { sort: 'number' }),
    find(PUBLISHED_SNAPSHOTS),
    find(AUDIT_LOG, { sort: 'createdAt' }),
    find(WEBHOOK_DELIVERIES),
    find('payload-jobs'),
    find(SECTIONS),
    find(LINKS),
    find(NOTICES),
  ])
  const strays: string[] = []
  const areaIds = new Set(areas.map((area) => String(area.id)))
  const byArea = <T>(rows: T[], areaOf: (row: T) => string | null | undefined, what: (row: T) => string) => {
    const grouped = new Map<string, T[]>()
    for (const row of rows) {
      const areaId = areaOf(row)
      if (!areaId || !areaIds.has(areaId)) {
        strays.push(`${what(row)} hör till sidan ${areaId ?? '(ingen)'}, som inte finns`)
        continue
      }
      grouped.set(areaId, [...(grouped.get(areaId) ?? []), row])
    }
    return grouped
  }

  const versionsBy = byArea(versions, (row) => String(row.parent), (row) => `versionen ${String(row.id)}`)
  const historyBy = byArea(history, (row) => String(row.areaId), (row) => `publiceringshistoriken ${String(row.id)}`)
  const snapshotsBy = byArea(snapshots, (row) => String(row.areaId), (row) => `ögonblicksbilden ${String(row.id)}`)
  const areaAudits = audits.filter((row) => row.collectionSlug === AREAS)
  const auditsBy = byArea(areaAudits, (row) => (row.documentId == null ? null : String(row.documentId)), (row) => `händelsen ${String(row.id)} (${String(row.action)})`)
  const versionIds = new Set(versions.map((version) => String(version.id)))
  for (const audit of areaAudits) {
    if (audit.versionId != null && !versionIds.has(String(audit.versionId))) strays.push(`händelsen ${String(audit.id)} pekar på versionen ${String(audit.versionId)}, som inte finns`)
  }

  // The outbox: every delivery has its body and one job; every job its delivery.
  const jobsByDelivery = new Map<string, number>()
  for (const job of jobs) {
    const deliveryId = (job.input as { deliveryId?: unknown } | undefined)?.deliveryId
    if (deliveryId === undefined) continue
    jobsByDelivery.set(String(deliveryId), (jobsByDelivery.get(String(deliveryId)) ?? 0) + 1)
  }
  const deliveryIds = new Set(deliveries.map((delivery) => String(delivery.id)))
  for (const [deliveryId] of jobsByDelivery) if (!deliveryIds.has(deliveryId)) strays.push(`ett webhook-jobb gäller leveransen ${deliveryId}, som inte finns`)
  const deliveryArea = (delivery: Record<string, unknown>) => {
    if (typeof delivery.body !== 'string' || !delivery.body) return null
    return String((JSON.parse(delivery.body) as { area?: { id?: unknown } }).area?.id ?? '')
  }
  for (const delivery of deliveries) {
    const jobsFor = jobsByDelivery.get(String(delivery.id)) ?? 0
    if (jobsFor !== 1) strays.push(`webhook-leveransen ${String(delivery.id)} har ${jobsFor} jobb (ska ha 1)`)
  }
  const deliveriesBy = byArea(
    deliveries.filter((delivery) => delivery.event === 'area.published'),
    deliveryArea,
    (row) => `webhook-leveransen ${String(row.id)}${typeof row.body === 'string' && row.body ? '' : ' (utan kropp)'}`,
  )

  const linkTitles = new Map(links.map((link) => [String(link.id), String(link.title)]))
  const areaTitles = new Map(areas.map((area) => [String(area.id), String(area.title)]))
  return {
    areas: areas.map((area): AreaState => {
      const id = String(area.id)
      return {
        id,
        slug: String(area.slug),
        status: (area._status as string | undefined) ?? null,
        page: publishedPage(area),
        versions: (versionsBy.get(id) ?? []).map((row) => {
          const version = row.version as Record<string, unknown>
          return { ...publishedPage(version), status: (version._status as string | undefined) ?? null, createdAt: iso(row.createdAt)! }
        }),
        history: (historyBy.get(id) ?? []).map((row) => ({
          ...publishedPage(row.page as Record<string, unknown>),
          number: Number(row.number),
          publishedAt: iso(row.publishedAt)!,
        })),
        snapshot: snapshotsBy.get(id)?.length === 1 ? publishedPage(snapshotsBy.get(id)![0]!.page as Record<string, unknown>) : null,
        audits: (auditsBy.get(id) ?? []).map((row) => String(row.action)),
        deliveries: deliveriesBy.get(id)?.length ?? 0,
      }
    }),
    sections: sections.map((section) => ({
      slug: String(section.slug),
      title: String(section.title),
      members: ((section.members ?? []) as { relationTo: string; value: unknown }[]).map((member) => {
        const id = String(typeof member.value === 'object' && member.value ? (member.value as { id: Id }).id : member.value)
        return (member.relationTo === AREAS ? areaTitles.get(id) : linkTitles.get(id)) ?? `(saknas: ${member.relationTo} ${id})`
      }),
    })),
    links: links.map((link) => ({ title: String(link.title), teaser: (link.teaser as string | null | undefined) ?? null })),
    notices: notices.map((notice) => String(notice.text)),
    strays,
  }
}

// ---------------------------------------------------------------- checks

const dateOf = (timestamp: string | null | undefined) => (timestamp ?? '').slice(0, 10)
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index])

/** The part of the state that belongs to one import run (its tag), for checks and comparisons. */
export function runState(state: DatabaseState, run: number): DatabaseState {
  return {
    areas: state.areas.filter((area) => belongsToRun(area.slug, run)),
    sections: state.sections.filter((section) => belongsToRun(section.slug, run)),
    links: state.links.filter((link) => belongsToRun(link.title, run)),
    notices: state.notices.filter((notice) => belongsToRun(notice, run)),
    strays: state.strays,
  }
}

/**
 * After an import was killed: each file is in the database whole (its version,
 * record entry, snapshot, audit entry, webhook delivery, links, notice) or not
 * at all; the files present are the first ones the importer writes, in its
 * order; every file the child reported is among them; the section members
 * (the last transaction) are all written or none. Also returns the files present.
 */
export function checkImport(
  expected: ExpectedImport,
  state: DatabaseState,
  reported: readonly string[],
  options: { webhook: boolean },
): { problems: string[]; present: string[] } {
  const problems = [...state.strays]
  const present: string[] = []
  for (const area of expected.areas) {
    const found = state.areas.filter((candidate) => candidate.slug === area.slug)
    if (found.length > 1) problems.push(`${area.slug}: ${found.length} sidor med samma adress`)
    const doc = found[0]
    if (!doc) continue
    const k = doc.versions.length
    if (k > area.files.length) {
      problems.push(`${area.slug}: ${k} versioner, men bara ${area.files.length} filer`)
      continue
    }
    const files = area.files.slice(0, k)
    present.push(...files.map((file) => file.name))
    if (k === 0) problems.push(`${area.slug}: sidan finns men har ingen version`)
    files.forEach((file, index) => {
      const version = doc.versions[index]!
      const where = `${area.slug}, version ${index + 1} (${file.name})`
      if (version.status !== 'published') problems.push(`${where}: status ${version.status}`)
      if (!same(version.bullets, file.bullets)) problems.push(`${where}: ${version.bullets.length} punkter, filen har ${file.bullets.length} (eller annan text)`)
      if (dateOf(version.lastPublishedAt) !== file.lastUpdated) problems.push(`${where}: senast uppdaterad ${dateOf(version.lastPublishedAt)}, filen ${file.lastUpdated}`)
      if (dateOf(version.createdAt) !== file.lastUpdated) problems.push(`${where}: versionen daterad ${dateOf(version.createdAt)}, filen ${file.lastUpdated}`)
      const entry = doc.history[index]
      if (!entry) problems.push(`${where}: saknas i publiceringshistoriken`)
      else {
        if (entry.number !== index + 1) problems.push(`${where}: historikens nummer ${entry.number}`)
        if (!same(entry.bullets, file.bullets)) problems.push(`${where}: historikens punkter skiljer sig från filens`)
        if (dateOf(entry.publishedAt) !== file.lastUpdated) problems.push(`${where}: historiken säger publicerad ${dateOf(entry.publishedAt)}`)
      }
    })
    if (doc.history.length !== k) problems.push(`${area.slug}: ${doc.history.length} poster i publiceringshistoriken, ${k} versioner`)
    const newest = files.at(-1)
    if (newest) {
      if (doc.status !== 'published') problems.push(`${area.slug}: sidan har status ${doc.status}`)
      if (!same(doc.page.bullets, newest.bullets) || dateOf(doc.page.lastPublishedAt) !== newest.lastUpdated) problems.push(`${area.slug}: sidan är inte den senaste importerade versionen (${newest.name})`)
      if (!doc.snapshot) problems.push(`${area.slug}: publicerad men utan ögonblicksbild`)
      else if (!same(doc.snapshot.bullets, newest.bullets) || dateOf(doc.snapshot.lastPublishedAt) !== newest.lastUpdated) problems.push(`${area.slug}: ögonblicksbilden är inte ${newest.name}`)
    }
    const publishes = doc.audits.filter((action) => action === 'publish').length
    if (publishes !== k || doc.audits.length !== k) problems.push(`${area.slug}: händelseloggen har ${doc.audits.join(', ') || 'inget'} för ${k} importerade versioner`)
    if (options.webhook && doc.deliveries !== k) problems.push(`${area.slug}: ${doc.deliveries} webhook-leveranser för ${k} publiceringar`)
  }
  for (const area of state.areas) {
    if (!expected.areas.some((candidate) => candidate.slug === area.slug)) problems.push(`${area.slug}: en sida som ingen fil har`)
  }

  // Files are written one after the other: the ones present are the first ones, in order.
  const prefix = expected.order.slice(0, present.length)
  if (!same([...present].sort(), [...prefix].sort())) problems.push(`filerna i databasen (${present.join(', ')}) är inte de ${present.length} första i importordningen`)
  const missingReported = reported.filter((file) => !present.includes(file))
  if (missingReported.length) problems.push(`rapporterade som klara men saknas: ${missingReported.join(', ')}`)
  // At most one file can have committed without being reported (killed between the commit and the line).
  if (present.length > reported.length + 1) problems.push(`${present.length} filer i databasen men bara ${reported.length} rapporterade`)

  const presentFiles = expected.areas.flatMap((area) => area.files).filter((file) => present.includes(file.name))
  const wantedLinks = new Set(presentFiles.flatMap((file) => file.links))
  const wantedNotices = new Set(presentFiles.flatMap((file) => (file.notice ? [file.notice] : [])))
  const links = state.links.map((link) => link.title)
  for (const title of wantedLinks) if (!links.includes(title)) problems.push(`länken "${title}" saknas fast en importerad fil har den`)
  for (const title of links) if (!wantedLinks.has(title)) problems.push(`länken "${title}" finns men ingen importerad fil har den`)
  for (const text of wantedNotices) if (!state.notices.includes(text)) problems.push(`driftmeddelandet "${text}" saknas`)
  for (const text of state.notices) if (!wantedNotices.has(text)) problems.push(`driftmeddelandet "${text}" finns men ingen importerad fil har det`)
  if (new Set(links).size !== links.length) problems.push('samma länk finns flera gånger')
  if (new Set(state.notices).size !== state.notices.length) problems.push('samma driftmeddelande finns flera gånger')

  // Sections: all in the first transaction, members all in the last one.
  const sectionSlugs = state.sections.map((section) => section.slug).sort()
  const allSections = expected.sections.map((section) => section.slug).sort()
  if (sectionSlugs.length && !same(sectionSlugs, allSections)) problems.push(`avsnitten ${sectionSlugs.join(', ')}: bara en del av importens avsnitt`)
  if (present.length && !sectionSlugs.length) problems.push('filer importerade men inga avsnitt')
  const complete = expected.sections.every((section) => same(state.sections.find((found) => found.slug === section.slug)?.members ?? [], section.members))
  const empty = state.sections.every((section) => section.members.length === 0)
  if (!complete && !empty) problems.push('avsnittens medlemmar är delvis skrivna')
  if (complete && sectionSlugs.length && present.length !== expected.order.length) problems.push('avsnittens medlemmar är skrivna före alla filer')
  return { problems, present }
}

/**
 * A run's state with everything that may differ between two correct imports of
 * the same files removed: ids, its tag, and times that are not the files' own.
 */
export function normaliseImport(state: DatabaseState): string {
  const areas = [...state.areas]
    .sort((a, b) => untag(a.slug).localeCompare(untag(b.slug)))
    .map(({ id: _id, ...area }) => area)
  const dump = {
    areas,
    sections: [...state.sections].sort((a, b) => untag(a.slug).localeCompare(untag(b.slug))),
    links: [...state.links].sort((a, b) => untag(a.title).localeCompare(untag(b.title))),
    notices: [...state.notices].map(untag).sort(),
  }
  return untag(JSON.stringify(dump, null, 1))
}

// ---------------------------------------------------------------- publish

export const PUBLISH_MARKER_PREFIX = 'Markör '

/** What the child writes for one publish: the marker in the teaser and in a bullet. */
export function publishData(slug: string, marker: string): Record<string, unknown> {
  return {
    teaser: `${PUBLISH_MARKER_PREFIX}${marker}`,
    body: [{ blockType: 'resultSet', surveyYear: 2023, lead: 'visar att', bullets: [{ national: `Nationellt resultat för ${slug}`, local: `Kalmar ${marker}` }] }],
    _status: 'published',
  }
}

/** The marker a page carries, or null when teaser and bullet disagree (a half-written page). */
export function markerOf(page: PublishedPage | null | undefined): string | null | 'inkonsekvent' {
  if (!page?.teaser?.startsWith(PUBLISH_MARKER_PREFIX)) return null
  const marker = page.teaser.slice(PUBLISH_MARKER_PREFIX.length)
  return page.bullets.length === 1 && page.bullets[0]!.endsWith(`| Kalmar ${marker}`) ? marker : 'inkonsekvent'
}

/** What the children said: every publish begun (in order, over all children), those reported done, and those in flight at a kill. */
export type PublishLog = { begun: readonly { slug: string; marker: string }[]; committed: readonly string[]; inFlight: readonly string[] }

/**
 * After a publish was killed, for each page: the live page, its snapshot, its
 * newest record entry and its newest published version carry the same marker;
 * the record, the audit log's publishes, the published versions and the
 * webhook deliveries have one entry per publish; every marker reported as
 * committed is in the record exactly once; the only other markers there are
 * publishes in flight at a kill (committed, not yet reported); all in order.
 */
export function checkPublish(state: DatabaseState, slugs: readonly string[], log: PublishLog, options: { webhook: boolean }): string[] {
  const problems = [...state.strays]
  for (const slug of slugs) {
    const doc = state.areas.find((area) => area.slug === slug)
    if (!doc) {
      problems.push(`${slug}: sidan saknas`)
      continue
    }
    const live = markerOf(doc.page)
    const published = doc.versions.filter((version) => version.status === 'published')
    const seen = {
      sida: live,
      ögonblicksbild: markerOf(doc.snapshot),
      'senaste historikpost': markerOf(doc.history.at(-1)),
      'senaste publicerade version': markerOf(published.at(-1)),
    }
    if (doc.status !== 'published') problems.push(`${slug}: status ${doc.status}`)
    if (new Set(Object.values(seen)).size !== 1 || live === 'inkonsekvent') problems.push(`${slug}: olika innehåll ${JSON.stringify(seen)}`)
    if (!doc.snapshot) problems.push(`${slug}: ögonblicksbild saknas`)
    doc.history.forEach((entry, index) => {
      if (entry.number !== index + 1) problems.push(`${slug}: historikpost ${index + 1} har nummer ${entry.number}`)
    })
    const publishes = doc.audits.filter((action) => action === 'publish').length
    if (publishes !== doc.history.length) problems.push(`${slug}: ${publishes} publiceringar i händelseloggen, ${doc.history.length} i historiken`)
    if (published.length !== doc.history.length) problems.push(`${slug}: ${published.length} publicerade versioner, ${doc.history.length} i historiken`)
    if (options.webhook && doc.deliveries !== doc.history.length) problems.push(`${slug}: ${doc.deliveries} webhook-leveranser, ${doc.history.length} i historiken`)

    const begun = log.begun.filter((entry) => entry.slug === slug).map((entry) => entry.marker)
    const recorded = doc.history.map((entry) => markerOf(entry))
    const ours = recorded.filter((marker): marker is string => marker !== null && begun.includes(marker))
    for (const marker of begun.filter((candidate) => log.committed.includes(candidate))) {
      const times = recorded.filter((candidate) => candidate === marker).length
      if (times !== 1) problems.push(`${slug}: ${marker} rapporterades som publicerad men finns ${times} gånger i historiken`)
    }
    const unreported = ours.filter((marker) => !log.committed.includes(marker) && !log.inFlight.includes(marker))
    if (unreported.length) problems.push(`${slug}: publiceringar i historiken som varken rapporterades eller pågick: ${unreported.join(', ')}`)
    if (new Set(ours).size !== ours.length) problems.push(`${slug}: samma publicering flera gånger i historiken`)
    if (!same(ours, begun.filter((marker) => ours.includes(marker)))) problems.push(`${slug}: historiken har publiceringarna i fel ordning`)
    if (ours.length && live !== ours.at(-1)) problems.push(`${slug}: sidan visar ${live}, senast publicerat är ${ours.at(-1)}`)
  }
  return problems
}
