import { describe, expect, it } from 'vitest'

import { answerMismatch } from '@/quality/rules/answerMismatch'
import { answerRepeatsFinding, missingAnswer, repeatsFinding } from '@/quality/rules/answers'
import type { Rule } from '@/quality/rules/rule'
import type { QualityBlock, QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const context = { now: new Date('2024-10-01T12:00:00Z') }
const set = (surveyYear: number, bullets: Array<[string, string | null]>): QualityBlock => ({
  blockType: 'resultSet',
  surveyYear,
  bullets: bullets.map(([national, local]) => ({ national, local })),
})
const page = (...body: QualityBlock[]): QualityPage => ({ title: 'Testsida', body })
const run = (rule: Rule, input: QualityPage) => rule.check(toView(input), context)

describe('missing-answer', () => {
  it('reports an empty, blank or absent answer as an error at the answer field', () => {
    const input = page(
      { blockType: 'textSection', heading: 'Inledning', content: 'Text.' },
      set(2023, [
        ['Hälften av kommunerna har X.', 'Kalmar har X.'],
        ['Få kommuner har Y.', ''],
        ['Många kommuner har Z.', '   '],
        ['Alla kommuner har W.', null],
      ]),
    )
    const findings = run(missingAnswer, input)
    expect(findings.map((finding) => finding.location.path)).toEqual(['body.1.bullets.1.local', 'body.1.bullets.2.local', 'body.1.bullets.3.local'])
    expect(findings[0]).toMatchObject({
      rule: 'missing-answer',
      severity: 'error',
      location: { blockIndex: 1, surveyYear: 2023, bulletIndex: 1, field: 'local' },
      message: 'Kalmars svar saknas under det nationella resultatet.',
    })
  })

  it('is quiet when every bullet has an answer, and names another municipality when told', () => {
    expect(run(missingAnswer, page(set(2023, [['Resultat.', 'Svar.']])))).toEqual([])
    const findings = missingAnswer.check(toView(page(set(2023, [['Resultat.', '']]))), { ...context, municipality: 'Växjö' })
    expect(findings[0]?.message).toMatch(/^Växjös svar/)
  })
})

describe('answer-repeats-finding', () => {
  const finding = '63 procent av kommunerna erbjuder föräldrautbildning i grupp till föräldrar med små barn.'

  it('flags an answer that is the finding pasted again, with or without the municipality in front', () => {
    expect(repeatsFinding(finding, finding, 'Kalmar')).toBe(true)
    expect(repeatsFinding(`Kalmar: ${finding}`, finding, 'Kalmar')).toBe(true)
    expect(repeatsFinding('Kommunerna erbjuder föräldrautbildning i grupp till föräldrar med små barn.', finding, 'Kalmar')).toBe(true)
  })

  it('accepts answers that mirror the wording but state the municipality’s own position', () => {
    expect(repeatsFinding('Kalmar erbjuder föräldrautbildning i grupp till föräldrar med små barn.', finding, 'Kalmar')).toBe(false)
    expect(repeatsFinding('Vi erbjuder inte föräldrautbildning i grupp.', finding, 'Kalmar')).toBe(false)
    expect(repeatsFinding('I kommunen finns föräldrautbildning i grupp.', finding, 'Kalmar')).toBe(false)
    expect(repeatsFinding('Ja, i grupp.', finding, 'Kalmar')).toBe(false)
  })

  it('reports at the answer field', () => {
    const findings = run(answerRepeatsFinding, page(set(2022, [[finding, finding], [finding, 'Kalmar gör det också, varje vecka.']])))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'answer-repeats-finding', severity: 'warning', location: { path: 'body.0.bullets.0.local' } })
  })
})

describe('answer-mismatch', () => {
  const digital = '58 procent av kommunerna erbjuder stöd via digitala möten till personer med ekonomiskt bistånd.'
  const digitalAnswer = 'Kalmar erbjuder digitala möten till alla som söker ekonomiskt bistånd.'
  const visits = 'Andelen kommuner med en aktuell rutin för hembesök hos barnfamiljer har ökat till 44 procent.'
  const visitsAnswer = 'I Kalmar finns en aktuell rutin för hembesök hos barnfamiljer.'
  const violence = 'Var tredje kommun har en handlingsplan mot våld i nära relationer.'
  const violenceAnswer = 'Kalmar har en handlingsplan mot våld i nära relationer sedan 2020.'

  it('flags answers swapped between two bullets, each pointing at the other', () => {
    const findings = run(answerMismatch, page(set(2023, [[digital, visitsAnswer], [visits, digitalAnswer], [violence, violenceAnswer]])))
    expect(findings.map((finding) => finding.location.path)).toEqual(['body.0.bullets.0.local', 'body.0.bullets.1.local'])
    expect(findings[0]!.message).toContain('punkt 2')
    expect(findings[1]!.message).toContain('punkt 1')
    expect(findings[0]!.message).toContain('Har svaren bytt plats?')
  })

  it('finds an answer pasted under a bullet of another year', () => {
    const findings = run(answerMismatch, page(set(2023, [[violence, visitsAnswer]]), set(2021, [[visits, 'Kalmar följer upp alla placeringar.']])))
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toContain('resultatet för 2021, punkt 1')
  })

  it('leaves correctly placed answers alone', () => {
    expect(run(answerMismatch, page(set(2023, [[digital, digitalAnswer], [visits, visitsAnswer], [violence, violenceAnswer]])))).toEqual([])
  })

  it('leaves alone a free rephrasing that fits no finding, and answers too short to compare', () => {
    const evenings = 'Fler kommuner än tidigare erbjuder kvällsöppet.'
    const rephrased = 'Kalmar har utökat öppettiderna och tar emot besök två kvällar i veckan.'
    expect(run(answerMismatch, page(set(2023, [[evenings, rephrased], [visits, visitsAnswer]])))).toEqual([])
    expect(run(answerMismatch, page(set(2023, [[digital, 'Ja, hembesök.'], [visits, visitsAnswer]])))).toEqual([])
  })

  it('leaves alone an answer that fits its own finding even when another fits as well', () => {
    const both = 'Kalmar har en aktuell rutin för hembesök hos barnfamiljer med ekonomiskt bistånd.'
    const supportVisits = 'Hälften av kommunerna har en rutin för hembesök hos barnfamiljer med ekonomiskt bistånd.'
    expect(run(answerMismatch, page(set(2023, [[supportVisits, both], [visits, visitsAnswer]])))).toEqual([])
  })
})
