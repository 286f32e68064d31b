import { describe, expect, it } from 'vitest'

import { checkPage } from '@/quality/check'
import { linksWithoutUrlInSection } from '@/quality/sectionLinks'

const sections = [
  { id: '1', members: [{ relationTo: 'areas', id: '10' }, { relationTo: 'links', id: 'a' }, { relationTo: 'links', id: 'b' }, { relationTo: 'links', id: 'c' }] },
  { id: '2', members: [{ relationTo: 'areas', id: '10' }, { relationTo: 'links', id: 'd' }] },
]
const links = [
  { id: 'a', title: 'Brukarundersökningar', url: null },
  { id: 'b', title: 'Kolada', url: 'https://kolada.se' },
  { id: 'c', title: 'Blank', url: '  ' },
  { id: 'd', title: 'I ett annat avsnitt', url: null },
]

describe('linksWithoutUrlInSection', () => {
  it('names the link members of the page’s section that have no address, in the section’s order', () => {
    expect(linksWithoutUrlInSection({ id: '10', sectionId: null }, sections, links)).toEqual(['Brukarundersökningar', 'Blank'])
  })

  it('follows the section the page names itself before the first one that lists it, as the published page does', () => {
    expect(linksWithoutUrlInSection({ id: '10', sectionId: '2' }, sections, links)).toEqual(['I ett annat avsnitt'])
  })

  it('finds nothing for a page in no section', () => {
    expect(linksWithoutUrlInSection({ id: '99', sectionId: null }, sections, links)).toEqual([])
  })
})

describe('link-without-url for the section’s pages', () => {
  it('warns once per page without an address, at the section field, in Swedish', () => {
    const findings = checkPage({ title: 'Sida', intro: null, body: [], otherLinks: [] }, { now: new Date('2026-06-01'), sectionLinksWithoutUrl: ['Brukarundersökningar'] }).filter(
      (finding) => finding.rule === 'link-without-url',
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'warning', location: { field: 'section', path: 'section' } })
    expect(findings[0]!.message).toContain('"Brukarundersökningar"')
    expect(findings[0]!.message).toContain('Fler sidor inom')
  })
})
