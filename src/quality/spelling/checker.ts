/**
 * The Swedish spell checker behind the `spelling` and `hyphen-artifact` rules.
 * Rules take a SpellChecker, so tests inject a small one; the real one is
 * built once, on first use (the dictionary takes seconds to load).
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

export function createSpellChecker(words: WordSource, compoundParts: ReadonlySet<string>, projectWords: Iterable<string> = PROJECT_WORDS): SpellChecker {
  const listed = new Set(projectWords)
  const isListed = (word: string) => listed.has(word) || (genitiveBase(word) !== null && listed.has(genitiveBase(word)!))
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
