/**
 * The Swedish spell checker behind the `spelling` and `hyphen-artifact` rules.
 * Rules take a SpellChecker, so tests inject a small one; the real one is
 * built once, on first use (the dictionary takes seconds to load). The words
 * admins accept in the admin's Ordlista are laid on top per check with
 * `withWords`, so a word added counts at the next check without a reload.
 */
import { PROJECT_WORDS } from '../wordlist'
import { isCompound } from './compound'
import { prepareDictionary } from './hunspell'

export type SpellChecker = {
  /** A word as written (case matters for names), without surrounding punctuation. */
  isWord(word: string): boolean
  /** Likely intended words, best first; may be empty. */
  suggest(word: string): string[]
}

type WordSource = { correct(word: string): boolean; suggest(word: string): string[] }

/** Genitive of a listed name or abbreviation: "SKR:s", "Kalmars". */
const genitiveBase = (word: string): string | null => /^(.+?):?s$/u.exec(word)?.[1] ?? null

/** Whether a word, or the base of its genitive, is one of `words` as written. */
function listedIn(words: Iterable<string>): (word: string) => boolean {
  const listed = new Set(words)
  return (word) => {
    if (listed.has(word)) return true
    const base = genitiveBase(word)
    return base !== null && listed.has(base)
  }
}

export function createSpellChecker(words: WordSource, compoundParts: ReadonlySet<string>, projectWords: Iterable<string> = PROJECT_WORDS): SpellChecker {
  const isListed = listedIn(projectWords)
  const lexicon = { isPart: (part: string) => compoundParts.has(part), isWord: (word: string) => words.correct(word) }
  const known = new Map<string, boolean>()
  return {
    isWord(word) {
      let answer = known.get(word)
      if (answer === undefined) {
        answer = isListed(word) || words.correct(word) || isCompound(word, lexicon)
        known.set(word, answer)
      }
      return answer
    },
    // nspell's suggestions get slow on long words; those are mostly compounds anyway.
    suggest: (word) => (word.length <= 20 ? words.suggest(word).slice(0, 3) : []),
  }
}

/**
 * `checker` that also accepts `words` (with their genitives), as written. Cheap:
 * a set over the words, while `checker` keeps its dictionary and what it has
 * already decided. Suggestions stay the checker's.
 */
export function withWords(checker: SpellChecker, words: Iterable<string>): SpellChecker {
  const isListed = listedIn(words)
  return { isWord: (word) => isListed(word) || checker.isWord(word), suggest: (word) => checker.suggest(word) }
}

let swedish: Promise<SpellChecker> | null = null

/** The shared checker over dictionary-sv and the project word list, built on first call. */
export function loadSwedishSpellChecker(): Promise<SpellChecker> {
  swedish ??= (async () => {
    const { default: dictionary } = await import('dictionary-sv')
    const { default: nspell } = await import('nspell')
    const decoder = new TextDecoder()
    const prepared = prepareDictionary(decoder.decode(dictionary.aff), decoder.decode(dictionary.dic))
    return createSpellChecker(nspell({ aff: prepared.aff, dic: prepared.dic }), prepared.compoundParts)
  })()
  return swedish
}
