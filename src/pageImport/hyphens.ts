/**
 * Finds probable line-break hyphens left over from pasting ("beroendeframkal-lande",
 * "IPS- modellen"). Only reported: a human decides, the text is never changed.
 */

/** Words that legitimately follow a hyphenated first part: "barn- och ungdomsvård". */
export const COORDINATION_WORDS: ReadonlySet<string> = new Set(['och', 'eller', 'samt', 'respektive', 'till', 'som'])

export type HyphenSuspect = { word: string; index: number }

const HYPHENATED_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu
const DANGLING_HYPHEN = /(?<![\p{L}\p{N}])([\p{L}\p{N}]*\p{L})-[ \u00a0]+(\p{Ll}\p{L}*)/gu
const VOWEL = /[aeiouyåäöéü]/iu

/**
 * "ord-del" with lowercase on both sides is suspect when the left part is a real
 * syllable (≥ 3 letters with a vowel): that spares "e-post" and "sms-tjänst",
 * while "LSS-boenden", "ESL-modellen" and "2017-2019" never match.
 */
function hasInnerBreak(word: string): boolean {
  const parts = word.split('-')
  return parts.slice(1).some((right, i) => {
    const left = parts[i] ?? ''
    return /\p{Ll}$/u.test(left) && /^\p{Ll}/u.test(right) && left.length >= 3 && VOWEL.test(left)
  })
}

export function findSuspectedHyphens(text: string): HyphenSuspect[] {
  const found: HyphenSuspect[] = []
  for (const match of text.matchAll(HYPHENATED_WORD)) {
    if (hasInnerBreak(match[0])) found.push({ word: match[0], index: match.index })
  }
  for (const match of text.matchAll(DANGLING_HYPHEN)) {
    const next = (match[2] ?? '').toLowerCase()
    if (!COORDINATION_WORDS.has(next)) found.push({ word: match[0], index: match.index })
  }
  return found.sort((a, b) => a.index - b.index)
}
