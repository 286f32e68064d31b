import { describe, expect, it } from 'vitest'

import { Catalog, type HistoryEntry } from '@/delivery/catalog'
import { diffSnapshots, oldestVersionSummary, summarizeChanges } from '@/delivery/history'
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

describe('oldestVersionSummary', () => {
  const FIRST = 'Första publiceringen.'
  const IMPORTED = 'Den äldsta version som finns i systemet. Sidan publicerades första gången 27 juni 2019; tidigare versioner finns inte här.'

  it('says what is known when the page was first published before the oldest version held', () => {
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', '2019-06-27T10:00:00.000Z')).toBe(IMPORTED)
    // A bare date (as imported) and an instant at Stockholm midnight are the same day.
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', '2019-06-27')).toBe(IMPORTED)
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', '2019-06-26T22:00:00.000Z')).toBe(IMPORTED)
  })

  it('keeps "Första publiceringen" when the oldest version is from the day the page was first published', () => {
    expect(oldestVersionSummary(FIRST, '2024-03-14T09:30:05.000Z', '2024-03-14T09:30:00.000Z')).toBe(FIRST)
    // Same day in Stockholm, different days in UTC.
    expect(oldestVersionSummary(FIRST, '2024-03-14T08:00:00.000Z', '2024-03-13T23:30:00.000Z')).toBe(FIRST)
  })

  it('keeps the stored summary when the first publication date is unknown, invalid or later', () => {
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', null)).toBe(FIRST)
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', 'igår')).toBe(FIRST)
    expect(oldestVersionSummary(FIRST, '2020-07-01T10:00:00.000Z', '2021-01-01T10:00:00.000Z')).toBe(FIRST)
  })
})

describe('the public record of a page imported with an earlier first publication', () => {
  const imported = buildAreaSnapshot({ id: 7, slug: 'missbruk', title: 'Missbruk', body: [], firstPublishedAt: '2019-06-27T10:00:00.000Z', lastPublishedAt: '2020-07-01T10:00:00.000Z' })
  const entry = (number: number, publishedAt: string, summary: string): HistoryEntry => ({
    areaId: '7',
    slug: 'missbruk',
    title: 'Missbruk',
    number,
    publishedAt,
    summary,
    changes: { added: [], removed: [], changed: [], other: [] },
  })
  const stored = [entry(1, '2020-07-01T10:00:00.000Z', 'Första publiceringen.'), entry(2, '2024-07-01T10:00:00.000Z', '1 ny punkt.')]
  const catalog = () => {
    const c = new Catalog([imported])
    c.setHistory(stored)
    return c
  }

  it('does not call the oldest version held the first publication, in the list and on the version page', () => {
    const c = catalog()
    expect(c.versionList('missbruk')!.items.map((item) => item.summary)).toEqual([
      'Den äldsta version som finns i systemet. Sidan publicerades första gången 27 juni 2019; tidigare versioner finns inte här.',
      '1 ny punkt.',
    ])
    expect(c.storeVersionPage('missbruk', 1, imported)!.version.summary).toMatch(/^Den äldsta version som finns i systemet\./)
    expect(c.storeVersionPage('missbruk', 2, imported)!.version.summary).toBe('1 ny punkt.')
  })

  it('words it from the version itself once the page is no longer published, and leaves the stored entries as they were', () => {
    const c = catalog()
    c.removeArea('7')
    expect(c.storeVersionPage('missbruk', 1, imported)!.version.summary).toMatch(/^Den äldsta version som finns i systemet\./)
    // The catalog holds the stored entries themselves: the wording is made when read, the record is not rewritten.
    expect(stored[0]!.summary).toBe('Första publiceringen.')
  })

  it('still says "Första publiceringen." for a page whose record starts with its first publication', () => {
    const c = new Catalog([{ ...imported, firstPublishedAt: '2020-07-01T09:59:00.000Z' }])
    c.setHistory(stored.map((item) => ({ ...item })))
    expect(c.versionList('missbruk')!.items[0]!.summary).toBe('Första publiceringen.')
  })
})
