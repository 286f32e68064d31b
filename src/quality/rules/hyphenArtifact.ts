/**
 * Words split at a former line break ("beroendeframkal-lande", "arbetslivs-
 * inriktad", "IPS- modellen"). Candidates come from the importer's detector,
 * which already spares "stöd- och", "LSS-insatser", "ÖJ-undersökning", "0-100"
 * and "e-post"; the dictionary then decides: only when the joined word is a
 * Swedish word is the hyphen an artifact ("kvalitets-arbete" yes, "sms-tjänst" no).
 */
import { findSuspectedHyphens } from '@/pageImport/hyphens'

import type { SpellChecker } from '../spelling/checker'
import { textUnits } from '../view'
import { finding, type Rule } from './rule'

const ABBREVIATION = /^[\p{Lu}\p{N}]{2,}$/u

/** The repaired text for one suspect, or null when the hyphen may well be meant. */
export function repairHyphen(word: string, spelling: SpellChecker): string | null {
  const dangling = /^(.+?)-\s+(.+)$/u.exec(word)
  if (dangling) {
    const [, left = '', right = ''] = dangling
    // "IPS- modellen": the hyphen belongs, the space does not.
    if (ABBREVIATION.test(left)) return `${left}-${right}`
    return spelling.isWord(left + right) ? left + right : null
  }
  const joined = word.replace(/(?<=\p{Ll})-(?=\p{Ll})/gu, '')
  return joined !== word && joined.split('-').every((part) => spelling.isWord(part)) ? joined : null
}

export const hyphenArtifact: Rule = {
  id: 'hyphen-artifact',
  name: 'Avstavning kvar från radbrytning',
  severity: 'warning',
  needsSpelling: true,
  check(view, context) {
    const spelling = context.spelling
    if (!spelling) return []
    return textUnits(view).flatMap((unit) =>
      findSuspectedHyphens(unit.text).flatMap(({ word }) => {
        const to = repairHyphen(word, spelling)
        if (!to) return []
        const what = /\s/u.test(word) && to.includes('-') ? 'har ett mellanslag efter bindestrecket' : 'ser ut att vara avstavat vid ett tidigare radbyte'
        return [finding(hyphenArtifact, unit.location, `"${word}" ${what}. Skriv "${to}".`, { from: word, to })]
      }),
    )
  },
}
