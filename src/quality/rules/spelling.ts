/** Words that are neither in the Swedish dictionary, nor compounds of its words, nor in the built-in or the admin's word list. */
import type { SpellChecker } from '../spelling/checker'
import { textUnits } from '../view'
import { repairHyphen } from './hyphenArtifact'
import { finding, type Rule } from './rule'

const TOKEN = /[\p{L}\p{N}]+(?:[-’':][\p{L}\p{N}]+)*/gu
const ADDRESS = /\S+@\S+|https?:\/\/\S+|www\.\S+/gu
const ABBREVIATION_LIKE = /\p{Lu}.*\p{Lu}/u

/** Where a correct word goes: the admin's Ordlista (collections/SpellingWords), which only admins change. */
export const ADD_TO_WORD_LIST = 'lägg till det i Ordlistan (Administration → Ordlista); bara administratörer kan ändra den.'

/** Levenshtein distance with adjacent swaps counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = best
    }
  }
  return rows[a.length]![b.length]!
}

/** Unknown words of one text, each once, in order. Numbers, addresses and line-break hyphens (their own rule) are skipped. */
export function unknownWords(text: string, spelling: SpellChecker): string[] {
  const unknown = new Set<string>()
  for (const [token] of text.replace(ADDRESS, ' ').matchAll(TOKEN)) {
    if (/\p{N}/u.test(token)) continue
    if (token.includes('-') && repairHyphen(token, spelling)) continue
    for (const part of token.split('-')) {
      if (part.replace(/:s$/u, '').length > 1 && !spelling.isWord(part)) unknown.add(part)
    }
  }
  return [...unknown]
}

export const spelling: Rule = {
  id: 'spelling',
  name: 'Stavning',
  severity: 'warning',
  needsSpelling: true,
  check(view, context) {
    const checker = context.spelling
    if (!checker) return []
    return textUnits(view).flatMap((unit) =>
      unknownWords(unit.text, checker).map((word) => {
        // An unknown abbreviation or name belongs in the admin's Ordlista, not replaced by a look-alike word.
        const suggestions = ABBREVIATION_LIKE.test(word) ? [] : checker.suggest(word)
        const best = suggestions[0]
        // One-click only for a one-letter slip ("komun" → "kommun"); anything further is the editor's call.
        const oneClick = best && editDistance(word.toLowerCase(), best.toLowerCase()) <= 1 ? { from: word, to: best } : undefined
        const message = best
          ? `"${word}" finns inte i ordlistan. Menade du "${suggestions.join('", "')}"? Är ordet rätt stavat: ${ADD_TO_WORD_LIST}`
          : /^\p{Lu}/u.test(word)
            ? `"${word}" finns inte i ordlistan. Är det ett namn eller en förkortning: ${ADD_TO_WORD_LIST}`
            : `"${word}" finns inte i ordlistan. Är ordet rätt stavat: ${ADD_TO_WORD_LIST}`
        return finding(spelling, unit.location, message, oneClick)
      }),
    )
  },
}
