/**
 * Everything published, in memory: the area snapshots and the small
 * collections they are joined with (sections, links, notices). Reads are
 * synchronous lookups; every change bumps `generation`, which drops what was
 * composed from the old state.
 */
import { firstListingSections, sectionIdOf } from '@/domain/sections'
import { processSlot } from '@/runtime/processSlots.mjs'
import { PAGE_SEGMENTS } from '@/runtime/serverContract.mjs'
import { oldestVersionSummary } from './history'
import type { AreaSnapshot } from './snapshot'
import type { AreaList, AreaListItem, AreaPage, AreaVersionList, AreaVersionPage, Notice, RelatedItem, SectionPage, SectionRef, VersionChanges } from './schemas'

export type SectionRecord = {
  id: string
  slug: string
  title: string
  members: { relationTo: 'areas' | 'links'; id: string }[]
}
export type LinkRecord = { id: string; title: string; teaser: string | null; url: string | null }
export type NoticeRecord = Omit<Notice, 'section'> & { sectionId: string | null }

/** One publication in the record (its page is loaded on demand). */
export type HistoryEntry = {
  areaId: string
  slug: string
  title: string
  number: number
  publishedAt: string
  summary: string
  changes: VersionChanges
}

export type CatalogMeta = { sections: SectionRecord[]; links: LinkRecord[]; notices: NoticeRecord[] }

export const AREA_SORTS = ['title', '-title', 'lastPublishedAt', '-lastPublishedAt'] as const
export type AreaSort = (typeof AREA_SORTS)[number]
export type AreaListQuery = { page?: number; limit?: number; sort?: AreaSort; section?: string }

export const areaPath = (slug: string) => `/${PAGE_SEGMENTS.comparisons}/${slug}`
export const versionPath = (slug: string, number: number) => `${areaPath(slug)}/historik/${number}`

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true })

/**
 * Generations count across every catalog of the process (a reload replaces the
 * catalog), so a generation never names two states: the page cache keys on it.
 * In a process slot because Next may load this module more than once.
 */
const generationsSlot = processSlot<{ last: number }>('catalogGenerations')
const nextGeneration = () => ++generationsSlot.getOrCreate(() => ({ last: 0 })).last

export class Catalog {
  generation = 0
  private readonly areasById = new Map<string, AreaSnapshot>()
  private readonly areaIdBySlug = new Map<string, string>()
  private meta: CatalogMeta = { sections: [], links: [], notices: [] }
  private sectionsById = new Map<string, SectionRecord>()
  private linksById = new Map<string, LinkRecord>()
  /** Each section's visible members, per generation: composing a page must not rescan every area. */
  private membersBySection = new Map<string, { key: string; item: RelatedItem }[]>()
  private sectionIdByArea = new Map<string, string>()
  private pages = new Map<string, AreaPage>()
  private sortedByTitle: AreaSnapshot[] | null = null
  private bySectionId: Map<string, AreaSnapshot[]> | null = null
  private historyByArea = new Map<string, HistoryEntry[]>()
  /** Areas by every slug their record was published under, so the record outlives an unpublish or a new slug. */
  private historyAreaBySlug = new Map<string, string>()
  private versionPages = new Map<string, AreaVersionPage>()
  private derivedValues = new Map<string, unknown>()
  /** pageState's last answer and the span of time it holds for. */
  private pageStateKept: { generation: number; from: number; until: number; state: string } | null = null

  constructor(areas: AreaSnapshot[] = [], meta?: CatalogMeta) {
    for (const area of areas) this.index(area)
    if (meta) this.setMeta(meta)
    else this.changed()
  }

  /** A publish: the area's new snapshot replaces its old one (its slug may have changed). */
  setArea(snapshot: AreaSnapshot): void {
    this.unindex(snapshot.id)
    this.index(snapshot)
    this.changed()
  }

  /** An unpublish or delete. */
  removeArea(id: string): void {
    this.unindex(id)
    this.changed()
  }

  setMeta(meta: CatalogMeta): void {
    this.meta = meta
    this.sectionsById = new Map(meta.sections.map((section) => [section.id, section]))
    this.linksById = new Map(meta.links.map((link) => [link.id, link]))
    this.sectionIdByArea = firstListingSections(meta.sections)
    this.changed()
  }

