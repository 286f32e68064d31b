import { describe, expect, it } from 'vitest'

import { parsePage } from '@/pageImport/parse'
import { checkPage, describeLocation, formatFinding, formatSummary, fromAreaDocument, fromParsedPage, pageLix, RULES } from '@/quality'
import { paragraphsOf, textUnits, toView } from '@/quality/view'
import { paragraphsToLexical } from '@/richText/lexical'

const context = { now: new Date('2024-10-01T12:00:00Z') }

const PAGE_FILE = `Föräldrastöd

Öppna jämförelser av föräldrastöd bygger på enkäter till landets kommuner.

Årets resultat visar att:

 • 40 procent av kommunerna erbjuder föräldrastöd i grupp.
  Kalmar erbjuder föräldrastöd i grupp.

 • Få kommuner följer upp stödet.

 • Hälften av kommunerna erbjuder stöd på distans.
  Kalmar erbjuder stöd på distans sedan 2022.

Så används resultatet

Resultaten används i målarbetet.

OBS! Siffrorna för 2024 är preliminära.

Senast uppdaterad: 1 juli 2024
Publicerad: 1 juli 2020
`

describe('paragraphsOf', () => {
  it('takes Lexical JSON, a list of paragraphs or one string with blank lines', () => {
    expect(paragraphsOf(paragraphsToLexical(['Ett.', 'Två.']))).toEqual(['Ett.', 'Två.'])
    expect(paragraphsOf(['Ett.', '  ', 'Två.'])).toEqual(['Ett.', 'Två.'])
    expect(paragraphsOf('Ett.\n\nTvå\nsamma stycke.')).toEqual(['Ett.', 'Två\nsamma stycke.'])
    expect(paragraphsOf(null)).toEqual([])
  })
})

describe('fromParsedPage', () => {
  it('maps a page file to the stored shape, so that paths match the imported document', () => {
    const page = fromParsedPage(parsePage(PAGE_FILE, 'test.txt'))
    expect(page.title).toBe('Föräldrastöd')
    expect(page.body?.map((block) => block.blockType)).toEqual(['resultSet', 'textSection', 'note'])
    const findings = checkPage(page, context)
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => [finding.rule, finding.location.path])).toEqual([
      ['missing-answer', 'body.0.bullets.1.local'],
    ])
  })
})

describe('fromAreaDocument', () => {
  it('reads Lexical rich text and keeps block indexes when a block type is unknown', () => {
    const page = fromAreaDocument({
      title: 'Sida',
      intro: paragraphsToLexical(['Inledning.']),
      body: [
        { blockType: 'video', url: 'x' } as { blockType: string },
        { blockType: 'textSection', heading: 'Rubrik', content: paragraphsToLexical(['Första.', 'Andra.']) } as { blockType: string },
        { blockType: 'resultSet', surveyYear: 2024, bullets: [{ national: 'N.', local: '' }] } as { blockType: string },
      ],
    })
    const view = toView(page)
    expect(textUnits(view).map((unit) => unit.location.path)).toEqual(['title', 'intro', 'body.1.heading', 'body.1.content', 'body.1.content', 'body.2.bullets.0.national'])
    expect(checkPage(page, context).find((finding) => finding.rule === 'missing-answer')?.location.path).toBe('body.2.bullets.0.local')
  })

  it('accepts an empty document', () => {
    expect(checkPage(fromAreaDocument({}), context)).toEqual([])
  })
})

describe('registry', () => {
  it('lists every rule once with a Swedish name and a severity', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining(['missing-answer', 'answer-repeats-finding', 'answer-mismatch', 'contradiction', 'hyphen-artifact', 'spelling', 'percent-range', 'percent-mismatch', 'stale-page', 'link-without-url', 'long-sentence', 'lix']),
    )
    for (const rule of RULES) {
      expect(rule.name.length).toBeGreaterThan(3)
      expect(['error', 'warning']).toContain(rule.severity)
    }
    expect(RULES.filter((rule) => rule.severity === 'error').map((rule) => rule.id)).toEqual(['missing-answer', 'percent-range'])
    expect(RULES.filter((rule) => rule.needsSpelling).map((rule) => rule.id)).toEqual(['hyphen-artifact', 'spelling'])
  })

  it('gives every finding the severity of its rule', () => {
    const findings = checkPage(fromParsedPage(parsePage(PAGE_FILE, 'test.txt')), context)
    for (const finding of findings) expect(finding.severity).toBe(RULES.find((rule) => rule.id === finding.rule)?.severity)
  })
})

describe('format', () => {
  it('names locations the way an editor reads the page', () => {
    expect(describeLocation({ field: 'title', path: 'title' })).toBe('Titel')
    expect(describeLocation({ field: 'intro', path: 'intro', paragraphIndex: 1 })).toBe('Inledning, stycke 2')
    expect(describeLocation({ blockIndex: 2, surveyYear: 2019, bulletIndex: 0, field: 'local', path: 'body.2.bullets.0.local' })).toBe('Resultat 2019, punkt 1, svar')
    expect(describeLocation({ blockIndex: 2, surveyYear: 2019, bulletIndex: 3, field: 'national', path: 'body.2.bullets.3.national' })).toBe(
      'Resultat 2019, punkt 4, nationellt resultat',
    )
    expect(describeLocation({ blockIndex: 0, surveyYear: 2019, field: 'surveyYear', path: 'body.0.surveyYear' })).toBe('Resultat 2019')
    expect(describeLocation({ blockIndex: 3, field: 'content', path: 'body.3.content', paragraphIndex: 0 })).toBe('Block 4, stycke 1')
    expect(describeLocation({ blockIndex: 3, field: 'heading', path: 'body.3.heading' })).toBe('Block 4, rubrik')
    expect(describeLocation({ blockIndex: 4, field: 'text', path: 'body.4.text' })).toBe('Block 5 (OBS-ruta)')
    expect(describeLocation({ field: 'reviewBy', path: 'reviewBy' })).toBe('Ses över senast')
  })

  it('prints one line per finding and a summary with counts and LIX', () => {
    const page = fromParsedPage(parsePage(PAGE_FILE, 'test.txt'))
    const findings = checkPage(page, context)
    expect(formatFinding(findings[0]!)).toBe('missing-answer  body.0.bullets.1.local (Resultat 2024, punkt 2, svar)  Kalmars svar saknas under det nationella resultatet.')
    const summary = formatSummary('test.txt', findings, pageLix(page))
    expect(summary[0]).toMatch(/^Sammanfattning test\.txt: 1 fel, \d+ varningar$/)
    expect(summary[1]).toMatch(/^ {2}LIX: Inledning \d+ \(\d+ ord\), Resultat 2024 \d+ \(\d+ ord\), Textavsnitt "Så används resultatet" \d+/)
  })
})
