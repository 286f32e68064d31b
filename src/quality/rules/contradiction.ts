/** Two answers on one page about the same measure, one saying Kalmar does it and the other that it does not. */
import { contentStems, matchedCount } from '../text/overlap'
import { NEGATIONS } from '../text/stopwords'
import { bulletLocation, resultSets } from '../view'
import { bulletLabel, excerpt, finding, municipalityOf, type Rule } from './rule'

export type Clause = { text: string; stems: string[]; negated: boolean }

/**
 * Answers are compared clause by clause, because one answer often says both
 * ("har en plan …, men handläggarna har inte handledning"): clauses end at
 * sentence punctuation and before "men", "däremot", "medan", "förutom", "utom".
 */
const CLAUSE_BREAK = /[.;:!?]+(?:\s+|$)|,?\s+(?=(?:men|däremot|medan|förutom|utom)\s)/iu

export function clausesOf(answer: string, municipality: string): Clause[] {
  return answer
    .split(CLAUSE_BREAK)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({
      text,
      stems: contentStems(text, [municipality]),
      negated: (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => NEGATIONS.has(word)),
    }))
}

/**
 * Same measure: at least three content words in common, making up 60 % or more
 * of the shorter clause. Fewer shared words match on generic ones ("rutin",
 * "verksamhet") alone; the ratio keeps a long clause from matching everything.
 */
export const CONTRADICTION_MIN_SHARED = 3
export const CONTRADICTION_MIN_RATIO = 0.6

export function contradicts(a: Clause, b: Clause): boolean {
  if (a.negated === b.negated) return false
  const [short, long] = a.stems.length <= b.stems.length ? [a, b] : [b, a]
  const shared = matchedCount(short.stems, long.stems)
  return shared >= CONTRADICTION_MIN_SHARED && shared / short.stems.length >= CONTRADICTION_MIN_RATIO
}

export const contradiction: Rule = {
  id: 'contradiction',
  name: 'Svar som motsäger varandra',
  severity: 'warning',
  check(view, context) {
    const municipality = municipalityOf(context)
    const answers = resultSets(view).flatMap((set) =>
      set.bullets.flatMap((bullet, index) => (bullet.local ? [{ set, index, text: bullet.local, clauses: clausesOf(bullet.local, municipality) }] : [])),
    )
    return answers.flatMap((later, position) => {
      const earlier = answers.slice(0, position).find((other) => other.clauses.some((a) => later.clauses.some((b) => contradicts(a, b))))
      if (!earlier) return []
      const sameSet = earlier.set === later.set
      const where = sameSet ? bulletLabel(earlier.index) : `${bulletLabel(earlier.index)} i resultatet för ${earlier.set.surveyYear ?? 'okänt år'}`
      const years =
        !sameSet && earlier.set.surveyYear !== later.set.surveyYear
          ? ` Svaren gäller olika år: har läget ändrats, skriv gärna ut det.`
          : ' Kontrollera vilket som stämmer.'
      return [
        finding(
          contradiction,
          bulletLocation(later.set, later.index, 'local'),
          `Svaret säger emot svaret i ${where} ("${excerpt(earlier.text)}"): det ena säger att ${municipality} gör det, det andra att ${municipality} inte gör det.${years}`,
        ),
      ]
    })
  },
}
