import { beforeAll, describe, expect, it } from 'vitest'

import { checkPageWithSpelling } from '@/quality'
import { loadSwedishSpellChecker, type SpellChecker } from '@/quality/spelling/checker'

// The real dictionary-sv, loaded once for this file (a few seconds).
let checker: SpellChecker
beforeAll(async () => {
  checker = await loadSwedishSpellChecker()
}, 60_000)

describe('the Swedish spell checker', () => {
  // "lyssnar" is also listed as a compound-only part; nspell alone merges the two entries and rejects it.
  it('accepts words, inflections and compounds the dictionary does not list', () => {
    for (const word of ['kommun', 'kommunerna', 'Handläggarna', 'kompetensutvecklingsplan', 'verksamhetsuppföljning', 'brukarundersökningarna', 'socionomutbildad', 'föräldrastödsprogram', 'lyssnar']) {
      expect(checker.isWord(word), word).toBe(true)
    }
  })

  it('rejects typos, also those that nspell alone would let through, and compound-only forms', () => {
    for (const word of ['komun', 'uppföljnig', 'verksamhte', 'handläggrana', 'arbets', 'skol']) expect(checker.isWord(word), word).toBe(false)
  })

  it('knows the project’s names and abbreviations', () => {
    for (const word of ['IBIC', 'LSS', 'SoL', 'SKR:s', 'Socialstyrelsen', 'ÖJ', 'Kalmar']) expect(checker.isWord(word), word).toBe(true)
  })

  it('suggests the intended word, and is built only once', async () => {
    expect(checker.suggest('komun')).toContain('kommun')
    expect(await loadSwedishSpellChecker()).toBe(checker)
  })

  it('runs the dictionary rules through checkPageWithSpelling', async () => {
    const findings = await checkPageWithSpelling(
      { title: 'Stöd', intro: ['Kalmar arbetar med en utveck-ling av stödet i varje komun.'] },
      { now: new Date('2024-10-01T12:00:00Z') },
    )
    expect(findings.map((finding) => [finding.rule, finding.suggestion])).toEqual([
      ['hyphen-artifact', { from: 'utveck-ling', to: 'utveckling' }],
      ['spelling', { from: 'komun', to: 'kommun' }],
    ])
  })
})
