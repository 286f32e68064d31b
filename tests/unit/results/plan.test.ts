import { describe, expect, it } from 'vitest'

import { planResultImport, suggestBullet, type IndicatorSuggestion, type IndicatorTexts, type PlanInput, type StoredBullet } from '@/results/plan'
import { formatResultPreview } from '@/results/preview'

const ESL: IndicatorTexts = {
  code: 'SOCPSYK-ESL',
  name: 'Erbjuder ESL',
  nationalTemplate: '{andel} procent av kommunerna uppger att de erbjuder ESL.',
  localYes: 'I {kommun} erbjuds ESL.',
  localNo: 'I {kommun} erbjuds inte ESL.',
}
const PLAN: IndicatorTexts = { code: 'EB-PLAN', name: 'Andel med plan', nationalTemplate: '{andel} procent av kommunerna har en plan.', localPercentTemplate: 'I {kommun} har {värde} procent en plan.' }
const indicators = new Map([ESL, PLAN].map((item) => [item.code, item]))

const esl = (percent: number | null, local: IndicatorSuggestion['local'] = { kind: 'no' }): IndicatorSuggestion => ({
  indicator: 'SOCPSYK-ESL',
  nationalPercent: percent,
  local,
  basis: 'Riket: beräknat.',
})

const input = (body: PlanInput['body'], suggestions: IndicatorSuggestion[]): PlanInput => ({
  body,
  year: 2025,
  suggestions,
  indicators,
  municipalityName: 'Kalmar kommun',
  source: (code) => `Socialstyrelsen (test.xlsx), ${code}`,
  readAt: '2026-12-02T09:00:00.000Z',
})

const bulletsOf = (body: unknown[]) => ((body.find((block) => (block as { blockType: string }).blockType === 'resultSet') as { bullets: StoredBullet[] }).bullets)

describe('suggestBullet', () => {
  it('phrases the finding from the indicator\'s template and the answer from its yes/no phrasing', () => {
    expect(suggestBullet(esl(37), ESL, 'Kalmar kommun').values).toEqual({
      national: '37 procent av kommunerna uppger att de erbjuder ESL.',
      nationalPercent: 37,
      localValue: 'nej',
      local: 'I Kalmar erbjuds inte ESL.',
    })
    expect(suggestBullet({ indicator: 'EB-PLAN', nationalPercent: 48.25, local: { kind: 'percent', value: 61.5 }, basis: '' }, PLAN, 'Kalmar kommun').values).toEqual({
      national: '48,3 procent av kommunerna har en plan.',
      nationalPercent: 48.25,
      localValue: '61,5 %',
      local: 'I Kalmar har 61,5 procent en plan.',
    })
  })

  it('says when a phrasing is missing and leaves the answer empty', () => {
    const { values, notes } = suggestBullet(esl(37, { kind: 'partly' }), ESL, 'Kalmar kommun')
    expect(values.local).toBeNull()
    expect(notes).toEqual(['Indikatorn SOCPSYK-ESL har ingen formulering för svaret "delvis"; kommunens svar lämnas tomt.'])
  })
})