  setHistory(entries: HistoryEntry[]): void {
    this.historyByArea = new Map()
    this.historyAreaBySlug = new Map()
    for (const entry of [...entries].sort((a, b) => a.number - b.number)) this.addHistory(entry)
    this.changed()
  }

  /** A new publication: appended once its publish has committed. */
  appendHistory(entry: HistoryEntry): void {
    this.addHistory(entry)
    this.changed()
  }

  private addHistory(entry: HistoryEntry): void {
    const list = this.historyByArea.get(entry.areaId) ?? []
    if (list.some((existing) => existing.number === entry.number)) return
    list.push(entry)
    this.historyByArea.set(entry.areaId, list)
    this.historyAreaBySlug.set(entry.slug, entry.areaId)
  }

  private historyOf(slug: string): { areaId: string; entries: HistoryEntry[]; slug: string } | null {
    const areaId = this.areaIdBySlug.get(slug) ?? this.historyAreaBySlug.get(slug)
    const entries = areaId ? this.historyByArea.get(areaId) : undefined
    if (!areaId || !entries?.length) return null
    // Links use the page's current address (or its last published one).
    const current = this.areasById.get(areaId)?.slug ?? entries.at(-1)!.slug
    return { areaId, entries, slug: current }
  }

  versionList(slug: string): AreaVersionList | null {
    const history = this.historyOf(slug)
    if (!history) return null
    return {
      slug: history.slug,
      title: this.areasById.get(history.areaId)?.title ?? history.entries.at(-1)!.title,
      items: history.entries.map((entry) => this.versionSummary(history, entry)),
    }
  }

  /** The published version's page: null when there is no such version, undefined when it is not loaded yet. */
  versionPage(slug: string, number: number): AreaVersionPage | null | undefined {
    const history = this.historyOf(slug)
    const entry = history?.entries.find((candidate) => candidate.number === number)
    if (!history || !entry) return null
    return this.versionPages.get(`${history.areaId}:${number}`)
  }

  /** Where to load a version's page from, or null when there is no such version. */
  versionSource(slug: string, number: number): { areaId: string } | null {
    const history = this.historyOf(slug)
    return history?.entries.some((entry) => entry.number === number) ? { areaId: history.areaId } : null
  }

  /** Keeps a loaded version page (a bounded number of them: versions never change, so they stay valid). */
  storeVersionPage(slug: string, number: number, snapshot: AreaSnapshot): AreaVersionPage | null {
    const history = this.historyOf(slug)
    const entry = history?.entries.find((candidate) => candidate.number === number)
    if (!history || !entry) return null
    const { section: _section, related: _related, ...page } = this.composePage(snapshot)
    const versionPage: AreaVersionPage = {
      ...page,
      url: versionPath(history.slug, number),
      version: this.versionSummary(history, entry, snapshot.firstPublishedAt),
      current: number === history.entries.at(-1)!.number && this.areasById.has(history.areaId),
    }
    if (this.versionPages.size >= 500) this.versionPages.delete(this.versionPages.keys().next().value!)
    this.versionPages.set(`${history.areaId}:${number}`, versionPage)
    return versionPage
  }

  /**
   * One entry as the API and the pages show it. The oldest entry's summary is
   * worded from the page's first publication date (the live page's, or else
   * the version's own), so it does not claim to be the first publication when
   * the page was published before the record began (see oldestVersionSummary).
   */
  private versionSummary(history: { areaId: string; entries: HistoryEntry[]; slug: string }, entry: HistoryEntry, versionFirstPublishedAt?: string | null) {
    const firstPublishedAt = this.areasById.get(history.areaId)?.firstPublishedAt ?? versionFirstPublishedAt ?? null
    const summary = entry === history.entries[0] ? oldestVersionSummary(entry.summary, entry.publishedAt, firstPublishedAt) : entry.summary
    return { number: entry.number, publishedAt: entry.publishedAt, summary, changes: entry.changes, url: versionPath(history.slug, entry.number) }
  }

  /** Every published area, by title (the open dataset's order). */
  publishedAreas(): readonly AreaSnapshot[] {
    return this.byTitle()
  }

