import { describe, expect, it } from 'vitest'

import { clausesOf, contradiction, contradicts } from '@/quality/rules/contradiction'
import type { QualityBlock } from '@/quality/types'
import { toView } from '@/quality/view'

const context = { now: new Date('2024-10-01T12:00:00Z') }
const set = (surveyYear: number, answers: string[]): QualityBlock => ({
  blockType: 'resultSet',
  surveyYear,
  bullets: answers.map((local, index) => ({ national: `Nationellt resultat ${index + 1}.`, local })),
})
const run = (...body: QualityBlock[]) => contradiction.check(toView({ title: 'Testsida', body }), context)

describe('clausesOf', () => {
  it('splits at sentence ends and before "men", "däremot", "förutom"', () => {
    const clauses = clausesOf('Kalmar har en samlad plan för kompetensutveckling, men handläggarna får inte regelbunden handledning. Det gäller alla.', 'Kalmar')
    expect(clauses.map((clause) => [clause.text, clause.negated])).toEqual([
      ['Kalmar har en samlad plan för kompetensutveckling', false],
      ['men handläggarna får inte regelbunden handledning', true],
      ['Det gäller alla', false],
    ])
    expect(clausesOf('Kalmar erbjuder inte stödet förutom till unga vuxna.', 'Kalmar').map((clause) => clause.negated)).toEqual([true, false])
  })

  it('counts "saknar", "ingen", "ej", "varken" as negations and drops the municipality’s name', () => {
    for (const answer of ['Kalmar saknar rutin.', 'Kalmar har ingen rutin.', 'Rutin finns ej.', 'Kalmar har varken rutin eller plan.']) {
      expect(clausesOf(answer, 'Kalmar')[0]!.negated).toBe(true)
    }
    expect(clausesOf('Kalmar har en rutin.', 'Kalmar')[0]!.stems).toEqual(['rutin'])
  })
})

describe('contradiction', () => {
  it('flags two answers in one result set, one saying yes and the other no', () => {
    const findings = run(set(2023, ['Kalmar erbjuder föräldrastöd enligt programmet Komet.', 'Annat svar helt.', 'Kalmar erbjuder inte föräldrastöd enligt programmet Komet.']))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'contradiction', severity: 'warning', location: { path: 'body.0.bullets.2.local', surveyYear: 2023 } })
    expect(findings[0]!.message).toContain('punkt 1')
    expect(findings[0]!.message).toContain('Kontrollera vilket som stämmer.')
  })

  it('flags "saknar" against "har" across years and asks whether things changed', () => {
    const findings = run(set(2022, ['Kalmar har en rutin för uppföljning av placerade barn.']), set(2020, ['Kalmar saknar rutin för uppföljning av placerade barn.']))
    expect(findings).toHaveLength(1)
    expect(findings[0]!.location.path).toBe('body.1.bullets.0.local')
    expect(findings[0]!.message).toContain('resultatet för 2022')
    expect(findings[0]!.message).toContain('olika år')
  })

  it('compares clause by clause: a "men inte" about something else is no contradiction', () => {
    const plan = 'Kalmar har en samlad plan för kompetensutveckling, men handläggarna får inte regelbunden handledning.'
    expect(run(set(2023, [plan, 'I Kalmar finns en samlad plan för kompetensutveckling.']))).toEqual([])
    expect(run(set(2023, [plan, 'Handläggarna i Kalmar får regelbunden handledning varje månad.']))).toHaveLength(1)
  })

  it('needs the same measure: shared generic words are not enough', () => {
    expect(run(set(2023, ['Kalmar har inte en rutin för hembesök.', 'Kalmar har en rutin för våldsutsatta.']))).toEqual([])
    expect(run(set(2023, ['Kalmar erbjuder inte nattpatrullering.', 'Kalmar erbjuder budget- och skuldrådgivning.']))).toEqual([])
  })

  it('is quiet when answers agree', () => {
    expect(run(set(2023, ['Kalmar erbjuder inte Komet.', 'Komet erbjuds inte i Kalmar.']))).toEqual([])
    expect(contradicts(clausesOf('Kalmar har en plan för krisberedskap.', 'Kalmar')[0]!, clausesOf('Kalmar har en plan för krisberedskap.', 'Kalmar')[0]!)).toBe(false)
  })
})
