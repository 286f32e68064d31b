import { slugify } from '@/domain/slug'
import type { ParsedPage } from '@/pageImport/parse'

/**
 * What an import of several page files means, decided without a database:
 * which files are versions of one area and in what order, which related items
 * are areas and which are outside pages, each teaser's winning text, and the
 * section's member order. Pure: tested on the seed files directly.
 */

export type TeaserVariant = { teaser: string; source: string; lastUpdated: string }

export type PlannedMember = { title: string; kind: 'area' | 'link'; teaser: string | null; variants: TeaserVariant[] }

export type PlannedSection = { title: string; slug: string; members: PlannedMember[] }

export type PlannedArea = {
  slug: string
  title: string
  sectionSlug: string | null
  /** Oldest first: each becomes one published version. */
  versions: ParsedPage[]
  /** The teaser other pages show for this area (newest file wins), if any file lists it. */
  teaser: string | null
}

export type ImportPlan = { areas: PlannedArea[]; sections: PlannedSection[]; notes: string[] }

const byLastUpdated = (a: ParsedPage, b: ParsedPage) =>
  a.lastUpdated.localeCompare(b.lastUpdated) || a.sourceName.localeCompare(b.sourceName)

/**
 * Merges several ordered lists into one order that respects each list's own
 * order where they agree (a topological merge); ties go alphabetically (Swedish).
 */
export function mergeOrders(lists: readonly (readonly string[])[]): string[] {
  const items = [...new Set(lists.flat())]
  const after = new Map(items.map((item) => [item, new Set<string>()]))
  const incoming = new Map(items.map((item) => [item, 0]))
  for (const list of lists) {
    for (let i = 1; i < list.length; i++) {
      const [before, current] = [list[i - 1]!, list[i]!]
      if (!after.get(before)!.has(current)) {
        after.get(before)!.add(current)
        incoming.set(current, incoming.get(current)! + 1)
      }
    }
  }
  const collator = new Intl.Collator('sv')
  const ready = items.filter((item) => incoming.get(item) === 0).sort(collator.compare)
  const ordered: string[] = []
  while (ready.length) {
    const item = ready.shift()!
    ordered.push(item)
    for (const next of after.get(item)!) {
      incoming.set(next, incoming.get(next)! - 1)
      if (incoming.get(next) === 0) {
        ready.push(next)
        ready.sort(collator.compare)
      }
    }
  }
  // Contradicting orders (a cycle) leave items behind: keep them, alphabetically.
  return [...ordered, ...items.filter((item) => !ordered.includes(item)).sort(collator.compare)]
}

export function planImport(pages: readonly ParsedPage[]): ImportPlan {
  const sorted = [...pages].sort(byLastUpdated)
  const notes: string[] = []

  const areaVersions = new Map<string, ParsedPage[]>()
  for (const page of sorted) {
    const slug = slugify(page.title)
    areaVersions.set(slug, [...(areaVersions.get(slug) ?? []), page])
  }
  const areaTitles = new Set(sorted.map((page) => slugify(page.title)))

  // Teasers: every file that lists an item says what its teaser was that day; the newest wins.
  const teasers = new Map<string, TeaserVariant[]>()
  for (const page of sorted) {
    for (const item of page.related) {
      teasers.set(item.title, [...(teasers.get(item.title) ?? []), { teaser: item.teaser, source: page.sourceName, lastUpdated: page.lastUpdated }])
    }
  }
  const winningTeaser = (title: string) => teasers.get(title)?.at(-1)?.teaser ?? null

  const sections: PlannedSection[] = []
  const sectionTitles = [...new Set(sorted.filter((page) => page.section).map((page) => page.section!.title))]
  for (const title of sectionTitles) {
    const pagesInSection = sorted.filter((page) => page.section?.title === title)
    const order = mergeOrders(pagesInSection.map((page) => page.related.map((item) => item.title)))
    const members = order.map((memberTitle): PlannedMember => {
      const variants = teasers.get(memberTitle) ?? []
      const distinct = [...new Set(variants.map((variant) => variant.teaser))]
      if (distinct.length > 1) {
        const newest = variants.at(-1)!
        const older = distinct
          .filter((teaser) => teaser !== newest.teaser)
          .map((teaser) => `"${teaser}" (${variants.filter((variant) => variant.teaser === teaser).map((variant) => variant.source).join(', ')})`)
        notes.push(
          `Ingressen för "${memberTitle}" skiljer sig mellan filerna; den nyaste (${newest.source}) används. Äldre varianter: ${older.join('; ')}`,
        )
      }
      return {
        title: memberTitle,
        kind: areaTitles.has(slugify(memberTitle)) ? 'area' : 'link',
        teaser: winningTeaser(memberTitle),
        variants,
      }
    })
    const listed = new Set(order.map(slugify))
    const unlisted = [...areaVersions.values()]
      .filter((versions) => versions[0]!.section?.title === title && !listed.has(slugify(versions[0]!.title)))
      .map((versions) => versions.at(-1)!.title)
    if (unlisted.length) {
      notes.push(
        `Ingen fil listar ${unlisted.map((name) => `"${name}"`).join(', ')} under "Fler sidor inom ${title.toLowerCase()}"; ` +
          'de läggs inte till som medlemmar i avsnittet (lägg till dem där om de ska visas för de andra sidorna).',
      )
    }
    sections.push({ title, slug: slugify(title), members })
  }

  const areas = [...areaVersions.entries()].map(([slug, versions]): PlannedArea => {
    const newest = versions.at(-1)!
    if (versions.length > 1) {
      notes.push(`${versions.map((page) => page.sourceName).join(' → ')} är versioner av samma sida "${newest.title}" (i datumordning).`)
    }
    return {
      slug,
      title: newest.title,
      sectionSlug: newest.section ? slugify(newest.section.title) : null,
      versions,
      teaser: winningTeaser(newest.title),
    }
  })

  return { areas, sections, notes }
}
