import { describe, expect, it } from 'vitest'

import {
  defaultSurveyYear,
  deriveResultSetHeading,
  findDuplicateSurveyYears,
  findMissingLocalAnswers,
  orderBodyResultSets,
  orderResultSetsNewestFirst,
  SURVEY_YEAR_MIN,
  surveyYearRange,
  validateResultSets,
  validateSurveyYear,
} from '@/domain/resultSets'

const NOW = new Date('2024-03-01T12:00:00Z')
const bullet = (national: string, local = 'Kalmar svarar.') => ({ national, local })

describe('deriveResultSetHeading', () => {
  it('calls the newest year "Årets"', () => {
    expect(deriveResultSetHeading(2021, 'visar att', 2021)).toBe('Årets resultat visar att:')
    expect(deriveResultSetHeading(2023, 'visar bland annat', 2023)).toBe('Årets resultat visar bland annat:')
  })

  it('names older years, with ordinary spaces', () => {
    expect(deriveResultSetHeading(2019, 'visar att', 2021)).toBe('2019 års resultat visar att:')
    expect(deriveResultSetHeading(2019, 'visar bland annat', 2021)).toBe('2019 års resultat visar bland annat:')
    expect(deriveResultSetHeading(2018, 'visar att', 2020)).not.toMatch(/\u00a0/)
  })

  it('treats a year above the given newest year as the newest', () => {
    expect(deriveResultSetHeading(2022, 'visar att', 2021)).toBe('Årets resultat visar att:')
  })
})

describe('orderResultSetsNewestFirst', () => {
  it('sorts by year descending, keeps the order of equal years and does not mutate', () => {
    const sets = [
      { surveyYear: 2018, id: 'a' },
      { surveyYear: 2021, id: 'b' },
      { surveyYear: 2019, id: 'c' },
      { surveyYear: 2021, id: 'd' },
    ]
    const copy = structuredClone(sets)
    expect(orderResultSetsNewestFirst(sets).map((set) => set.id)).toEqual(['b', 'd', 'c', 'a'])
    expect(sets).toEqual(copy)
    expect(orderResultSetsNewestFirst(sets)).not.toBe(sets)
    expect(orderResultSetsNewestFirst([])).toEqual([])
  })
})

describe('orderBodyResultSets', () => {
  const set = (surveyYear: number | null, id: string) => ({ blockType: 'resultSet', surveyYear, id })
  const text = (id: string) => ({ blockType: 'textSection', id })
  const ids = (body: readonly { id: string }[]) => body.map((block) => block.id)

  it('puts a set added below the others, older or newer, into year order, newest first', () => {
    expect(ids(orderBodyResultSets([set(2021, 'a'), set(2019, 'b'), set(2023, 'new')]))).toEqual(['new', 'a', 'b'])
    expect(ids(orderBodyResultSets([set(2021, 'a'), set(2019, 'b'), set(2020, 'new')]))).toEqual(['a', 'new', 'b'])
    expect(ids(orderBodyResultSets([set(2018, 'new'), set(2021, 'a'), set(2019, 'b')]))).toEqual(['a', 'b', 'new'])
  })

  it('moves each set with the blocks after it; blocks before the first set stay first', () => {
    const body = [text('intro'), set(2019, 'a'), text('about-2019'), set(2023, 'b'), { blockType: 'note', id: 'note-2023' }]
    expect(ids(orderBodyResultSets(body))).toEqual(['intro', 'b', 'note-2023', 'a', 'about-2019'])
  })

  it('takes a newer set added at the end of the page, below its texts, up to the top of the result sets', () => {
    const body = [set(2021, 'a'), set(2019, 'b'), text('summary'), text('more'), set(2023, 'new')]
    expect(ids(orderBodyResultSets(body))).toEqual(['new', 'a', 'b', 'summary', 'more'])
  })

  it('keeps sets of the same year in their order (the save refuses them, with paths in that order)', () => {
    expect(ids(orderBodyResultSets([set(2019, 'a'), set(2021, 'b'), set(2021, 'c'), set(2019, 'd')]))).toEqual(['b', 'c', 'a', 'd'])
  })

  it('moves a set without a year with the set before it', () => {
    expect(ids(orderBodyResultSets([set(2019, 'a'), set(null, 'blank'), set(2021, 'b')]))).toEqual(['b', 'a', 'blank'])
    expect(ids(orderBodyResultSets([set(null, 'blank'), set(2019, 'a'), set(2021, 'b')]))).toEqual(['blank', 'b', 'a'])
  })

  it('returns a new array and changes no block; an ordered body comes back equal', () => {
    const body = [set(2019, 'a'), set(2021, 'b')]
    const copy = structuredClone(body)
    const ordered = orderBodyResultSets(body)
    expect(body).toEqual(copy)
    expect(ordered).not.toBe(body)
    expect(ordered[0]).toBe(body[1])
    expect(orderBodyResultSets(ordered)).toEqual(ordered)
    expect(orderBodyResultSets([])).toEqual([])
  })
})

