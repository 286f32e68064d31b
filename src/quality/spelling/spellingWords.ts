/**
 * The admin's Ordlista (global `spelling-words`): the rules a word there must
 * follow, and its words as the spell checker takes them. Pure; the global's
 * config (collections/SpellingWords) and the loader (../spellingWords.ts)
 * call these and decide nothing themselves.
 */

/** Longer than any word an editor writes; longer is a paste gone wrong. */
export const WORD_MAX_LENGTH = 50

/** What the checker looks up never has fewer letters (src/quality/rules/spelling.ts skips single letters). */
const WORD_MIN_LENGTH = 2

/** A stored row of the list, as the global holds it. */
export type SpellingWordRow = { word?: string | null }

/** The word as stored: without surrounding spaces, in the composed Unicode form the page texts use. */
export const normalizeWord = (value: unknown): unknown => (typeof value === 'string' ? value.trim().normalize('NFC') : value)

/**
 * Why `value` cannot be a word of the list, in Swedish naming the field "Ord";
 * null when it can. The rules follow what the spelling rule looks up: one
 * token of letters (an apostrophe inside is part of it), never split at a
 * hyphen, never with a digit (such words are not checked at all).
 */
export function wordProblem(value: unknown): string | null {
  const word = typeof value === 'string' ? value : ''
  if (word.trim() === '') return 'Ord: fältet är tomt. Skriv ordet som stavningskontrollen ska godta, eller ta bort raden.'
  if (/\s/u.test(word)) return `Ord: "${word}" innehåller mellanslag. Skriv ett ord per rad; ett namn i flera ord läggs till ord för ord.`
  if (word.includes('-')) return `Ord: "${word}" innehåller bindestreck. Stavningskontrollen läser delarna var för sig, så lägg till varje del som ett eget ord.`
  if (/\p{N}/u.test(word)) return `Ord: "${word}" innehåller siffror. Ord med siffror kontrolleras aldrig, så de behöver inte stå i ordlistan.`
  if (/^[^:]+:s$/u.test(word)) return `Ord: "${word}" är en genitiv. Skriv grundformen ("SKR"); genitiven ("SKR:s") godtas av sig själv.`
  const other = /[^\p{L}\p{M}’']/u.exec(word)
  if (other) return `Ord: "${word}" innehåller tecknet "${other[0]}". Ett ord får bara innehålla bokstäver (och apostrof inuti ordet).`
  if (/^[’']|[’']$/u.test(word)) return `Ord: "${word}" börjar eller slutar med apostrof. Skriv ordet utan den.`
  const length = [...word].length
  if (length < WORD_MIN_LENGTH) return `Ord: "${word}" är en enda bokstav. Enstaka bokstäver kontrolleras aldrig, så de behöver inte stå i ordlistan.`
  if (length > WORD_MAX_LENGTH) return `Ord: "${[...word].slice(0, 20).join('')}…" är ${length} tecken långt. Ett ord får vara högst ${WORD_MAX_LENGTH} tecken.`
  return null
}

/**
 * The row's word again earlier in the list (exactly as written: "Kalmar" and
 * "kalmar" are different words), in Swedish naming the field and both rows;
 * null when it is the first.
 */
export function duplicateProblem(rows: readonly SpellingWordRow[] | null | undefined, index: number): string | null {
  const word = normalizeWord(rows?.[index]?.word)
  if (typeof word !== 'string' || word === '') return null
  const first = (rows ?? []).findIndex((row) => normalizeWord(row?.word) === word)
  return first >= 0 && first < index ? `Ord: "${word}" står redan på rad ${first + 1}. Varje ord ska stå en gång i ordlistan; ta bort rad ${index + 1}.` : null
}

/** The words of the stored list, for the spell checker (rows without a word are skipped). */
export function spellingWordsOf(doc: { words?: readonly SpellingWordRow[] | null } | null | undefined): string[] {
  return (doc?.words ?? []).flatMap((row) => (typeof row?.word === 'string' && row.word !== '' ? [row.word] : []))
}
