import { describe, expect, it } from 'vitest'

import { hyphenArtifact, repairHyphen } from '@/quality/rules/hyphenArtifact'
import type { SpellChecker } from '@/quality/spelling/checker'
import type { QualityPage } from '@/quality/types'
import { toView } from '@/quality/view'

const WORDS = new Set(['utveckling', 'arbetslivsinriktad', 'kvalitetsarbete', 'förbättringsarbete', 'metoden', 'insatser', 'och', 'post', 'tjänst'])
const spelling: SpellChecker = { isWord: (word) => WORDS.has(word.toLowerCase()), suggest: () => [] }
const context = { now: new Date('2024-10-01T12:00:00Z'), spelling }
const run = (text: string, withSpelling = true) => {
  const page: QualityPage = { title: 'Testsida', body: [{ blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'Resultat.', local: text }] }] }
  return hyphenArtifact.check(toView(page), withSpelling ? context : { now: context.now })
}

describe('repairHyphen', () => {
  it('joins a word split at a former line break when the joined word is Swedish', () => {
    expect(repairHyphen('utveck-ling', spelling)).toBe('utveckling')
    expect(repairHyphen('Förbätt-ringsarbete', spelling)).toBe('Förbättringsarbete')
    expect(repairHyphen('arbetslivs- inriktad', spelling)).toBe('arbetslivsinriktad')
    expect(repairHyphen('kvalitets-arbete', spelling)).toBe('kvalitetsarbete')
  })

  it('keeps the hyphen of an abbreviation and drops the stray space', () => {
    expect(repairHyphen('ABC- metoden', spelling)).toBe('ABC-metoden')
  })

  it('leaves hyphens alone when the joined word is not a word', () => {
    expect(repairHyphen('nord-syd', spelling)).toBeNull()
    expect(repairHyphen('sms-tjänst', spelling)).toBeNull()
  })
})

describe('hyphen-artifact', () => {
  it('reports with a one-click suggestion at the field', () => {
    const findings = run('Kalmar arbetar med en utveck-ling av arbetslivs- inriktad rehabilitering enligt ABC- metoden.')
    expect(findings.map((finding) => finding.suggestion)).toEqual([
      { from: 'utveck-ling', to: 'utveckling' },
      { from: 'arbetslivs- inriktad', to: 'arbetslivsinriktad' },
      { from: 'ABC- metoden', to: 'ABC-metoden' },
    ])
    expect(findings[0]).toMatchObject({ rule: 'hyphen-artifact', severity: 'warning', location: { path: 'body.0.bullets.0.local' } })
    expect(findings[0]!.message).toContain('Skriv "utveckling"')
    expect(findings[2]!.message).toContain('mellanslag efter bindestrecket')
  })

  it('leaves legitimate hyphens alone', () => {
    for (const text of [
      'Stöd- och behandlingsinsatser ges.',
      'Barn- eller ungdomsvård.',
      'Årets ÖJ-undersökning visar det.',
      'Fler LSS-insatser beviljas.',
      'Skalan går från 0-100.',
      'Mellan 2017-2019 ökade andelen.',
      'Skicka e-post eller använd sms-tjänst.',
      'Kalmar - som enda kommun - svarade ja.',
      'Covid-19 påverkade arbetet.',
    ]) {
      expect(run(text), text).toEqual([])
    }
  })

  it('needs the dictionary: without a spell checker it reports nothing', () => {
    expect(run('en utveck-ling', false)).toEqual([])
  })
})
