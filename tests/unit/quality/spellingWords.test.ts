import { describe, expect, it } from 'vitest'

import { duplicateProblem, normalizeWord, spellingWordsOf, WORD_MAX_LENGTH, wordProblem } from '@/quality/spelling/spellingWords'

describe('wordProblem (a word of the admin’s Ordlista)', () => {
  it('accepts names, abbreviations and words with an apostrophe inside, as written', () => {
    for (const word of ['Lindsdal', 'KAAB', 'SoL', 'Ölands', 'd’Artagnan', "O'Neill", 'ÖJ', 'x'.repeat(WORD_MAX_LENGTH)]) expect(wordProblem(word), word).toBeNull()
  })

  it('refuses what the check never looks up, in Swedish naming the field and the rule', () => {
    const cases: [unknown, string][] = [
      ['', 'fältet är tomt'],
      [null, 'fältet är tomt'],
      ['Kalmar läns', 'innehåller mellanslag'],
      ['Kalmar\tlän', 'innehåller mellanslag'],
      ['ÖJ-enkät', 'innehåller bindestreck'],
      ['covid19', 'innehåller siffror'],
      ['SKR:s', 'är en genitiv'],
      ['Kalmar.', 'innehåller tecknet "."'],
      ['a/b', 'innehåller tecknet "/"'],
      ["'Kalmar", 'börjar eller slutar med apostrof'],
      ['Q', 'en enda bokstav'],
      ['x'.repeat(WORD_MAX_LENGTH + 1), `är ${WORD_MAX_LENGTH + 1} tecken långt. Ett ord får vara högst ${WORD_MAX_LENGTH} tecken.`],
    ]
    for (const [word, rule] of cases) {
      const problem = wordProblem(word)
      expect(problem, String(word)).toMatch(/^Ord: /)
      expect(problem, String(word)).toContain(rule)
    }
  })
})

describe('duplicateProblem', () => {
  const rows = [{ word: 'Lindsdal' }, { word: 'KAAB' }, { word: ' Lindsdal ' }, { word: 'lindsdal' }, { word: null }]

  it('flags a later row with the same word, naming both rows; the first and other spellings are fine', () => {
    expect(duplicateProblem(rows, 0)).toBeNull()
    expect(duplicateProblem(rows, 1)).toBeNull()
    expect(duplicateProblem(rows, 2)).toBe('Ord: "Lindsdal" står redan på rad 1. Varje ord ska stå en gång i ordlistan; ta bort rad 3.')
    // Case matters: a lower-case word is another word.
    expect(duplicateProblem(rows, 3)).toBeNull()
    expect(duplicateProblem(rows, 4)).toBeNull()
    expect(duplicateProblem(undefined, 0)).toBeNull()
  })
})

describe('normalizeWord and spellingWordsOf', () => {
  it('stores a word without surrounding spaces, composed', () => {
    expect(normalizeWord('  Kalmar ')).toBe('Kalmar')
    expect(normalizeWord('O\u0308land')).toBe('Öland')
    expect(normalizeWord(3)).toBe(3)
  })

  it('reads the stored words in order and skips rows without one', () => {
    expect(spellingWordsOf({ words: [{ word: 'Lindsdal' }, { word: '' }, { word: null }, { word: 'KAAB' }] })).toEqual(['Lindsdal', 'KAAB'])
    expect(spellingWordsOf({ words: null })).toEqual([])
    expect(spellingWordsOf(null)).toEqual([])
  })
})