  /**
   * A separate catalog with `areas` as they will be (a release's drafts)
   * and every other area, section, link and notice as published: what a
   * release preview shows. This catalog is not changed.
   */
  withAreas(areas: readonly AreaSnapshot[]): Catalog {
    const replaced = new Set(areas.map((area) => area.id))
    return new Catalog([...this.publishedAreas().filter((area) => !replaced.has(area.id)), ...areas], this.meta)
  }

  /** Something composed from this generation (e.g. the dataset workbook), kept until the next change. */
  derived<T>(key: string): T | undefined {
    return this.derivedValues.get(key) as T | undefined
  }

  storeDerived<T>(key: string, value: T): T {
    this.derivedValues.set(key, value)
    return value
  }

  get size(): number {
    return this.areasById.size
  }

  areaPage(slug: string): AreaPage | null {
    const cached = this.pages.get(slug)
    if (cached) return cached
    const id = this.areaIdBySlug.get(slug)
    const area = id ? this.areasById.get(id) : undefined
    if (!area) return null
    const page = this.composePage(area)
    this.pages.set(slug, page)
    return page
  }

  /** A draft (preview) composed exactly like a published page: same section, same related pages. */
  composePage(area: AreaSnapshot): AreaPage {
    const section = this.sectionOf(area)
    return {
      ...this.listItem(area),
      intro: area.intro,
      body: area.body,
      related: section ? this.members(section).filter((item) => item.key !== `areas:${area.id}`).map(({ item }) => item) : [],
      otherLinks: area.otherLinks,
      indicators: area.indicators,
    }
  }

  areaList(query: AreaListQuery = {}): AreaList {
    const limit = query.limit ?? 20
    const page = query.page ?? 1
    let areas = this.byTitle()
    if (query.section) {
      const section = this.meta.sections.find((candidate) => candidate.slug === query.section)
      areas = section ? areas.filter((area) => this.sectionOf(area)?.id === section.id) : []
    }
    const sort = query.sort ?? 'title'
    if (sort === '-title') areas = [...areas].reverse()
    if (sort === 'lastPublishedAt' || sort === '-lastPublishedAt') {
      const direction = sort === 'lastPublishedAt' ? 1 : -1
      // Stable: equal dates keep title order.
      areas = [...areas].sort((a, b) => direction * (a.lastPublishedAt ?? '').localeCompare(b.lastPublishedAt ?? ''))
    }
    const start = (page - 1) * limit
    return {
      items: areas.slice(start, start + limit).map((area) => this.listItem(area)),
      total: areas.length,
      page,
      limit,
      totalPages: Math.ceil(areas.length / limit),
    }
  }

  sections(): SectionPage[] {
    return this.meta.sections.map((section) => this.sectionPage(section))
  }

  section(slug: string): SectionPage | null {
    const section = this.meta.sections.find((candidate) => candidate.slug === slug)
    return section ? this.sectionPage(section) : null
  }

  /** Site-wide notices, and those of the given section, that are active at `now`. */
  activeNotices(options: { now?: Date; sectionSlug?: string | null } = {}): Notice[] {
    const now = (options.now ?? new Date()).getTime()
    return this.meta.notices
      .filter((notice) => isActive(notice, now))
      .map(({ sectionId, ...notice }) => {
        const section = sectionId ? this.sectionsById.get(sectionId) : undefined
        return { ...notice, section: section ? sectionRef(section) : null }
      })
      .filter((notice) => notice.scope === 'site' || (options.sectionSlug != null && notice.section?.slug === options.sectionSlug))
  }

  /** Which notices (site-wide or of any section) are active at `now`: changes when one starts or ends. */
  activeNoticesKey(now: Date = new Date()): string {
    const time = now.getTime()
    return this.meta.notices
      .map((notice, index) => (isActive(notice, time) ? index : -1))
      .filter((index) => index >= 0)
      .join(',')
  }

  /**
   * What every public page's content depends on at `now`: the generation and
   * the active notices. Asked on every page read, so it is kept for the span
   * between two notice boundaries (a start or an end) instead of recomputed.
   */
  pageState(now?: Date): string {
    const time = now?.getTime() ?? Date.now()
    const kept = this.pageStateKept
    if (kept && kept.generation === this.generation && time >= kept.from && time < kept.until) return kept.state
    let from = -Infinity
    let until = Infinity
    for (const notice of this.meta.notices) {
      for (const edge of [Date.parse(notice.startsAt), notice.endsAt ? Date.parse(notice.endsAt) : Number.NaN]) {
        if (Number.isNaN(edge)) continue
        if (edge <= time) from = Math.max(from, edge)
        else until = Math.min(until, edge)
      }
    }
    const state = `${this.generation}|${this.activeNoticesKey(new Date(time))}`
    this.pageStateKept = { generation: this.generation, from, until, state }
    return state
  }

