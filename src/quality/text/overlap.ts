/** Content-word overlap between short texts (findings, answers, clauses). */
import { swedishStem } from './stem'
import { STOP_WORDS } from './stopwords'

/** Stems of the words that carry meaning: no stop words, numbers or the municipality's name. */
export function contentStems(text: string, ignore: readonly string[] = []): string[] {
  const skip = new Set(ignore.map((word) => word.toLowerCase()))
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  const stems = words.filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !skip.has(word)).map(swedishStem)
  return [...new Set(stems)]
}

/**
 * Same stem, or one a prefix of the other of at least five letters: that
 * matches "samordn"/"samordning" and "kompetensutveckling"/"kompetensutvecklingsplan"
 * while short stems ("plan", "stöd") must match exactly.
 */
export const stemsMatch = (a: string, b: string): boolean => {
  if (a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length >= 5 && long.startsWith(short)
}

/** How many of `a` have a match in `b`. */
export const matchedCount = (a: readonly string[], b: readonly string[]): number => a.filter((stem) => b.some((other) => stemsMatch(stem, other))).length

/** Share of `a` found in `b` (0 when `a` is empty). */
export const coverage = (a: readonly string[], b: readonly string[]): number => (a.length === 0 ? 0 : matchedCount(a, b) / a.length)
