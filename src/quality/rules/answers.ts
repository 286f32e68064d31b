/** Kalmar's answer under each national finding: present, and not a copy of the finding. */
import { bulletLocation, resultSets } from '../view'
import { finding, municipalityOf, type Rule } from './rule'

export const missingAnswer: Rule = {
  id: 'missing-answer',
  name: 'Kommunens svar saknas',
  severity: 'error',
  check: (view, context) =>
    resultSets(view).flatMap((set) =>
      set.bullets.flatMap((bullet, index) =>
        bullet.local ? [] : [finding(missingAnswer, bulletLocation(set, index, 'local'), `${municipalityOf(context)}s svar saknas under det nationella resultatet.`)],
      ),
    ),
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** Words by which an answer speaks of the municipality itself. */
const selfReferences = (municipality: string): Set<string> =>
  new Set([municipality.toLowerCase(), `${municipality.toLowerCase()}s`, 'kommunen', 'kommunens', 'vi', 'vår', 'vårt', 'våra', 'oss', 'förvaltningen', 'socialförvaltningen'])

/**
 * An answer that mirrors the finding's wording ("Kalmar har inte en aktuell rutin
 * att …" under "11 procent av kommunerna har en aktuell rutin att …") is the
 * normal style. A repeat is an answer (at least four words) whose words nearly
 * all come from the finding: 90 % when it never names the municipality (then
 * it says nothing about Kalmar), or 85 % of both texts' words together
 * (Jaccard) when it does, i.e. the finding pasted with "Kalmar:" in front.
 */
export const MIN_REPEAT_WORDS = 4
export const REPEAT_CONTAINMENT = 0.9
export const REPEAT_JACCARD = 0.85

export function repeatsFinding(answer: string, national: string, municipality: string): boolean {
  const own = words(answer)
  const theirs = words(national)
  if (own.size < MIN_REPEAT_WORDS) return false
  const shared = [...own].filter((word) => theirs.has(word)).length
  const jaccard = shared / (own.size + theirs.size - shared)
  const self = selfReferences(municipality)
  const namesSelf = [...own].some((word) => self.has(word) && !theirs.has(word))
  return jaccard >= REPEAT_JACCARD || (!namesSelf && shared / own.size >= REPEAT_CONTAINMENT)
}

export const answerRepeatsFinding: Rule = {
  id: 'answer-repeats-finding',
  name: 'Svaret upprepar det nationella resultatet',
  severity: 'warning',
  check: (view, context) =>
    resultSets(view).flatMap((set) =>
      set.bullets.flatMap((bullet, index) =>
        bullet.local && repeatsFinding(bullet.local, bullet.national, municipalityOf(context))
          ? [
              finding(
                answerRepeatsFinding,
                bulletLocation(set, index, 'local'),
                `Svaret upprepar det nationella resultatet i stället för att säga hur det ser ut i ${municipalityOf(context)}.`,
              ),
            ]
          : [],
      ),
    ),
}
