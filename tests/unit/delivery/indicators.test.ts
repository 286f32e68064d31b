import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { indicatorSeries, localPercent } from '@/delivery/indicators'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { parseLocalValue, suggestNationalPercent } from '@/domain/indicators'
import { IndicatorTrend } from '@/frontend/IndicatorTrend'
import { chartPoints, trendPlacement, trendSummary } from '@/frontend/trend'

type B = { national: string; local?: string; indicator?: Record<string, unknown> }
const version = (sets: Record<number, B[]>) =>
  buildAreaSnapshot({ id: 1, slug: 's', title: 'S', body: Object.entries(sets).map(([year, bullets]) => ({ blockType: 'resultSet', surveyYear: Number(year), bullets })) })
const esl = (nationalPercent: number | null, localValue: string | null, extra: Record<string, unknown> = {}) => ({ national: `ESL ${nationalPercent}`, local: 'svar', indicator: { code: 'ESL', nationalPercent, localValue, ...extra } })
const names = new Map([['ESL', { name: 'Erbjuder ESL' }]])

describe('indicator values', () => {
  it('reads the municipality’s value and the importer’s suggestion', () => {
    expect(parseLocalValue('Ja')).toEqual({ kind: 'yes' })
    expect(parseLocalValue('45,5 %')).toEqual({ kind: 'percent', value: 45.5 })
    expect(parseLocalValue('120 %')).toBeNull()
    expect(parseLocalValue('kanske')).toBeNull()
    expect(localPercent('delvis')).toBe(50)
    expect(suggestNationalPercent('37 procent av kommunerna erbjuder ESL, 2017 var det 52 procent.')).toBe(37)
    expect(suggestNationalPercent('61 % av landets kommuner har en rutin')).toBe(61)
    expect(suggestNationalPercent('Andelen ökade med 10 procentenheter')).toBeNull()
  })
})

describe('indicatorSeries', () => {
  it('follows an indicator over the years of the page and of its earlier versions', () => {
    const first = version({ 2017: [esl(52, 'nej')] })
    const now = version({ 2021: [esl(37, 'ja')], 2019: [esl(45, 'nej')] })
    const [series] = indicatorSeries([first, now], names)
    expect(series!.points.map((point) => [point.surveyYear, point.nationalPercent, point.localPercent])).toEqual([
      [2017, 52, 0],
      [2019, 45, 0],
      [2021, 37, 100],
    ])
  })

  it('takes a year from the newest version that has it, and leaves out one-year and unknown indicators', () => {
    const old = version({ 2019: [esl(40, 'nej')] })
    const corrected = version({ 2019: [esl(45, 'nej')], 2021: [esl(37, 'ja')] })
    expect(indicatorSeries([old, corrected], names)[0]!.points[0]!.nationalPercent).toBe(45)
    expect(indicatorSeries([version({ 2021: [esl(37, 'ja')] })], names)).toEqual([])
    expect(indicatorSeries([old, corrected], new Map())).toEqual([])
  })

  it('recognises earlier published versions without a code by the indicator’s text, reading the share from it', () => {
    const old = version({ 2018: [{ national: '13 procent av kommunerna använder IBIC vid utredningar.', local: 'Kalmar använder IBIC.' }] })
    const now = version({ 2023: [{ national: 'Nu är det 53 procent av kommunerna som använder IBIC.', local: 'I Kalmar används IBIC.', indicator: { code: 'IBIC', nationalPercent: 53, localValue: 'ja' } }] })
    const indicators = new Map([['IBIC', { name: 'IBIC vid utredningar', matchText: 'ibic' }]])
    expect(indicatorSeries([old, now], indicators)[0]!.points).toEqual([
      { surveyYear: 2018, nationalPercent: 13, localValue: null, localPercent: null },
      { surveyYear: 2023, nationalPercent: 53, localValue: 'ja', localPercent: 100 },
    ])
    // Without a matchText, an uncoded old version does not count; nor does an uncoded bullet of the page itself.
    expect(indicatorSeries([old, now], new Map([['IBIC', { name: 'IBIC' }]]))).toEqual([])
    expect(indicatorSeries([now, old], indicators)).toEqual([])
  })

  it('does not publish a share the importer only suggested', () => {
    const snapshot = version({ 2021: [esl(37, 'ja', { nationalPercentSuggested: true })] })
    expect(snapshot.body[0]).toMatchObject({ bullets: [{ indicator: { code: 'ESL', nationalPercent: null, localValue: 'ja' } }] })
  })
})

describe('the trend as a reader gets it', () => {
  const series = { code: 'ESL', name: 'Erbjuder ESL', points: [{ surveyYear: 2017, nationalPercent: 52, localValue: 'nej', localPercent: 0 }, { surveyYear: 2020, nationalPercent: 37, localValue: 'ja', localPercent: 100 }] }

  it('says the same in words as in the chart', () => {
    expect(trendSummary(series, 'Kalmar kommun')).toBe('Andelen kommuner var 52 % 2017 och 37 % 2020. Kalmar kommun: nej 2017, ja 2020.')
    const points = chartPoints(series, (point) => point.nationalPercent)
    expect(points[0]!.x).toBeLessThan(points[1]!.x)
    expect(points[0]!.y).toBeLessThan(points[1]!.y)
  })

  it('renders an SVG with a title and description, and a data table with the same figures', () => {
    const html = renderToStaticMarkup(createElement(IndicatorTrend, { series, municipality: 'Kalmar kommun' }))
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="trend-esl-svg-title trend-esl-svg-desc"/)
    expect(html).toContain('<caption>Värden per undersökningsår: Erbjuder ESL</caption>')
    expect(html).toContain('<th scope="row">2017</th><td>52 %</td><td>Nej</td>')
    expect(html).not.toMatch(/style=/)
  })

  it('is placed beside the first bullet that refers to the indicator', () => {
    const page = { ...version({ 2021: [{ national: 'Annat' }, esl(37, 'ja')], 2019: [esl(45, 'nej')] }), indicators: [series] }
    expect([...trendPlacement(page).keys()]).toEqual(['0:1'])
  })
})