describe('defaultSurveyYear', () => {
  it('is this year on the Stockholm calendar', () => {
    expect(defaultSurveyYear(NOW)).toBe(2024)
    // 23.30 UTC on New Year's Eve is already the new year in Stockholm.
    expect(defaultSurveyYear(new Date('2024-12-31T23:30:00Z'))).toBe(2025)
  })
})

describe('findDuplicateSurveyYears', () => {
  it('lists each repeated year once, in order of first appearance', () => {
    expect(findDuplicateSurveyYears([{ surveyYear: 2021 }, { surveyYear: 2019 }, { surveyYear: 2021 }])).toEqual([2021])
    expect(
      findDuplicateSurveyYears([2019, 2021, 2021, 2019, 2021, 2018].map((surveyYear) => ({ surveyYear }))),
    ).toEqual([2019, 2021])
    expect(findDuplicateSurveyYears([{ surveyYear: 2021 }, { surveyYear: 2019 }])).toEqual([])
    expect(findDuplicateSurveyYears([{ surveyYear: null }, { surveyYear: null }, {}])).toEqual([])
  })
})

describe('surveyYearRange and validateSurveyYear', () => {
  it('runs from 2007 to next year', () => {
    expect(SURVEY_YEAR_MIN).toBe(2007)
    expect(surveyYearRange(NOW)).toEqual({ min: 2007, max: 2025 })
    expect(surveyYearRange().min).toBe(2007)
  })

  it('uses the Stockholm calendar at New Year', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(surveyYearRange(new Date('2024-12-31T23:30:00Z')).max).toBe(2026)
  })

  it('returns null for a good year and a Swedish message otherwise', () => {
    expect(validateSurveyYear(2007, NOW)).toBeNull()
    expect(validateSurveyYear(2025, NOW)).toBeNull()
    expect(validateSurveyYear(2006, NOW)).toBe('Undersökningsåret 2006 ligger utanför det tillåtna intervallet 2007–2025.')
    expect(validateSurveyYear(2026, NOW)).toBe('Undersökningsåret 2026 ligger utanför det tillåtna intervallet 2007–2025.')
    expect(validateSurveyYear(2020.5, NOW)).toBe('Undersökningsåret måste vara ett helt årtal, t.ex. 2023.')
    expect(validateSurveyYear(Number.NaN, NOW)).toBe('Undersökningsåret måste vara ett helt årtal, t.ex. 2023.')
  })
})

