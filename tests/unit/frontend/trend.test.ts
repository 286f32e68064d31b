import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { IndicatorSeries } from '@/delivery/schemas'
import { IndicatorTrend } from '@/frontend/IndicatorTrend'
import { ANSWER_ROW_HEIGHT, CHART, localReading, localText, shareY, trendChart, trendSummary } from '@/frontend/trend'

const point = (surveyYear: number, nationalPercent: number | null, localValue: string | null, localPercent: number | null = null) => ({
  surveyYear,
  nationalPercent,
  localValue,
  localPercent,
})

/** As the API sends it: ja/nej/delvis with localPercent 100/0/50. */
const answers: IndicatorSeries = {
  code: 'ESL',
  name: 'Erbjuder ESL',
  points: [point(2017, 52, 'nej', 0), point(2019, 45, 'Delvis', 50), point(2021, 37, 'ja', 100)],
}

const shares: IndicatorSeries = {
  code: 'SOC.1',
  name: 'Andel brukare nöjda',
  points: [point(2019, 60, '45 %', 45), point(2021, 64, '52,5 procent', 52.5)],
}

const render = (series: IndicatorSeries) => renderToStaticMarkup(createElement(IndicatorTrend, { series, municipality: 'Kalmar kommun' }))

describe('the municipality’s value in a trend', () => {
  it('is an answer or a share, as a reader writes it', () => {
    expect(localReading({ localValue: 'ja' })).toEqual({ kind: 'answer', label: 'Ja' })
    expect(localReading({ localValue: 'Nej' })).toEqual({ kind: 'answer', label: 'Nej' })
    expect(localReading({ localValue: 'delvis' })).toEqual({ kind: 'answer', label: 'Delvis' })
    expect(localReading({ localValue: '45,5 %' })).toEqual({ kind: 'percent', value: 45.5 })
    expect(localReading({ localValue: null })).toBeNull()
    expect(localText({ localValue: '45.5' })).toBe('45,5 %')
    expect(localText({ localValue: 'kanske' })).toBe('kanske')
    expect(localText({ localValue: ' ' })).toBeNull()
  })
})

describe('trendChart', () => {
  it('draws a yes/no/partly answer as a labelled word under each year, not on the axis of shares', () => {
    const chart = trendChart(answers, 'Kalmar kommun')
    expect(chart.localLine).toEqual([])
    expect(chart.national.map((p) => p.value)).toEqual([52, 45, 37])
    expect(chart.answers).toMatchObject({ label: 'Kalmar kommun:', marks: [{ year: 2017, text: 'Nej' }, { year: 2019, text: 'Delvis' }, { year: 2021, text: 'Ja' }] })
    // Each answer stands under its year, below the years' row, inside the taller chart.
    expect(chart.answers!.marks.map((mark) => mark.x)).toEqual(chart.years.map((year) => year.x))
    expect(chart.answers!.labelY).toBeGreaterThan(chart.yearY)
    expect(chart.answers!.markY).toBeGreaterThan(chart.answers!.labelY)
    expect(chart.height).toBe(CHART.height + ANSWER_ROW_HEIGHT)
    expect(chart.answers!.markY).toBeLessThan(chart.height)
  })

  it('draws the municipality’s own share as a line on the axis, with no answer row', () => {
    const chart = trendChart(shares, 'Kalmar kommun')
    expect(chart.answers).toBeNull()
    expect(chart.height).toBe(CHART.height)
    expect(chart.localLine.map((p) => [p.year, p.value, p.y])).toEqual([
      [2019, 45, shareY(45)],
      [2021, 52.5, shareY(52.5)],
    ])
  })

  it('labels every survey year, also one without a national share, and maps 0–100 % top to bottom', () => {
    const chart = trendChart({ ...answers, points: [point(2017, null, 'nej', 0), point(2021, 37, 'ja', 100)] }, 'Kalmar kommun')
    expect(chart.years.map((year) => year.year)).toEqual([2017, 2021])
    expect(chart.national.map((p) => p.year)).toEqual([2021])
    expect(chart.answers!.marks.map((mark) => mark.text)).toEqual(['Nej', 'Ja'])
    expect(shareY(100)).toBe(CHART.top)
    expect(shareY(0)).toBe(CHART.height - CHART.bottom)
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0 %', '50 %', '100 %'])
  })

  it('marks a year without an answer with a dash when other years have one', () => {
    const chart = trendChart({ ...answers, points: [point(2017, 52, null), point(2021, 37, 'ja', 100)] }, 'Kalmar kommun')
    expect(chart.answers!.marks.map((mark) => mark.text)).toEqual(['–', 'Ja'])
  })
})

describe('trendSummary', () => {
  it('says the answers as words and a share as a share', () => {
    expect(trendSummary(answers, 'Kalmar kommun')).toBe('Andelen kommuner var 52 % 2017, 45 % 2019 och 37 % 2021. Kalmar kommun: nej 2017, delvis 2019, ja 2021.')
    expect(trendSummary(shares, 'Kalmar kommun')).toBe('Andelen kommuner var 60 % 2019 och 64 % 2021. Kalmar kommun: 45 % 2019, 52,5 % 2021.')
  })
})

describe('IndicatorTrend', () => {
  it('shows the answers as visible text in the chart under a label, with no mark on the axis', () => {
    const html = render(answers)
    expect(html).toContain(`viewBox="0 0 ${CHART.width} ${CHART.height + ANSWER_ROW_HEIGHT}"`)
    expect(html).toMatch(/<text class="trend__answers-label"[^>]*>Kalmar kommun:<\/text>/)
    const marks = [...html.matchAll(/<text class="trend__answer" [^>]*>([^<]*)<\/text>/g)].map((match) => match[1])
    expect(marks).toEqual(['Nej', 'Delvis', 'Ja'])
    expect(html).not.toContain('trend__line--local')
    expect(html).not.toContain('trend__dot--local')
    // The legend names only what is drawn on the axis.
    expect(html).toContain('● Andel kommuner')
    expect(html).not.toContain('■')
  })

  it('keeps the accessible name, description and table in step with the chart', () => {
    const html = render(answers)
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="trend-esl-svg-title trend-esl-svg-desc"/)
    expect(html).toContain('<title id="trend-esl-svg-title">Diagram: Erbjuder ESL</title>')
    expect(html).toContain(`<desc id="trend-esl-svg-desc">${trendSummary(answers, 'Kalmar kommun')}</desc>`)
    expect(html).toContain('<th scope="row">2017</th><td>52 %</td><td>Nej</td>')
    expect(html).toContain('<th scope="row">2019</th><td>45 %</td><td>Delvis</td>')
    expect(html).not.toMatch(/style=/)
  })

  it('draws a share as a dashed line with square marks and names it in the legend', () => {
    const html = render(shares)
    expect(html).toContain('class="trend__line trend__line--local"')
    expect(html.match(/trend__dot--local/g)).toHaveLength(2)
    expect(html).not.toContain('trend__answers')
    expect(html).toContain('■ Kalmar kommun')
    expect(html).toContain('<th scope="row">2021</th><td>64 %</td><td>52,5 %</td>')
  })
})
