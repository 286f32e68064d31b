/**
 * Rules for the result sets of a page ("Årets resultat visar att:", "2019 års
 * resultat visar att:"): headings are derived from the years, never typed.
 */
import { stockholmCalendarDate } from './swedishDate'

export type ResultLead = 'visar att' | 'visar bland annat'

export const RESULT_LEADS: readonly ResultLead[] = ['visar att', 'visar bland annat']

/** The first year Öppna jämförelser for social services was published. */
export const SURVEY_YEAR_MIN = 2007

/** Results may be entered up to a year ahead (a survey is published the year after it is named). */
export function surveyYearRange(now: Date = new Date()): { min: number; max: number } {
  return { min: SURVEY_YEAR_MIN, max: stockholmCalendarDate(now).year + 1 }
}

/** The newest year is "Årets"; older ones name their year. */
export function deriveResultSetHeading(surveyYear: number, lead: ResultLead, newestYear: number): string {
  const subject = surveyYear >= newestYear ? 'Årets' : `${surveyYear} års`
  return `${subject} resultat ${lead}:`
}

/** Newest year first; sets of equal year keep their order. Returns a new array. */
export function orderResultSetsNewestFirst<T extends { surveyYear: number }>(sets: readonly T[]): T[] {
  return sets
    .map((set, index) => ({ set, index }))
    .sort((a, b) => b.set.surveyYear - a.set.surveyYear || a.index - b.index)
    .map(({ set }) => set)
}

/**
 * A page body as it is stored and read: result sets newest year first (sets of
 * equal year keep their order). Each set moves with the blocks after it up to
 * the next set (its notes and texts); blocks before the first set stay first,
 * and a set without a year (refused on save) moves with the set before it. A
 * body already in order comes back as it was. Returns a new array.
 */
export function orderBodyResultSets<T extends { blockType?: string | null; surveyYear?: number | null }>(body: readonly T[]): T[] {
  const lead: T[] = []
  const groups: { surveyYear: number; blocks: T[] }[] = []
  for (const block of body) {
    if (block.blockType === 'resultSet' && typeof block.surveyYear === 'number') groups.push({ surveyYear: block.surveyYear, blocks: [block] })
    else (groups.at(-1)?.blocks ?? lead).push(block)
  }
  return [...lead, ...orderResultSetsNewestFirst(groups).flatMap((group) => group.blocks)]
}

/**
 * The year a new result set starts with: this year in Stockholm. A page's
 * newest set is "Årets resultat" of the year it is updated in (the seed pages:
 * "Senast uppdaterad" in June of their newest year), so new results are
 * usually this year's; an older year is typed over it.
 */
export function defaultSurveyYear(now: Date = new Date()): number {
  return stockholmCalendarDate(now).year
}

/** Years that occur more than once, each listed once, in order of first appearance. */
export function findDuplicateSurveyYears(sets: readonly { surveyYear?: number | null }[]): number[] {
  const counts = new Map<number, number>()
  for (const { surveyYear } of sets) {
    if (typeof surveyYear === 'number') counts.set(surveyYear, (counts.get(surveyYear) ?? 0) + 1)
  }
  return [...counts].filter(([, count]) => count > 1).map(([year]) => year)
}

/** A Swedish error message, or null when the year is acceptable. */
export function validateSurveyYear(year: number, now: Date = new Date()): string | null {
  if (!Number.isInteger(year)) return 'Undersökningsåret måste vara ett helt årtal, t.ex. 2023.'
  const { min, max } = surveyYearRange(now)
  if (year < min || year > max) return `Undersökningsåret ${year} ligger utanför det tillåtna intervallet ${min}–${max}.`
  return null
}

export type ResultSetInput = {
  /** Whole page bodies may be passed: blocks of another type are skipped but keep their index. */
  blockType?: string | null
  surveyYear?: number | null
  bullets?: ReadonlyArray<{ national?: string | null; local?: string | null }> | null
}

export type ResultSetProblem = { path: string; message: string }

export type ResultSetCheckOptions = { now?: Date; pathPrefix?: string }

const joinPath = (prefix: string | undefined, ...parts: (string | number)[]) =>
  [...(prefix ? [prefix] : []), ...parts].join('.')

const label = (year: number | null | undefined) => (typeof year === 'number' ? `Resultat ${year}` : 'Resultat (utan år)')

const isBlank = (text: string | null | undefined) => !text || text.trim() === ''

const resultSets = (sets: readonly ResultSetInput[]) =>
  sets.map((set, index) => ({ set, index })).filter(({ set }) => !set.blockType || set.blockType === 'resultSet')

/** Problems that make a page invalid even as a draft: missing/out-of-range/duplicate years, empty national findings. */
export function validateResultSets(sets: readonly ResultSetInput[], options: ResultSetCheckOptions = {}): ResultSetProblem[] {
  const problems: ResultSetProblem[] = []
  const totals = new Map<number, number>()
  for (const { set } of resultSets(sets)) {
    if (typeof set.surveyYear === 'number') totals.set(set.surveyYear, (totals.get(set.surveyYear) ?? 0) + 1)
  }
  const seen = new Map<number, number>()
  for (const { set, index } of resultSets(sets)) {
    const yearPath = joinPath(options.pathPrefix, index, 'surveyYear')
    const year = set.surveyYear
    if (typeof year !== 'number') {
      problems.push({ path: yearPath, message: 'Ange undersökningsåret (t.ex. 2023).' })
    } else {
      const rangeError = validateSurveyYear(year, options.now)
      if (rangeError) problems.push({ path: yearPath, message: rangeError })
      const count = (seen.get(year) ?? 0) + 1
      seen.set(year, count)
      // Reported once, at the second occurrence, with the total count.
      if (count === 2) {
        const total = totals.get(year) ?? count
        problems.push({
          path: yearPath,
          message: `Det finns ${total === 2 ? 'två' : total} resultatavsnitt för år ${year}. Varje undersökningsår får bara förekomma en gång per sida.`,
        })
      }
    }
    set.bullets?.forEach((bullet, bulletIndex) => {
      if (isBlank(bullet.national)) {
        problems.push({
          path: joinPath(options.pathPrefix, index, 'bullets', bulletIndex, 'national'),
          message: `${label(year)}, punkt ${bulletIndex + 1}: Det nationella resultatet saknas.`,
        })
      }
    })
  }
  return problems
}

/** Bullets without the municipality's answer: allowed in a draft, not when submitted for review. */
export function findMissingLocalAnswers(sets: readonly ResultSetInput[], options: Pick<ResultSetCheckOptions, 'pathPrefix'> = {}): ResultSetProblem[] {
  return resultSets(sets).flatMap(({ set, index }) =>
    (set.bullets ?? []).flatMap((bullet, bulletIndex) =>
      isBlank(bullet.local)
        ? [
            {
              path: joinPath(options.pathPrefix, index, 'bullets', bulletIndex, 'local'),
              message: `${label(set.surveyYear)}, punkt ${bulletIndex + 1}: Kalmars svar saknas.`,
            },
          ]
        : [],
    ),
  )
}
