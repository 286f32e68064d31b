// nspell ships no types; only what this project uses.
declare module 'nspell' {
  type DictionaryInput = { aff: string | Uint8Array; dic?: string | Uint8Array }
  interface NSpell {
    correct(word: string): boolean
    suggest(word: string): string[]
  }
  export default function nspell(dictionary: DictionaryInput): NSpell
}
