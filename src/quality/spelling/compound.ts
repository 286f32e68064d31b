/**
 * Swedish writes compounds as one word ("kompetensutvecklingsplan"), and no
 * dictionary lists them all. A word is accepted when it splits into a
 * compound part ("kompetens", "utvecklings") followed by a word ("plan").
 */

export type CompoundLexicon = {
  /** May begin or sit inside a compound ("arbets", "skol", "bil"), lowercase. */
  isPart(part: string): boolean
  /** A word on its own, lowercase. */
  isWord(word: string): boolean
}

/**
 * A two-letter head only when the dictionary marks it as a compound part ("ny-"
 * in "nyansökan"); shorter tails make almost any typo a compound ("komu" + "n").
 */
const MIN_HEAD_LENGTH = 2
const MIN_TAIL_LENGTH = 3
const MAX_PARTS = 4

/** A marked compound part, or a dictionary word of four letters or more with a linking "s" ("avtal" + "s"). */
function isHead(head: string, lexicon: CompoundLexicon): boolean {
  if (lexicon.isPart(head)) return true
  const stem = head.slice(0, -1)
  return head.endsWith('s') && stem.length >= 4 && (lexicon.isPart(stem) || lexicon.isWord(stem))
}

function splits(word: string, lexicon: CompoundLexicon, partsLeft: number): boolean {
  if (partsLeft < 2) return false
  for (let cut = MIN_HEAD_LENGTH; cut <= word.length - MIN_TAIL_LENGTH; cut++) {
    const head = word.slice(0, cut)
    if (!isHead(head, lexicon)) continue
    const tail = word.slice(cut)
    if (lexicon.isWord(tail) || splits(tail, lexicon, partsLeft - 1)) return true
  }
  return false
}

/** True when `word` (any case) is a compound of known parts. */
export const isCompound = (word: string, lexicon: CompoundLexicon): boolean => splits(word.toLowerCase(), lexicon, MAX_PARTS)
