import { describe, expect, it } from 'vitest'

import { oldestAcceptableYear, stalePage } from '@/quality/rules/stalePage'
import type { QualityContext, QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const october2024 = new Date('2024-10-01T12:00:00Z')
const june2024 = new Date('2024-06-15T12:00:00Z')
const page = (...years: number[]): QualityPage => ({
  title: 'Testsida',
  body: [{ blockType: 'note', text: 'OBS!' }, ...years.map((surveyYear) => ({ blockType: 'resultSet' as const, surveyYear, bullets: [] }))],
})
const run = (input: QualityPage, context: QualityContext) => stalePage.check(toView(input), context)

describe('oldestAcceptableYear', () => {
  it('expects this year’s results from September, last year’s before', () => {
    expect(oldestAcceptableYear({ now: october2024 })).toBe(2024)
    expect(oldestAcceptableYear({ now: june2024 })).toBe(2023)
  })

  it('lets a survey run every other year lag one year', () => {
    expect(oldestAcceptableYear({ now: october2024, surveyCycleYears: 2 })).toBe(2023)
    expect(oldestAcceptableYear({ now: june2024, surveyCycleYears: 2 })).toBe(2022)
  })

  it('uses a given latest survey year as it is', () => {
    expect(oldestAcceptableYear({ now: october2024, latestSurveyYear: 2022, surveyCycleYears: 2 })).toBe(2022)
  })
})

describe('stale-page', () => {
  it('reports the newest result set when it is older than expected', () => {
    const findings = run(page(2021, 2023, 2022), { now: october2024 })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'stale-page', severity: 'warning', location: { path: 'body.2.surveyYear', surveyYear: 2023, field: 'surveyYear' } })
    expect(findings[0]!.message).toBe('Sidans senaste resultat är från 2023, men resultat från 2024 bör finnas (undersökningen görs varje år).')
  })

  it('accepts a current page, also one on a two-year cycle', () => {
    expect(run(page(2023), { now: june2024 })).toEqual([])
    expect(run(page(2023), { now: october2024, surveyCycleYears: 2 })).toEqual([])
    expect(run(page(2022), { now: october2024, surveyCycleYears: 2 })[0]!.message).toContain('2023 eller 2024 bör finnas (undersökningen görs vartannat år)')
  })

  it('compares with a given latest year', () => {
    expect(run(page(2023), { now: june2024, latestSurveyYear: 2024 })).toHaveLength(1)
    expect(run(page(2024), { now: june2024, latestSurveyYear: 2024 })).toEqual([])
  })

  it('reports a passed review date, not a coming one', () => {
    const findings = run(page(2024), { now: october2024, reviewBy: '2024-09-30T12:00:00.000Z' })
    expect(findings).toEqual([
      { rule: 'stale-page', severity: 'warning', location: { field: 'reviewBy', path: 'reviewBy' }, message: 'Sidan skulle ha setts över senast 30 september 2024.' },
    ])
    expect(run(page(2024), { now: october2024, reviewBy: '2024-12-01T12:00:00.000Z' })).toEqual([])
    expect(run(page(2024), { now: october2024, reviewBy: null })).toEqual([])
  })

  it('says nothing about a page without result sets', () => {
    expect(run(page(), { now: october2024 })).toEqual([])
  })
})
