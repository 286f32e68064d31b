import { describe, expect, it } from 'vitest'

import { checkPage, RULES } from '@/quality'
import { paragraphsToLexical } from '@/richText/lexical'
import {
  applySuggestion,
  applySuggestionToRichText,
  applySuggestionToText,
  countFindings,
  describeCountedRules,
  fieldIdForPath,
  formatCounts,
  pathAndParents,
  qualityContextFor,
  sortBySeverity,
  surveyCycleOf,
} from '@/quality/summary'

describe('counts', () => {
  it('counts errors and warnings', () => {
    const findings = [{ severity: 'warning' }, { severity: 'error' }, { severity: 'warning' }] as const
    expect(countFindings(findings)).toEqual({ error: 1, warning: 2 })
    expect(countFindings([])).toEqual({ error: 0, warning: 0 })
  })

  it.each([
    [{ error: 2, warning: 5 }, '2 fel, 5 varningar'],
    [{ error: 1, warning: 1 }, '1 fel, 1 varning'],
    [{ error: 0, warning: 3 }, '3 varningar'],
    [{ error: 4, warning: 0 }, '4 fel'],
    [{ error: 0, warning: 0 }, 'Inga anmärkningar'],
  ])('%j → %s', (counts, text) => {
    expect(formatCounts(counts)).toBe(text)
  })

  it('lists errors before warnings and keeps the order within each', () => {
    const sorted = sortBySeverity([
      { severity: 'warning' as const, n: 1 },
      { severity: 'error' as const, n: 2 },
      { severity: 'warning' as const, n: 3 },
      { severity: 'error' as const, n: 4 },
    ])
    expect(sorted.map((item) => item.n)).toEqual([2, 4, 1, 3])
  })

  it('names the rules the dashboard counts and the ones it leaves to the edit view', () => {
    const text = describeCountedRules(RULES)
    expect(text).toContain('"Kommunens svar saknas"')
    expect(text).toContain('"Svårläst text (LIX)"')
    expect(text).toMatch(/"Avstavning kvar från radbrytning" och "Stavning" kontrolleras bara i sidans egen kvalitetskontroll\.$/)
    expect(describeCountedRules(RULES, true)).not.toContain('kontrolleras bara')
  })
})

describe('survey cycle and context', () => {
  it('reads the stored select value, and treats anything else as every year', () => {
    expect(surveyCycleOf('2')).toBe(2)
    expect(surveyCycleOf(2)).toBe(2)
    expect(surveyCycleOf('1')).toBe(1)
    expect(surveyCycleOf(null)).toBe(1)
    expect(surveyCycleOf(undefined)).toBe(1)
    expect(surveyCycleOf('3')).toBe(1)
  })

  it('gives stale-page the area cycle and review date', () => {
    const now = new Date('2026-10-01T12:00:00Z')
    const page = { title: 'T', body: [{ blockType: 'resultSet' as const, surveyYear: 2025, bullets: [{ national: 'N', local: 'Kalmar gör det.' }] }] }
    const stale = (doc: { surveyCycleYears?: unknown; reviewBy?: string | null }) =>
      checkPage(page, qualityContextFor(doc, now)).filter((finding) => finding.rule === 'stale-page')
    expect(stale({ surveyCycleYears: '1' }).map((finding) => finding.location.path)).toEqual(['body.0.surveyYear'])
    expect(stale({ surveyCycleYears: '2' })).toEqual([])
    expect(stale({ surveyCycleYears: '2', reviewBy: '2026-01-01T00:00:00.000Z' }).map((finding) => finding.location.path)).toEqual(['reviewBy'])
    expect(qualityContextFor({}, now)).toEqual({ now, surveyCycleYears: 1, reviewBy: null })
  })
})

describe('field ids', () => {
  it.each([
    ['body.2.bullets.3.local', 'field-body__2__bullets__3__local'],
    ['title', 'field-title'],
    ['body.0.surveyYear', 'field-body__0__surveyYear'],
    ['reviewBy', 'field-reviewBy'],
  ])('%s → %s', (path, id) => {
    expect(fieldIdForPath(path)).toBe(id)
  })

  it('falls back from a path to its parents', () => {
    expect(pathAndParents('body.0.bullets')).toEqual(['body.0.bullets', 'body.0', 'body'])
    expect(pathAndParents('intro')).toEqual(['intro'])
  })
})

describe('one-click fixes', () => {
  const hyphen = { from: 'beroendeframkal- lande', to: 'beroendeframkallande' }

  it('replace the first occurrence in plain text', () => {
    expect(applySuggestionToText('Om beroendeframkal- lande medel.', hyphen)).toBe('Om beroendeframkallande medel.')
    expect(applySuggestionToText('a komun, en komun', { from: 'komun', to: 'kommun' })).toBe('a kommun, en komun')
  })

  it('give null when the text no longer holds it', () => {
    expect(applySuggestionToText('Redan rättat: beroendeframkallande.', hyphen)).toBeNull()
    expect(applySuggestionToText(undefined, hyphen)).toBeNull()
    expect(applySuggestionToText('x', { from: '', to: 'y' })).toBeNull()
  })

  it('replace inside rich text, in the finding’s paragraph first, without changing the input', () => {
    const state = paragraphsToLexical(['Kalmar komun har en plan.', 'Kalmar komun har en rutin.'])
    const before = JSON.stringify(state)
    const fixed = applySuggestionToRichText(state, { from: 'komun', to: 'kommun' }, 1)!
    const texts = (value: typeof state) => value.root.children.map((child) => (child as unknown as { children: { text: string }[] }).children[0]!.text)
    expect(texts(fixed)).toEqual(['Kalmar komun har en plan.', 'Kalmar kommun har en rutin.'])
    expect(JSON.stringify(state)).toBe(before)
    expect(texts(applySuggestionToRichText(state, { from: 'komun', to: 'kommun' })!)).toEqual(['Kalmar kommun har en plan.', 'Kalmar komun har en rutin.'])
    expect(applySuggestionToRichText(state, { from: 'saknas', to: 'x' })).toBeNull()
    expect(applySuggestionToRichText(null, hyphen)).toBeNull()
  })

  it('choose plain or rich text by the field value', () => {
    expect(applySuggestion('komun', { from: 'komun', to: 'kommun' })).toBe('kommun')
    expect(applySuggestion(paragraphsToLexical(['komun']), { from: 'komun', to: 'kommun' })).toEqual(paragraphsToLexical(['kommun']))
    expect(applySuggestion(42, { from: '4', to: '5' })).toBeNull()
  })
})