describe('validateResultSets', () => {
  it('accepts a correct page', () => {
    const sets = [
      { surveyYear: 2021, bullets: [bullet('Nationellt 1'), bullet('Nationellt 2', '')] },
      { surveyYear: 2019, bullets: [] },
    ]
    expect(validateResultSets(sets, { now: NOW })).toEqual([])
  })

  it('names a duplicated year once, at its second occurrence', () => {
    const sets = [{ surveyYear: 2021 }, { surveyYear: 2019 }, { surveyYear: 2021 }]
    expect(validateResultSets(sets, { now: NOW })).toEqual([
      {
        path: '2.surveyYear',
        message: 'Det finns två resultatavsnitt för år 2021. Varje undersökningsår får bara förekomma en gång per sida.',
      },
    ])
  })

  it('gives the count when a year occurs more than twice', () => {
    const problems = validateResultSets([{ surveyYear: 2020 }, { surveyYear: 2020 }, { surveyYear: 2020 }], { now: NOW })
    expect(problems).toEqual([
      {
        path: '1.surveyYear',
        message: 'Det finns 3 resultatavsnitt för år 2020. Varje undersökningsår får bara förekomma en gång per sida.',
      },
    ])
  })

  it('reports years out of range and missing years', () => {
    expect(validateResultSets([{ surveyYear: 2030 }, { surveyYear: null }], { now: NOW })).toEqual([
      { path: '0.surveyYear', message: 'Undersökningsåret 2030 ligger utanför det tillåtna intervallet 2007–2025.' },
      { path: '1.surveyYear', message: 'Ange undersökningsåret (t.ex. 2023).' },
    ])
  })

  it('names result set year and bullet number for an empty national finding', () => {
    const sets = [{ surveyYear: 2021, bullets: [bullet('A'), bullet('B'), bullet('  '), { national: null, local: 'x' }] }]
    expect(validateResultSets(sets, { now: NOW })).toEqual([
      { path: '0.bullets.2.national', message: 'Resultat 2021, punkt 3: Det nationella resultatet saknas.' },
      { path: '0.bullets.3.national', message: 'Resultat 2021, punkt 4: Det nationella resultatet saknas.' },
    ])
  })

  it('skips other block types in a whole body but keeps their index in the path', () => {
    const body = [
      { blockType: 'textSection' },
      { blockType: 'resultSet', surveyYear: 2021, bullets: [bullet('')] },
      { blockType: 'note' },
      { blockType: 'resultSet', surveyYear: 2021, bullets: [] },
    ]
    expect(validateResultSets(body, { now: NOW, pathPrefix: 'body' })).toEqual([
      { path: 'body.1.bullets.0.national', message: 'Resultat 2021, punkt 1: Det nationella resultatet saknas.' },
      {
        path: 'body.3.surveyYear',
        message: 'Det finns två resultatavsnitt för år 2021. Varje undersökningsår får bara förekomma en gång per sida.',
      },
    ])
  })

  it('does not complain about missing local answers (a draft may lack them)', () => {
    expect(validateResultSets([{ surveyYear: 2021, bullets: [bullet('A', '')] }], { now: NOW })).toEqual([])
  })
})

describe('findMissingLocalAnswers', () => {
  it('names result set year and bullet number', () => {
    const sets = [
      { surveyYear: 2021, bullets: [bullet('A'), bullet('B'), bullet('C', ' ')] },
      { surveyYear: 2019, bullets: [{ national: 'D', local: null }, { national: 'E' }] },
    ]
    expect(findMissingLocalAnswers(sets)).toEqual([
      { path: '0.bullets.2.local', message: 'Resultat 2021, punkt 3: Kalmars svar saknas.' },
      { path: '1.bullets.0.local', message: 'Resultat 2019, punkt 1: Kalmars svar saknas.' },
      { path: '1.bullets.1.local', message: 'Resultat 2019, punkt 2: Kalmars svar saknas.' },
    ])
  })

  it('is empty when every bullet is answered, and skips other blocks', () => {
    expect(findMissingLocalAnswers([{ surveyYear: 2021, bullets: [bullet('A')] }])).toEqual([])
    expect(findMissingLocalAnswers([{ blockType: 'note' }, { blockType: 'resultSet', surveyYear: 2020, bullets: [bullet('A', '')] }], { pathPrefix: 'body' })).toEqual([
      { path: 'body.1.bullets.0.local', message: 'Resultat 2020, punkt 1: Kalmars svar saknas.' },
    ])
  })

  it('says so when the year is missing', () => {
    expect(findMissingLocalAnswers([{ surveyYear: null, bullets: [bullet('A', '')] }])).toEqual([
      { path: '0.bullets.0.local', message: 'Resultat (utan år), punkt 1: Kalmars svar saknas.' },
    ])
  })
})
