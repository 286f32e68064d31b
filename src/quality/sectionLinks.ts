/**
 * The pages outside the comparisons ("Sidor utanför jämförelserna") that a
 * page would list under "Fler sidor inom …" without an address: the pure rule,
 * and its reading from the database for the quality checks' adapters (the
 * edit view's endpoint, `npm run quality`).
 */
import type { Payload } from 'payload'

import { relationId } from '@/domain/relations'
import { firstListingSections, sectionIdOf, type SectionMembers } from '@/domain/sections'
import { LINKS, SECTIONS } from '@/slugs'

export type LinkAddress = { id: string; title: string; url: string | null }

/** Titles of the link members without an address in the area's section, in the section's order. */
export function linksWithoutUrlInSection(area: { id: string; sectionId: string | null }, sections: readonly SectionMembers[], links: readonly LinkAddress[]): string[] {
  const sectionId = sectionIdOf(area, firstListingSections(sections))
  const section = sections.find((candidate) => candidate.id === sectionId)
  if (!section) return []
  const byId = new Map(links.map((link) => [link.id, link]))
  return section.members.flatMap((member) => {
    const link = member.relationTo === 'links' ? byId.get(member.id) : undefined
    return link && !link.url?.trim() ? [link.title] : []
  })
}

/** The sections and links as stored (few documents), for linksWithoutUrlInSection. */
export async function loadSectionLinks(payload: Payload): Promise<{ sections: SectionMembers[]; links: LinkAddress[] }> {
  const all = { depth: 0, pagination: false, overrideAccess: true } as const
  const [sections, links] = await Promise.all([payload.find({ collection: SECTIONS, ...all }), payload.find({ collection: LINKS, ...all })])
  return {
    sections: sections.docs.map((section) => ({
      id: String(section.id),
      members: (section.members ?? []).flatMap((member) => {
        const id = relationId(member.value)
        return id ? [{ relationTo: member.relationTo, id }] : []
      }),
    })),
    links: links.docs.map((link) => ({ id: String(link.id), title: link.title, url: link.url || null })),
  }
}

/** What the quality context needs of a stored area: its id and the section it names. */
export const sectionAreaOf = (doc: { id: number | string; section?: unknown }) => ({ id: String(doc.id), sectionId: relationId(doc.section) })
