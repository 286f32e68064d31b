import { describe, expect, it } from 'vitest'

import { diffSnapshots, summarizeChanges } from '@/delivery/history'
import { buildAreaSnapshot } from '@/delivery/snapshot'

const page = (bullets: Record<number, [string, string][]>, extra: Record<string, unknown> = {}) =>
  buildAreaSnapshot({
    id: 1,
    slug: 's',
    title: 'Sida',
    body: Object.entries(bullets).map(([year, list]) => ({
      blockType: 'resultSet',
      surveyYear: Number(year),
      bullets: list.map(([national, local]) => ({ national, local })),
    })),
    ...extra,
  })

describe('diffSnapshots', () => {
  it('calls the first publication a first publication', () => {
    const changes = diffSnapshots(null, page({ 2023: [['N1', 'K1']] }))
    expect(changes.added).toHaveLength(1)
    expect(summarizeChanges(changes, true)).toBe('Första publiceringen.')
  })

  it('matches bullets by their finding first, then by position within the year', () => {
    const before = page({ 2023: [['N1', 'K1'], ['N2', 'K2'], ['N3', 'K3']] })
    const after = page({ 2023: [['N2', 'K2 ändrat'], ['N1', 'K1'], ['N3 omformulerad', 'K3']], 2024: [['N4', 'K4']] })
    const changes = diffSnapshots(before, after)
    expect(changes.added).toEqual([{ surveyYear: 2024, national: 'N4', local: 'K4' }])
    expect(changes.removed).toEqual([])
    expect(changes.changed).toEqual([
      { surveyYear: 2023, national: 'N2', local: 'K2 ändrat', before: { national: 'N2', local: 'K2' } },
      { surveyYear: 2023, national: 'N3 omformulerad', local: 'K3', before: { national: 'N3', local: 'K3' } },
    ])
    expect(summarizeChanges(changes, false)).toBe('1 ny punkt, 2 ändrade punkter.')
  })

  it('reports removed bullets and the other parts that changed', () => {
    const before = page({ 2021: [['A', 'a'], ['B', 'b']] }, { teaser: 'Gammal' })
    const after = page({ 2021: [['A', 'a']] }, { teaser: 'Ny', title: 'Ny titel' })
    const changes = diffSnapshots(before, after)
    expect(changes.removed).toEqual([{ surveyYear: 2021, national: 'B', local: 'b' }])
    expect(changes.other).toEqual(['title', 'teaser'])
    expect(summarizeChanges(changes, false)).toBe('1 borttagen punkt; ändrat: titeln, ingressen i länklistor.')
  })

  it('says so when a page is published again unchanged', () => {
    const same = page({ 2023: [['N', 'K']] })
    expect(summarizeChanges(diffSnapshots(same, same), false)).toBe('Publicerad igen utan ändringar i innehållet.')
  })
})
