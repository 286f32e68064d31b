/**
 * The geometry and words of an indicator trend (pure, so the chart, its table
 * and its text summary say the same thing and can be tested without React).
 */
import type { BodyBlock, IndicatorSeries } from '@/delivery/schemas'
import { parseLocalValue } from '@/domain/indicators'

/** The plot: `height` is without the row of the municipality's answers, which adds ANSWER_ROW_HEIGHT below. */
export const CHART = { width: 320, height: 160, left: 40, right: 12, top: 12, bottom: 28 } as const

/** Room for the answers' row label ("Kalmar kommun:") and the answers under the years. */
export const ANSWER_ROW_HEIGHT = 36

export type ChartPoint = { x: number; y: number; year: number; value: number }

type Point = IndicatorSeries['points'][number]

const round = (value: number) => Math.round(value * 10) / 10

/** x of the survey year at `index`: the years spread evenly, one year in the middle. */
function yearX(index: number, count: number): number {
  const span = CHART.width - CHART.left - CHART.right
  return round(CHART.left + (count > 1 ? (index / (count - 1)) * span : span / 2))
}

/** y of a share: 0–100 % onto the plot area (100 at the top). */
export function shareY(value: number): number {
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  return round(CHART.top + plotHeight * (1 - value / 100))
}

/** x spreads the years evenly; y maps 0–100 % onto the plot area (100 at the top). */
export function chartPoints(series: IndicatorSeries, pick: (point: Point) => number | null): ChartPoint[] {
  return series.points.flatMap((point, index) => {
    const value = pick(point)
    if (value == null) return []
    return [{ x: yearX(index, series.points.length), y: shareY(value), year: point.surveyYear, value }]
  })
}

const ANSWER_LABELS = { yes: 'Ja', no: 'Nej', partly: 'Delvis' } as const

export type LocalReading = { kind: 'answer'; label: (typeof ANSWER_LABELS)[keyof typeof ANSWER_LABELS] } | { kind: 'percent'; value: number }

/**
 * What the municipality's value is: an answer (ja/nej/delvis) or a share.
 * Only a share belongs on the axis of shares; `localPercent` (ja = 100) is
 * the API's reading and is not drawn.
 */
export function localReading(point: Pick<Point, 'localValue'>): LocalReading | null {
  const parsed = point.localValue ? parseLocalValue(point.localValue) : null
  if (!parsed) return null
  return parsed.kind === 'percent' ? { kind: 'percent', value: parsed.value } : { kind: 'answer', label: ANSWER_LABELS[parsed.kind] }
}

const percent = (value: number) => `${String(value).replace('.', ',')} %`

/** The municipality's value as a reader sees it: "Ja", "45 %", or the text as entered when it is neither; null when none. */
export function localText(point: Pick<Point, 'localValue'>): string | null {
  const reading = localReading(point)
  if (reading) return reading.kind === 'percent' ? percent(reading.value) : reading.label
  return point.localValue?.trim() || null
}

export type AnswerMark = { year: number; x: number; text: string }

export type TrendChart = {
  width: number
  height: number
  ticks: { value: number; y: number; label: string }[]
  /** Every survey year of the series, under the plot. */
  years: { year: number; x: number }[]
  yearY: number
  national: ChartPoint[]
  /** The municipality's value as a line only where it is a share itself. */
  localLine: ChartPoint[]
  /** A row of labelled text marks under the years when the municipality answered ja/nej/delvis in any year. */
  answers: { label: string; ruleY: number; labelY: number; markY: number; marks: AnswerMark[] } | null
}

/** Everything the chart draws, for one series and the municipality whose values it holds. */
export function trendChart(series: IndicatorSeries, municipality: string): TrendChart {
  const hasAnswers = series.points.some((point) => localReading(point)?.kind === 'answer')
  const yearY = CHART.height - 8
  return {
    width: CHART.width,
    height: CHART.height + (hasAnswers ? ANSWER_ROW_HEIGHT : 0),
    ticks: [0, 50, 100].map((value) => ({ value, y: shareY(value), label: percent(value) })),
    years: series.points.map((point, index) => ({ year: point.surveyYear, x: yearX(index, series.points.length) })),
    yearY,
    national: chartPoints(series, (point) => point.nationalPercent),
    localLine: chartPoints(series, (point) => {
      const reading = localReading(point)
      return reading?.kind === 'percent' ? reading.value : null
    }),
    answers: hasAnswers
      ? {
          label: `${municipality}:`,
          ruleY: CHART.height + 2,
          labelY: CHART.height + 16,
          markY: CHART.height + 30,
          marks: series.points.map((point, index) => ({ year: point.surveyYear, x: yearX(index, series.points.length), text: localText(point) ?? '–' })),
        }
      : null,
  }
}

/** "Andelen kommuner var 52 % 2017 och 37 % 2020. Kalmar kommun: nej 2017, ja 2020." */
export function trendSummary(series: IndicatorSeries, municipality: string): string {
  const national = series.points.filter((point) => point.nationalPercent != null).map((point) => `${percent(point.nationalPercent!)} ${point.surveyYear}`)
  const local = series.points.flatMap((point) => {
    const text = localText(point)
    if (!text) return []
    // Answers read as words in the sentence ("nej 2017"); a share or free text as written.
    return [`${localReading(point)?.kind === 'answer' ? text.toLocaleLowerCase('sv') : text} ${point.surveyYear}`]
  })
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
