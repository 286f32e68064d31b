/**
 * The geometry and words of an indicator trend (pure, so the chart, its table
 * and its text summary say the same thing and can be tested without React).
 */
import type { BodyBlock, IndicatorSeries } from '@/delivery/schemas'

export const CHART = { width: 320, height: 160, left: 40, right: 12, top: 12, bottom: 28 } as const

export type ChartPoint = { x: number; y: number; year: number; value: number }

/** x spreads the years evenly; y maps 0–100 % onto the plot area (100 at the top). */
export function chartPoints(series: IndicatorSeries, pick: (point: IndicatorSeries['points'][number]) => number | null): ChartPoint[] {
  const years = series.points.map((point) => point.surveyYear)
  const span = CHART.width - CHART.left - CHART.right
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  return series.points.flatMap((point, index) => {
    const value = pick(point)
    if (value == null) return []
    const x = CHART.left + (years.length > 1 ? (index / (years.length - 1)) * span : span / 2)
    const y = CHART.top + plotHeight * (1 - value / 100)
    return [{ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, year: point.surveyYear, value }]
  })
}

const percent = (value: number) => `${String(value).replace('.', ',')} %`

/** "Andelen kommuner var 52 % 2017 och 37 % 2020. Kalmar kommun: nej 2017, ja 2020." */
export function trendSummary(series: IndicatorSeries, municipality: string): string {
  const national = series.points.filter((point) => point.nationalPercent != null).map((point) => `${percent(point.nationalPercent!)} ${point.surveyYear}`)
  const local = series.points.filter((point) => point.localValue).map((point) => `${point.localValue} ${point.surveyYear}`)
  const sentences = []
  if (national.length) sentences.push(`Andelen kommuner var ${national.slice(0, -1).join(', ')}${national.length > 1 ? ' och ' : ''}${national.at(-1)}.`)
  if (local.length) sentences.push(`${municipality}: ${local.join(', ')}.`)
  return sentences.join(' ')
}

/** Where each trend is shown: beside the first bullet on the page (newest year first) that refers to its indicator. */
export function trendPlacement(page: { body: BodyBlock[]; indicators: IndicatorSeries[] }): Map<string, IndicatorSeries> {
  const byCode = new Map(page.indicators.map((series) => [series.code, series]))
  const placed = new Map<string, IndicatorSeries>()
  page.body.forEach((block, blockIndex) => {
    if (block.type !== 'resultSet') return
    block.bullets.forEach((bullet, bulletIndex) => {
      const series = bullet.indicator?.code ? byCode.get(bullet.indicator.code) : undefined
      if (!series) return
      placed.set(`${blockIndex}:${bulletIndex}`, series)
      byCode.delete(series.code)
    })
  })
  return placed
}
