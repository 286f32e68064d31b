import { describe, expect, it } from 'vitest'

import { percentMismatch, percentRange, percentsOf } from '@/quality/rules/percent'
import type { QualityBullet, QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const context = { now: new Date('2024-10-01T12:00:00Z') }
const page = (...bullets: QualityBullet[]): QualityPage => ({ title: 'Testsida', body: [{ blockType: 'resultSet', surveyYear: 2023, bullets }] })

describe('percentsOf', () => {
  it('reads "procent", "%", decimals with a comma, and a missing space', () => {
    expect(percentsOf('37 procent, 37 %, 90,9 % och 61procent').map((mention) => mention.value)).toEqual([37, 37, 90.9, 61])
  })

  it('skips percentage points and knows which figures are shares of the municipalities', () => {
    const mentions = percentsOf('Från 52 procent 2017 till 37 procent av kommunerna, en minskning med 15 procentenheter; 12 % av Sveriges kommuner.')
    expect(mentions.map((mention) => [mention.value, mention.ofMunicipalities])).toEqual([
      [52, false],
      [37, true],
      [12, true],
    ])
  })

  it('reads the upper end of a range', () => {
    expect(percentsOf('Mellan 13-17 procent').map((mention) => mention.value)).toEqual([17])
  })
})

describe('percent-range', () => {
  const run = (input: QualityPage) => percentRange.check(toView(input), context)

  it('reports a share over 100 in any text as an error', () => {
    const findings = run(page({ national: 'Hela 120 procent av kommunerna har en plan.', local: 'Kalmar har 101 % täckning.' }))
    expect(findings.map((finding) => [finding.severity, finding.location.path, finding.message])).toEqual([
      ['error', 'body.0.bullets.0.national', '"120 procent" ligger utanför 0–100 procent.'],
      ['error', 'body.0.bullets.0.local', '"101 %" ligger utanför 0–100 procent.'],
    ])
  })

  it('allows a relative increase over 100 and ordinary shares', () => {
    expect(run(page({ national: 'Antalet ansökningar har ökat med 150 procent. 100 procent av kommunerna svarade.', local: 'Kostnaden är 250 procent högre.' }))).toEqual([])
    expect(run(page({ national: 'En ökning med 150 procent, och 150 procent av kommunerna svarade.', local: 'Svar.' }))).toHaveLength(1)
    expect(run(page({ national: 'Antalet har ökat med 150 procent och är 0 % i glesbygd.', local: 'I Kalmar 100 %.' }))).toEqual([])
  })

  it('checks the indicator fields', () => {
    const findings = run(page({ national: 'Text.', local: 'Svar.', indicator: { nationalPercent: 105, localValue: '104,5 %' } }))
    expect(findings.map((finding) => finding.location.path)).toEqual(['body.0.bullets.0.indicator.nationalPercent', 'body.0.bullets.0.indicator.localValue'])
    expect(run(page({ national: 'Text.', local: 'Svar.', indicator: { nationalPercent: -1 } }))).toHaveLength(1)
    expect(run(page({ national: 'Text.', local: 'Svar.', indicator: { nationalPercent: 40, localValue: 'Ja' } }))).toEqual([])
  })
})

describe('percent-mismatch', () => {
  const run = (national: string, nationalPercent: number | null | undefined) =>
    percentMismatch.check(toView(page({ national, local: 'Svar.', indicator: { nationalPercent } })), context)

  it('flags a text whose share of the municipalities differs from the indicator', () => {
    const findings = run('37 procent av kommunerna erbjuder stödet.', 38)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ rule: 'percent-mismatch', severity: 'warning', location: { path: 'body.0.bullets.0.national' } })
    expect(findings[0]!.message).toBe('Texten anger 37 procent, men indikatorns andel kommuner är 38 %.')
  })

  it('compares with the "av kommunerna" figure when there is one, else with any figure', () => {
    expect(run('Från 52 procent 2017 till 37 procent av kommunerna 2023.', 37)).toEqual([])
    expect(run('Från 52 procent 2017 till 37 procent av kommunerna 2023.', 52)).toHaveLength(1)
    expect(run('Andelen är 44 %, mot 40 % året innan.', 40)).toEqual([])
  })

  it('allows rounding and is quiet without figures or without an indicator', () => {
    expect(run('37 procent av kommunerna.', 37.4)).toEqual([])
    expect(run('En tredjedel av kommunerna.', 33)).toEqual([])
    expect(run('37 procent av kommunerna.', null)).toEqual([])
    expect(run('37 procent av kommunerna.', undefined)).toEqual([])
  })
})