describe('planResultImport', () => {
  it('creates the year\'s result set first among the result sets, with suggested bullets', () => {
    const older = { blockType: 'resultSet', id: 'a', surveyYear: 2023, lead: 'visar att', bullets: [] }
    const text = { blockType: 'textSection', id: 't', heading: 'Om', content: null }
    const plan = planResultImport(input([text, older], [esl(37)]))
    expect(plan.resultSetCreated).toBe(true)
    expect(plan.body.map((block) => block.blockType + ':' + String(block.surveyYear ?? ''))).toEqual(['textSection:', 'resultSet:2025', 'resultSet:2023'])
    const [bullet] = bulletsOf(plan.body)
    expect(bullet).toMatchObject({
      national: '37 procent av kommunerna uppger att de erbjuder ESL.',
      local: 'I Kalmar erbjuds inte ESL.',
      indicator: { code: 'SOCPSYK-ESL', nationalPercent: 37, localValue: 'nej', nationalPercentSuggested: true },
      imported: { pending: true, source: 'Socialstyrelsen (test.xlsx), SOCPSYK-ESL', national: '37 procent av kommunerna uppger att de erbjuder ESL.' },
    })
    expect(plan.bullets[0]).toMatchObject({ status: 'ny', position: 1 })
    expect(plan.changed).toBe(true)
  })

  it('puts an older year\'s new result set in its year\'s place, the blocks around the sets staying where they were', () => {
    const set = (surveyYear: number, id: string) => ({ blockType: 'resultSet', id, surveyYear, lead: 'visar att', bullets: [] })
    const text = { blockType: 'textSection', id: 't', heading: 'Om', content: null }
    const years = (body: unknown[]) => body.map((block) => String((block as { surveyYear?: number }).surveyYear ?? 'text'))
    expect(years(planResultImport({ ...input([set(2026, 'a'), text, set(2021, 'b')], [esl(37)]) }).body)).toEqual(['2026', 'text', '2025', '2021'])
    expect(years(planResultImport({ ...input([set(2026, 'a'), set(2023, 'b'), text], [esl(37)]) }).body)).toEqual(['2026', '2025', '2023', 'text'])
    expect(years(planResultImport({ ...input([set(2027, 'a'), text], [esl(37)]) }).body)).toEqual(['2027', '2025', 'text'])
  })

  it('returns the body in year order but counts a body saved out of order as unchanged when nothing else changes', () => {
    const first = planResultImport(input([], [esl(37)]))
    const newer = { blockType: 'resultSet', id: 'n', surveyYear: 2026, lead: 'visar att', bullets: [] }
    const again = planResultImport(input([...first.body, newer], [esl(37)]))
    expect(again.body.map((block) => block.surveyYear)).toEqual([2026, 2025])
    expect(again.changed).toBe(false)
  })

  it('changes nothing when the same figures are imported again', () => {
    const first = planResultImport(input([], [esl(37)]))
    const again = planResultImport({ ...input(first.body, [esl(37)]), readAt: '2026-12-03T09:00:00.000Z' })
    expect(again.changed).toBe(false)
    expect(again.bullets.map((bullet) => bullet.status)).toEqual(['oförändrad'])
  })

  it('a corrected table updates what the editor has not touched and keeps what they changed, as a conflict', () => {
    const first = planResultImport(input([], [esl(37)]))
    const edited = structuredClone(first.body)
    bulletsOf(edited)[0]!.local = 'Kalmar erbjuder inte ESL, men planerar att göra det 2026.'
    const corrected = planResultImport(input(edited, [esl(39, { kind: 'yes' })]))
    const [bullet] = bulletsOf(corrected.body)
    expect(bullet!.national).toBe('39 procent av kommunerna uppger att de erbjuder ESL.')
    expect(bullet!.indicator).toMatchObject({ nationalPercent: 39, localValue: 'ja' })
    expect(bullet!.local).toBe('Kalmar erbjuder inte ESL, men planerar att göra det 2026.')
    expect(corrected.bullets[0]!.status).toBe('konflikt')
    expect(corrected.bullets[0]!.fields.find((field) => field.field === 'local')).toEqual({
      field: 'local',
      old: 'Kalmar erbjuder inte ESL, men planerar att göra det 2026.',
      new: 'I Kalmar erbjuds ESL.',
      outcome: 'conflict',
    })
    // The conflict stays visible, but the same corrected table again writes nothing.
    const again = planResultImport(input(corrected.body, [esl(39, { kind: 'yes' })]))
    expect(again.changed).toBe(false)
    expect(again.bullets[0]!.status).toBe('konflikt')
  })

  it('treats a bullet written by hand (never imported) as the editor\'s: differing values are conflicts, empty ones are filled', () => {
    const body = [{ blockType: 'resultSet', surveyYear: 2025, lead: 'visar att', bullets: [{ national: 'Egen text om ESL.', local: null, indicator: { code: 'SOCPSYK-ESL' } }] }]
    const plan = planResultImport(input(body, [esl(37)]))
    const [bullet] = bulletsOf(plan.body)
    expect(bullet!.national).toBe('Egen text om ESL.')
    expect(bullet!.local).toBe('I Kalmar erbjuds inte ESL.')
    expect(plan.bullets[0]!.status).toBe('konflikt')
  })

  it('skips an unknown indicator and an indicator without a national share, and says why', () => {
    const plan = planResultImport(input([], [{ ...esl(40), indicator: 'OKAND' }, esl(null)]))
    expect(plan.bullets.map((bullet) => bullet.status)).toEqual(['hoppades över', 'hoppades över'])
    expect(plan.problems).toEqual([
      'Indikatorn OKAND finns inte under Innehåll → Indikatorer; lägg till den eller rätta koden i mappningen.',
      'SOCPSYK-ESL: ingen andel för riket, så ingen punkt kan skapas (det nationella resultatet krävs).',
    ])
  })

  it('shows the editor old → new per bullet in the preview', () => {
    const first = planResultImport(input([], [esl(37)]))
    const preview = formatResultPreview(planResultImport(input(first.body, [esl(39)])), {
      areaTitle: 'Socialpsykiatri',
      areaSlug: 'socialpsykiatri',
      dryRun: true,
      sourceLine: 'test.xlsx',
      tableProblems: [],
    })
    expect(preview).toContain('Punkt 1 · SOCPSYK-ESL Erbjuder ESL — ändrad')
    expect(preview).toContain('Andel kommuner (%): 37 % → 39 %')
    expect(preview).toContain('Nationellt resultat: "37 procent av kommunerna uppger att de erbjuder ESL." → "39 procent av kommunerna uppger att de erbjuder ESL."')
    expect(preview).toContain('Sammanfattning: 0 nya, 1 ändrade, 0 oförändrade, 0 med konflikt, 0 hoppades över.')
  })
})
