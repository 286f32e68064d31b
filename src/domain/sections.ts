/**
 * Which section a page belongs to, the one rule for the published catalog
 * (src/delivery/catalog.ts) and the quality checks (src/quality/sectionLinks.ts):
 * the section the page names itself, else the first section that lists it
 * among its members.
 */
export type SectionMembers = { id: string; members: readonly { relationTo: string; id: string }[] }

/** For every area some section lists: the first section that lists it. */
export function firstListingSections(sections: readonly SectionMembers[]): Map<string, string> {
  const byArea = new Map<string, string>()
  for (const section of sections) {
    for (const member of section.members) {
      if (member.relationTo === 'areas' && !byArea.has(member.id)) byArea.set(member.id, section.id)
    }
  }
  return byArea
}

/** The id of the page's section, or null. */
export function sectionIdOf(area: { id: string; sectionId: string | null }, firstListing: ReadonlyMap<string, string>): string | null {
  return area.sectionId ?? firstListing.get(area.id) ?? null
}
