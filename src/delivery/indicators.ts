/**
 * Indicator trends: for each indicator code on a page, one value per survey
 * year, taken from the page and its earlier published versions (a year's
 * value from the newest version that has it). Pure.
 */
import { parseLocalValue } from '@/domain/indicators'
import type { AreaSnapshot } from './snapshot'
import type { IndicatorPoint, IndicatorSeries } from './schemas'

const LOCAL_PERCENT = { yes: 100, no: 0, partly: 50 } as const

export function localPercent(value: string | null): number | null {
  const parsed = value ? parseLocalValue(value) : null
  if (!parsed) return null
  return parsed.kind === 'percent' ? parsed.value : LOCAL_PERCENT[parsed.kind]
}

/** `versions` oldest first, the page being published last; `names` from the indicators collection. */
export function indicatorSeries(versions: readonly AreaSnapshot[], names: ReadonlyMap<string, string>): IndicatorSeries[] {
  const byCode = new Map<string, Map<number, IndicatorPoint>>()
  for (const version of versions) {
    for (const block of version.body) {
      if (block.type !== 'resultSet') continue
      for (const bullet of block.bullets) {
        const code = bullet.indicator?.code
        if (!code || !names.has(code)) continue
        const { nationalPercent, localValue } = bullet.indicator!
        if (nationalPercent == null && localValue == null) continue
        const points = byCode.get(code) ?? new Map<number, IndicatorPoint>()
        points.set(block.surveyYear, { surveyYear: block.surveyYear, nationalPercent, localValue, localPercent: localPercent(localValue) })
        byCode.set(code, points)
      }
    }
  }
  return [...byCode]
    .filter(([, points]) => points.size >= 2)
    .map(([code, points]) => ({ code, name: names.get(code)!, points: [...points.values()].sort((a, b) => a.surveyYear - b.surveyYear) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
}
