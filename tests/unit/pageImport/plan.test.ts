import { describe, expect, it } from 'vitest'

import type { ParsedPage } from '@/pageImport/parse'
import { mergeOrders, planImport } from '@/pageImport/plan'

const SECTION = 'Jämförelser, service och kvalitet i verksamheter'

function page(sourceName: string, title: string, lastUpdated: string, related: [string, string][]): ParsedPage {
  return {
    sourceName,
    notice: null,
    title,
    intro: ['Öppna jämförelser …'],
    body: [],
    section: { title: SECTION, line: 1 },
    related: related.map(([relatedTitle, teaser], index) => ({ title: relatedTitle, teaser, line: 10 + index })),
    otherLinks: [],
    hasOtherLinksHeading: false,
    lastUpdated,
    published: '2017-07-04',
    warnings: [],
  }
}

describe('mergeOrders', () => {
  it('keeps the order every list agrees on and fills gaps alphabetically (Swedish collation)', () => {
    expect(mergeOrders([['A', 'C', 'D'], ['B', 'C'], ['Ö', 'Å']])).toEqual(['A', 'B', 'C', 'D', 'Ö', 'Å'])
    expect(mergeOrders([['Barn', 'Stöd', 'Vård'], ['Barn', 'SCB', 'Vård']])).toEqual(['Barn', 'SCB', 'Stöd', 'Vård'])
  })

  it('respects an order that is not alphabetical', () => {
    expect(mergeOrders([['Ö', 'A'], ['A', 'B']])).toEqual(['Ö', 'A', 'B'])
  })

  it('does not lose items when two lists contradict each other', () => {
    expect(mergeOrders([['A', 'B'], ['B', 'A']]).sort()).toEqual(['A', 'B'])
  })
})

describe('planImport', () => {
  const pages = [
    page('000.txt', 'Psykisk', '2023-06-28', [['Barn', 'Barn 2023'], ['KKiK', 'KKiK ny'], ['Stöd', 'Stöd teaser']]),
    page('001.txt', 'Psykisk', '2020-06-30', [['Barn', 'Barn 2020'], ['KKiK', 'KKiK 2018'], ['Stöd', 'Stöd teaser']]),
    page('002.txt', 'Stöd', '2021-06-24', [['Barn', 'Barn 2021'], ['KKiK', 'KKiK 2018']]),
  ]
  const plan = planImport(pages)

  it('groups files of one title as versions of one area, oldest first', () => {
    expect(plan.areas.map((area) => [area.slug, area.versions.map((version) => version.sourceName)])).toEqual([
      ['psykisk', ['001.txt', '000.txt']],
      ['stod', ['002.txt']],
    ])
  })

  it('classifies related items that are imported areas as areas, the rest as links', () => {
    const members = plan.sections[0]!.members
    expect(members.map((member) => [member.title, member.kind])).toEqual([
      ['Barn', 'link'],
      ['KKiK', 'link'],
      ['Stöd', 'area'],
    ])
  })

  it('lets the newest file’s teaser win and reports the older variants', () => {
    const kkik = plan.sections[0]!.members.find((member) => member.title === 'KKiK')!
    expect(kkik.teaser).toBe('KKiK ny')
    expect(plan.notes.join('\n')).toMatch(/"KKiK".*000\.txt.*"KKiK 2018" \(001\.txt, 002\.txt\)/)
    expect(plan.areas.find((area) => area.slug === 'stod')!.teaser).toBe('Stöd teaser')
  })

  it('reports areas that no file lists as a member instead of adding them', () => {
    expect(plan.notes.join('\n')).toContain('"Psykisk"')
    expect(plan.sections[0]!.members.some((member) => member.title === 'Psykisk')).toBe(false)
  })

  it('reports which files are versions of one page', () => {
    expect(plan.notes).toContain('001.txt → 000.txt är versioner av samma sida "Psykisk" (i datumordning).')
  })
})
