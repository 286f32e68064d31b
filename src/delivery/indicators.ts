/**
 * Indicator trends: for each indicator code on a page, one value per survey
 * year, taken from the page and its earlier published versions (a year's
 * value from the newest version that has it). Pure.
 */
import { parseLocalValue, suggestNationalPercent } from '@/domain/indicators'
import type { AreaSnapshot } from './snapshot'
import type { IndicatorPoint, IndicatorSeries } from './schemas'

const LOCAL_PERCENT = { yes: 100, no: 0, partly: 50 } as const

export function localPercent(value: string | null): number | null {
  const parsed = value ? parseLocalValue(value) : null
  if (!parsed) return null
  return parsed.kind === 'percent' ? parsed.value : LOCAL_PERCENT[parsed.kind]
}

export type IndicatorInfo = { name: string; matchText?: string | null }

const recognises = (info: IndicatorInfo, national: string) =>
  Boolean(info.matchText?.trim()) && national.toLocaleLowerCase('sv').includes(info.matchText!.trim().toLocaleLowerCase('sv'))

/**
 * `versions` oldest first, the page being published last; `indicators` from
 * the indicators collection. In earlier published versions a bullet without a
 * code counts when its finding contains the indicator's `matchText`; its share
 * is then read from that published text ("13 procent av kommunerna").
 */
export function indicatorSeries(versions: readonly AreaSnapshot[], indicators: ReadonlyMap<string, IndicatorInfo>): IndicatorSeries[] {
  const byCode = new Map<string, Map<number, IndicatorPoint>>()
  versions.forEach((version, versionIndex) => {
    const earlier = versionIndex < versions.length - 1
    for (const block of version.body) {
      if (block.type !== 'resultSet') continue
      for (const bullet of block.bullets) {
        const recognised = earlier && !bullet.indicator?.code ? [...indicators].find(([, info]) => recognises(info, bullet.national))?.[0] : undefined
        const code = bullet.indicator?.code ?? recognised
        if (!code || !indicators.has(code)) continue
        const nationalPercent = recognised ? suggestNationalPercent(bullet.national) : (bullet.indicator?.nationalPercent ?? null)
        const localValue = recognised ? null : (bullet.indicator?.localValue ?? null)
        if (nationalPercent == null && localValue == null) continue
        const points = byCode.get(code) ?? new Map<number, IndicatorPoint>()
        points.set(block.surveyYear, { surveyYear: block.surveyYear, nationalPercent, localValue, localPercent: localPercent(localValue) })
        byCode.set(code, points)
      }
    }
  })
  return [...byCode]
    .filter(([, points]) => points.size >= 2)
    .map(([code, points]) => ({ code, name: indicators.get(code)!.name, points: [...points.values()].sort((a, b) => a.surveyYear - b.surveyYear) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
}
