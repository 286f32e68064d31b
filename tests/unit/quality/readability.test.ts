import { describe, expect, it } from 'vitest'

import { lix, lixBySection, lixScore, longSentence, MAX_SENTENCE_WORDS } from '@/quality/rules/readability'
import { letterCount, sentencesOf, wordsOf } from '@/quality/text/words'
import type { QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const context = { now: new Date('2024-10-01T12:00:00Z') }
const words = (count: number, word = 'ord') => Array.from({ length: count }, () => word).join(' ')

describe('wordsOf and sentencesOf', () => {
  it('keeps numbers, hyphenated words and genitives of abbreviations whole', () => {
    expect(wordsOf('I Kalmar är 90,9 procent (2017-2019) enligt IPS-modellen och SCB:s mätning.')).toEqual([
      'I', 'Kalmar', 'är', '90,9', 'procent', '2017-2019', 'enligt', 'IPS-modellen', 'och', 'SCB:s', 'mätning',
    ])
    expect(letterCount('IPS-modellen')).toBe(11)
  })

  it('ends sentences before a capital or digit and at line breaks, not after "t.ex."', () => {
    expect(sentencesOf('Stöd ges t.ex. av kuratorn. 40 procent svarade ja! Varför? Okänt\nNy rad')).toEqual([
      'Stöd ges t.ex. av kuratorn.',
      '40 procent svarade ja!',
      'Varför?',
      'Okänt',
      'Ny rad',
    ])
    expect(sentencesOf('  ')).toEqual([])
  })
})

describe('lixScore', () => {
  it('is words per sentence plus the percentage of words over six letters', () => {
    // 10 words in 2 sentences, 5 of them longer than six letters: 5 + 50 = 55.
    expect(lixScore(['Alla kommuner har socialjour. Kalmar erbjuder samordnade individuella planer nu.'])).toEqual({
      words: 10,
      sentences: 2,
      longWords: 5,
      lix: 55,
    })
    expect(lixScore([])).toEqual({ words: 0, sentences: 0, longWords: 0, lix: 0 })
  })
})

describe('long-sentence', () => {
  const run = (input: QualityPage) => longSentence.check(toView(input), context)

  it(`reports sentences over ${MAX_SENTENCE_WORDS} words, where they stand`, () => {
    const input: QualityPage = { title: 'Testsida', intro: [`${words(MAX_SENTENCE_WORDS)}. Kort mening.`, `Början ${words(MAX_SENTENCE_WORDS)}.`] }
    const findings = run(input)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'long-sentence', severity: 'warning', location: { path: 'intro', paragraphIndex: 1 } })
    expect(findings[0]!.message).toBe('Meningen "Början ord ord ord ord ord ord ord …" har 36 ord (högst 35). Dela upp den.')
  })

  it('does not judge the title or headings', () => {
    expect(run({ title: words(40), body: [{ blockType: 'textSection', heading: words(40), content: 'Kort.' }] })).toEqual([])
  })
})

describe('lix', () => {
  const hard = 'Socialförvaltningens kvalitetsuppföljning omfattar systematiska brukarundersökningar, verksamhetsuppföljningar och strukturerade kompetensutvecklingsinsatser.'
  const easy = 'Vi ger stöd. Du kan få hjälp. Ring oss när du vill. Vi svarar fort.'

  it('scores the intro, every result set, text section and note', () => {
    const view = toView({
      title: 'Rubrik',
      intro: [easy],
      body: [
        { blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'Hälften har stöd', local: 'Kalmar har stöd.' }] },
        { blockType: 'textSection', heading: 'Så används resultatet', content: easy },
        { blockType: 'note', text: 'OBS! Siffrorna är preliminära.' },
      ],
    })
    expect(lixBySection(view).map((score) => [score.label, score.location.path, score.sentences])).toEqual([
      ['Inledning', 'intro', 4],
      ['Resultat 2023', 'body.0.bullets', 2],
      ['Textavsnitt "Så används resultatet"', 'body.1.content', 4],
      ['OBS-ruta', 'body.2.text', 2],
    ])
  })

  it('warns when a section of at least 30 words has LIX over 50', () => {
    const findings = lix.check(toView({ title: 'T', intro: [hard, hard, hard, hard], body: [{ blockType: 'textSection', content: [easy, easy, easy] }] }), context)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'lix', severity: 'warning', location: { path: 'intro' } })
    expect(findings[0]!.message).toMatch(/^Inledning har LIX \d+ \(högst 50\)/)
  })

  it('does not judge short sections', () => {
    expect(lix.check(toView({ title: 'T', intro: [hard] }), context)).toEqual([])
  })
})
