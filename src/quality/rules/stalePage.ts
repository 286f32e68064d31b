/** A page whose newest results are older than the survey's latest, or whose review date has passed. */
import { reviewStatus } from '@/domain/reviewDue'
import { formatSwedishDate, stockholmCalendarDate } from '@/domain/swedishDate'

import type { Finding, QualityContext } from '../types'
import { blockLocation, resultSets } from '../view'
import { finding, type Rule } from './rule'

/**
 * A survey year's results are published in late spring and Kalmar's pages are
 * updated by early July (the seed pages: 24 June – 4 July). From September on,
 * this year's results are expected on the page; before that, last year's.
 */
export const RESULTS_EXPECTED_FROM_MONTH = 9

export const cycleOf = (context: QualityContext): 1 | 2 => (context.surveyCycleYears === 2 ? 2 : 1)

/**
 * The oldest newest-year a page may show. Without a given latest year, the
 * latest possible year comes from the date; a survey run every other year may
 * then lag one year behind it (which of the two years it runs in is unknown).
 */
export function oldestAcceptableYear(context: QualityContext): number {
  if (typeof context.latestSurveyYear === 'number') return context.latestSurveyYear
  const { year, month } = stockholmCalendarDate(context.now)
  const latest = month >= RESULTS_EXPECTED_FROM_MONTH ? year : year - 1
  return latest - (cycleOf(context) - 1)
}

export const stalePage: Rule = {
  id: 'stale-page',
  name: 'Inaktuell sida',
  severity: 'warning',
  check(view, context) {
    const found: Finding[] = []
    const dated = resultSets(view).filter((set) => set.surveyYear !== null)
    const newest = dated.sort((a, b) => b.surveyYear! - a.surveyYear!)[0]
    const expected = oldestAcceptableYear(context)
    if (newest && newest.surveyYear! < expected) {
      const biennial = cycleOf(context) === 2
      const cycle = biennial ? 'vartannat år' : 'varje år'
      const years = biennial && context.latestSurveyYear === undefined ? `${expected} eller ${expected + 1}` : String(expected)
      found.push(
        finding(
          stalePage,
          blockLocation(newest, 'surveyYear'),
          `Sidans senaste resultat är från ${newest.surveyYear}, men resultat från ${years} bör finnas (undersökningen görs ${cycle}).`,
        ),
      )
    }
    if (context.reviewBy && reviewStatus(context.reviewBy, context.now) === 'overdue') {
      found.push(finding(stalePage, { field: 'reviewBy', path: 'reviewBy' }, `Sidan skulle ha setts över senast ${formatSwedishDate(context.reviewBy)}.`))
    }
    return found
  },
}
