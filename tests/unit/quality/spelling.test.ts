import { describe, expect, it } from 'vitest'

import { ADD_TO_WORD_LIST, editDistance, spelling, unknownWords } from '@/quality/rules/spelling'
import { createSpellChecker, type SpellChecker, withWords } from '@/quality/spelling/checker'
import { isCompound } from '@/quality/spelling/compound'
import { prepareDictionary } from '@/quality/spelling/hunspell'
import type { QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const lexicon = (parts: string[], words: string[]) => ({ isPart: (part: string) => parts.includes(part), isWord: (word: string) => words.includes(word) })

describe('isCompound', () => {
  const swedish = lexicon(['kompetens', 'utvecklings', 'arbets', 'bil', 'ny'], ['plan', 'marknad', 'verkstad', 'utveckling', 'avtal', 'ansökan', 'mun'])

  it('accepts words made of compound parts followed by a word, in any case', () => {
    expect(isCompound('arbetsmarknad', swedish)).toBe(true)
    expect(isCompound('Bilverkstad', swedish)).toBe(true)
    expect(isCompound('kompetensutvecklingsplan', swedish)).toBe(true)
    expect(isCompound('nyansökan', swedish)).toBe(true)
  })

  it('accepts a dictionary word with a linking "s" as first part', () => {
    expect(isCompound('avtalsplan', swedish)).toBe(true)
    expect(isCompound('avtalplan', swedish)).toBe(false)
  })

  it('rejects words that need a non-part first piece or a too short last one', () => {
    expect(isCompound('planbil', swedish)).toBe(false)
    expect(isCompound('bilxy', swedish)).toBe(false)
    expect(isCompound('komun', lexicon([], ['ko', 'mun']))).toBe(false) // a two-letter word is a head only when marked as a part
    expect(isCompound('komu', lexicon(['ko'], ['mu']))).toBe(false)
    expect(isCompound('plan', swedish)).toBe(false)
  })
})

const fakeWords = (words: string[]) => ({
  correct: (word: string) => words.includes(word) || words.includes(word.toLowerCase()),
  suggest: (word: string) => (word === 'komun' ? ['kommun', 'koman', 'kumin', 'komma'] : []),
})

describe('createSpellChecker', () => {
  const checker = createSpellChecker(fakeWords(['kommun', 'plan']), new Set(['kommun']), ['SKR', 'Kalmar', 'IBIC'])

  it('accepts dictionary words, compounds and the project word list with genitives', () => {
    for (const word of ['kommun', 'Kommun', 'kommunplan', 'SKR', 'SKR:s', 'Kalmars', 'IBIC']) expect(checker.isWord(word), word).toBe(true)
    for (const word of ['komun', 'skr', 'Ibic', 'planer']) expect(checker.isWord(word), word).toBe(false)
  })

  it('suggests at most three words, none for very long words', () => {
    expect(checker.suggest('komun')).toEqual(['kommun', 'koman', 'kumin'])
    expect(checker.suggest('x'.repeat(21))).toEqual([])
  })
})

describe('withWords (the admin’s Ordlista on top of the shared checker)', () => {
  it('accepts the added words as written, with genitives, and everything the checker accepts', () => {
    const extended = withWords(checker, ['Lindsdal', 'KAAB'])
    for (const word of ['Lindsdal', 'Lindsdals', 'KAAB', 'KAAB:s', 'kommun', 'SKR:s']) expect(extended.isWord(word), word).toBe(true)
    // Case matters for names; the checker's own answers are unchanged.
    for (const word of ['lindsdal', 'Kaab', 'komun']) expect(extended.isWord(word), word).toBe(false)
    expect(checker.isWord('Lindsdal')).toBe(false)
    expect(extended.suggest('komun')).toEqual(checker.suggest('komun'))
  })

  it('asks the checker only for words not on the list, so its cache and dictionary stay shared', () => {
    const asked: string[] = []
    const base: SpellChecker = { isWord: (word) => (asked.push(word), false), suggest: () => [] }
    const extended = withWords(base, ['Lindsdal'])
    expect([extended.isWord('Lindsdal'), extended.isWord('Lindsdals'), extended.isWord('Ljungbyholm')]).toEqual([true, true, false])
    expect(asked).toEqual(['Ljungbyholm'])
  })
})

describe('prepareDictionary', () => {
  const aff = ['SET UTF-8', 'COMPOUNDBEGIN X', 'COMPOUNDMIDDLE U', 'COMPOUNDEND Y', 'ONLYINCOMPOUND Z', 'COMPOUNDRULE 1', 'COMPOUNDRULE 0*',
    'SFX A Y 1', 'SFX A 0 s .', 'SFX v N 2', 'SFX v a s/WXZ a', 'SFX v 0 s/WXZ [^a]', 'SFX z N 1', 'SFX z a 0/WXZ a'].join('\n')
  const dic = ['5', 'verksamhet/AvY', 'skola/AzY', 'arbets/UXZ', 'bil/AXY', 'plan'].join('\n')
  const prepared = prepareDictionary(aff, dic)

  it('collects compound parts: marked words and forms of compound suffixes', () => {
    expect([...prepared.compoundParts].sort()).toEqual(['arbets', 'bil', 'skol', 'verksamhets'])
  })

  it('gives nspell plain words only: no compound-only entries, no compound suffixes, no compound rules', () => {
    expect(prepared.dic.split('\n')).toEqual(['4', 'verksamhet/AY', 'skola/AY', 'bil/AXY', 'plan'])
    expect(prepared.aff).not.toContain('COMPOUNDRULE')
    expect(prepared.aff).toContain('SFX v 0 s/WXZ [^a]')
  })
})

const checker: SpellChecker = createSpellChecker(fakeWords(['och', 'eller', 'se', 'för', 'kommun', 'har', 'en', 'plan', 'utveckling', 'insatser', 'ska', 'ses', 'över']), new Set(['kommun']), ['SKR', 'LSS'])

describe('unknownWords', () => {
  it('skips numbers and addresses, checks the parts of hyphenated words, reports each word once', () => {
    expect(unknownWords('SKR:s plan har 12 LSS-insatser och 2017-2019 se https://exempel.se/x eller a@b.se', checker)).toEqual([])
    expect(unknownWords('Komun har en plan och en komun har en plnaa-insatser.', checker)).toEqual(['Komun', 'komun', 'plnaa'])
  })

  it('leaves a line-break hyphen to its own rule', () => {
    expect(unknownWords('en utveck-ling', checker)).toEqual([])
  })
})

describe('spelling', () => {
  const run = (text: string, withChecker = true) => {
    const page: QualityPage = { title: 'Plan', intro: ['En plan ska ses över.', text] }
    return spelling.check(toView(page), { now: new Date(), ...(withChecker && { spelling: checker }) })
  }

  it('reports unknown words with suggestions, one-click only for a one-letter slip', () => {
    const [finding] = run('En komun har en plan.')
    expect(finding).toMatchObject({ rule: 'spelling', severity: 'warning', location: { field: 'intro', path: 'intro', paragraphIndex: 1 } })
    expect(finding!.message).toBe(`"komun" finns inte i ordlistan. Menade du "kommun", "koman", "kumin"? Är ordet rätt stavat: ${ADD_TO_WORD_LIST}`)
    expect(finding!.suggestion).toEqual({ from: 'komun', to: 'kommun' })
    expect(run('En plan har en plann.')[0]).toMatchObject({ message: `"plann" finns inte i ordlistan. Är ordet rätt stavat: ${ADD_TO_WORD_LIST}` })
    expect(run('En plan har en plann.')[0]!.suggestion).toBeUndefined()
  })

  it('points names and abbreviations at the admin’s Ordlista, which only admins change', () => {
    const messages = run('Plan för XYZ och Storbyn.').map((finding) => finding.message)
    expect(messages).toContain(
      '"XYZ" finns inte i ordlistan. Är det ett namn eller en förkortning: lägg till det i Ordlistan (Administration → Ordlista); bara administratörer kan ändra den.',
    )
    expect(messages.some((message) => message.startsWith('"Storbyn"') && message.includes('namn'))).toBe(true)
  })

  it('reports nothing without a spell checker', () => {
    expect(run('En komun.', false)).toEqual([])
  })
})

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('komun', 'kommun')).toBe(1)
    expect(editDistance('samordnig', 'samordning')).toBe(1)
    expect(editDistance('uppfölnjing', 'uppföljning')).toBe(1)
    expect(editDistance('nyansökan', 'ansökan')).toBe(2)
  })
})
