import type { AreaList, AreaListItem, SectionPage } from '@/delivery/schemas'

import type { ListedItem } from './ItemList'

/** Every item of a paged list (the API's limit is at most 100 per page). */
export function collectAllAreas(fetchPage: (page: number) => AreaList): AreaListItem[] {
  const first = fetchPage(1)
  const items = [...first.items]
  for (let page = 2; page <= first.totalPages; page++) items.push(...fetchPage(page).items)
  return items
}

const areaItem = (area: AreaListItem): ListedItem => ({ title: area.title, teaser: area.teaser, href: area.url })

export type HomeSection = { slug: string; title: string; items: ListedItem[] }

/**
 * The start page's listing: per section its published areas first (the
 * section's own order, then areas that belong to it but are not yet ordered
 * there, by title), then its pages outside the comparisons; sections with
 * nothing to show are left out. `areas` is every published area, by title.
 */
export function homeListing(
  sections: readonly SectionPage[],
  areas: readonly AreaListItem[],
): { sections: HomeSection[]; unsectioned: ListedItem[] } {
  const listed = sections.map((section) => {
    const ordered = section.members.filter((member) => member.kind === 'area')
    const orderedHrefs = new Set(ordered.map((member) => member.href))
    const others = areas.filter((area) => area.section?.slug === section.slug && !orderedHrefs.has(area.url)).map(areaItem)
    const links = section.members.filter((member) => member.kind !== 'area')
    return { slug: section.slug, title: section.title, items: [...ordered, ...others, ...links] }
  })
  const known = new Set(sections.map((section) => section.slug))
  return {
    sections: listed.filter((section) => section.items.length > 0),
    unsectioned: areas.filter((area) => !area.section || !known.has(area.section.slug)).map(areaItem),
  }
}