  private listItem(area: AreaSnapshot): AreaListItem {
    const section = this.sectionOf(area)
    return {
      slug: area.slug,
      title: area.title,
      teaser: area.teaser,
      section: section ? sectionRef(section) : null,
      firstPublishedAt: area.firstPublishedAt,
      lastPublishedAt: area.lastPublishedAt,
      url: areaPath(area.slug),
    }
  }

  private sectionPage(section: SectionRecord): SectionPage {
    return { slug: section.slug, title: section.title, members: this.members(section).map(({ item }) => item) }
  }

  /**
   * A section's members that a reader can see: published areas and the
   * outside pages in the section's order, then published areas that name the
   * section but are not placed in its order yet (by title).
   */
  private members(section: SectionRecord): { key: string; item: RelatedItem }[] {
    const known = this.membersBySection.get(section.id)
    if (known) return known
    const links = this.linksById
    const placed = new Set(section.members.filter((member) => member.relationTo === 'areas').map((member) => member.id))
    const unplaced = (this.areasNamingSection().get(section.id) ?? [])
      .filter((area) => !placed.has(area.id))
      .map((area) => ({ relationTo: 'areas' as const, id: area.id }))
    const members = [...section.members, ...unplaced].flatMap((member): { key: string; item: RelatedItem }[] => {
      const key = `${member.relationTo}:${member.id}`
      if (member.relationTo === 'areas') {
        const area = this.areasById.get(member.id)
        return area ? [{ key, item: { kind: 'area' as const, title: area.title, teaser: area.teaser, href: areaPath(area.slug) } }] : []
      }
      const link = links.get(member.id)
      return link ? [{ key, item: { kind: 'link' as const, title: link.title, teaser: link.teaser, href: link.url } }] : []
    })
    this.membersBySection.set(section.id, members)
    return members
  }

  private sectionOf(area: AreaSnapshot): SectionRecord | undefined {
    const id = sectionIdOf(area, this.sectionIdByArea)
    return id ? this.sectionsById.get(id) : undefined
  }

  /** Published areas by the section they name, in title order: one pass per generation. */
  private areasNamingSection(): Map<string, AreaSnapshot[]> {
    if (this.bySectionId) return this.bySectionId
    const grouped = new Map<string, AreaSnapshot[]>()
    for (const area of this.byTitle()) {
      if (!area.sectionId) continue
      const list = grouped.get(area.sectionId)
      if (list) list.push(area)
      else grouped.set(area.sectionId, [area])
    }
    return (this.bySectionId = grouped)
  }

  private byTitle(): AreaSnapshot[] {
    this.sortedByTitle ??= [...this.areasById.values()].sort((a, b) => collator.compare(a.title, b.title) || a.slug.localeCompare(b.slug))
    return this.sortedByTitle
  }

  private index(area: AreaSnapshot): void {
    this.areasById.set(area.id, area)
    this.areaIdBySlug.set(area.slug, area.id)
  }

  private unindex(id: string): void {
    const previous = this.areasById.get(id)
    if (!previous) return
    this.areasById.delete(id)
    if (this.areaIdBySlug.get(previous.slug) === id) this.areaIdBySlug.delete(previous.slug)
  }

  private changed(): void {
    this.generation = nextGeneration()
    this.pages = new Map()
    this.sortedByTitle = null
    this.bySectionId = null
    // `current` may have changed; the pages themselves are loaded again on demand.
    this.versionPages = new Map()
    this.membersBySection = new Map()
    this.derivedValues = new Map()
  }
}

const sectionRef = (section: SectionRecord): SectionRef => ({ slug: section.slug, title: section.title })

const isActive = (notice: NoticeRecord, time: number) => Date.parse(notice.startsAt) <= time && (!notice.endsAt || Date.parse(notice.endsAt) > time)
