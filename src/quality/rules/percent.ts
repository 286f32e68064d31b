/** Percentages: within 0–100, and the national text agreeing with the bullet's indicator. */
import type { Finding, FindingLocation } from '../types'
import { bulletLocation, resultSets, textUnits } from '../view'
import { finding, type Rule } from './rule'

export type PercentMention = { text: string; value: number; index: number; ofMunicipalities: boolean }

// "37 procent", "37 %", "61procent", "90,9 %", the "17" of "13-17 procent"; not "procentenheter" (points).
const PERCENT = /(?<![\p{L}\p{N},.])(\d+(?:[,.]\d+)?)\s*(?:%|procent(?!\p{L}))/gu
const OF_MUNICIPALITIES = /^\s+av\s+(?:\p{L}+\s+)?kommuner/iu
/** "ökat med 150 procent", "250 procent högre": a relative change, which may exceed 100. */
const CHANGE_BEFORE = /(?:ök\p{L}*|högre|större)\s+(?:med\s+|på\s+)?(?:\p{L}+\s+)?$/iu
const CHANGE_AFTER = /^\s*(?:högre|större|fler|mer|ökning)/iu

const isChange = (text: string, mention: PercentMention): boolean =>
  CHANGE_BEFORE.test(text.slice(0, mention.index)) || CHANGE_AFTER.test(text.slice(mention.index + mention.text.length))

export function percentsOf(text: string): PercentMention[] {
  return [...text.matchAll(PERCENT)].map((match) => ({
    text: match[0],
    value: Number(match[1]!.replace(',', '.')),
    index: match.index,
    ofMunicipalities: OF_MUNICIPALITIES.test(text.slice(match.index + match[0].length)),
  }))
}

const outOfRange = (value: number): boolean => value < 0 || value > 100

const LOCAL_PERCENT = /^\s*(-?\d+(?:[,.]\d+)?)\s*(?:%|procent)\s*$/u

export const percentRange: Rule = {
  id: 'percent-range',
  name: 'Procent utanför 0–100',
  severity: 'error',
  check(view) {
    const inText = textUnits(view).flatMap((unit) =>
      percentsOf(unit.text)
        .filter((mention) => outOfRange(mention.value) && !isChange(unit.text, mention))
        .map((mention) => finding(percentRange, unit.location, `"${mention.text}" ligger utanför 0–100 procent.`)),
    )
    const inIndicators = resultSets(view).flatMap((set) =>
      set.bullets.flatMap((bullet, index) => {
        const found: Finding[] = []
        const national = bullet.indicator?.nationalPercent
        if (typeof national === 'number' && outOfRange(national)) {
          found.push(finding(percentRange, bulletLocation(set, index, 'indicator.nationalPercent'), `Andelen kommuner (${national} %) ligger utanför 0–100.`))
        }
        const local = LOCAL_PERCENT.exec(bullet.indicator?.localValue ?? '')
        if (local && outOfRange(Number(local[1]!.replace(',', '.')))) {
          found.push(finding(percentRange, bulletLocation(set, index, 'indicator.localValue'), `Kommunens värde (${local[0].trim()}) ligger utanför 0–100 procent.`))
        }
        return found
      }),
    )
    return [...inText, ...inIndicators]
  },
}

/** Rounding in the text ("37 procent" for 37.4) is not a mismatch. */
const TOLERANCE = 0.5

export const percentMismatch: Rule = {
  id: 'percent-mismatch',
  name: 'Procent stämmer inte med indikatorn',
  severity: 'warning',
  check: (view) =>
    resultSets(view).flatMap((set) =>
      set.bullets.flatMap((bullet, index) => {
        const expected = bullet.indicator?.nationalPercent
        if (typeof expected !== 'number' || outOfRange(expected)) return []
        const mentions = percentsOf(bullet.national)
        // "37 procent av kommunerna" is the indicator; other figures (earlier years, sub-groups) only when there is no such phrase.
        const relevant = mentions.some((mention) => mention.ofMunicipalities) ? mentions.filter((mention) => mention.ofMunicipalities) : mentions
        if (relevant.length === 0 || relevant.some((mention) => Math.abs(mention.value - expected) <= TOLERANCE)) return []
        const location: FindingLocation = bulletLocation(set, index, 'national')
        const said = relevant.map((mention) => mention.text).join(', ')
        return [finding(percentMismatch, location, `Texten anger ${said}, men indikatorns andel kommuner är ${expected} %.`)]
      }),
    ),
}
