/**
 * What an import of one year's results does to an area's draft, decided
 * without a database: one result set for the year, one bullet per indicator,
 * each value an import suggestion. A value an editor has changed since the
 * import last suggested it is kept and reported as a conflict; importing the
 * same figures again changes nothing. Pure: ./importResults writes the plan.
 */
import { orderBodyResultSets } from '@/domain/resultSets'
import type { ResultSetBlock } from '@/payload-types'
import { formatPercentNumber, localValueText, type CellValue } from './values'
import type { IndicatorReading, TableReading } from './table'

export type StoredBullet = NonNullable<ResultSetBlock['bullets']>[number]
type StoredBlock = { blockType: string; id?: string | null; [key: string]: unknown }

/** An indicator's phrasings (collection `indicators`). */
export type IndicatorTexts = {
  code: string
  name: string
  nationalTemplate?: string | null
  localYes?: string | null
  localNo?: string | null
  localPartly?: string | null
  localPercentTemplate?: string | null
}

/** One indicator's figures, from a table or from Kolada. */
export type IndicatorSuggestion = {
  indicator: string
  nationalPercent: number | null
  local: CellValue
  /** How the figures were arrived at, shown to the editor ("beräknad ur 289 kommuners svar …"). */
  basis: string
}

export const BULLET_FIELDS = ['national', 'nationalPercent', 'localValue', 'local'] as const
export type BulletField = (typeof BULLET_FIELDS)[number]

export const FIELD_LABELS: Record<BulletField, string> = {
  national: 'Nationellt resultat',
  nationalPercent: 'Andel kommuner (%)',
  localValue: 'Kommunens värde',
  local: 'Kommunens svar',
}

type Value = string | number | null

export type FieldChange = { field: BulletField; old: Value; new: Value; outcome: 'new' | 'updated' | 'unchanged' | 'conflict' }

export type BulletStatus = 'ny' | 'ändrad' | 'oförändrad' | 'konflikt' | 'hoppades över'

export type BulletPlan = { indicator: string; name: string; position: number | null; status: BulletStatus; fields: FieldChange[]; basis: string; note?: string }

export type ResultPlan = {
  year: number
  body: StoredBlock[]
  resultSetCreated: boolean
  bullets: BulletPlan[]
  problems: string[]
  /** False when the draft would be exactly as it is: nothing is written. */
  changed: boolean
}

export type PlanInput = {
  body: readonly StoredBlock[] | null | undefined
  year: number
  suggestions: readonly IndicatorSuggestion[]
  indicators: ReadonlyMap<string, IndicatorTexts>
  municipalityName: string
  /** "Socialstyrelsen, Öppna jämförelser 2025 (resultat.xlsx, blad …)" or "Källa: Kolada, KPI U30459". */
  source: (indicator: string) => string
  readAt: string
}

/** "Kalmar kommun" → "Kalmar", for sentences such as "I Kalmar erbjuds …". */
export const shortMunicipalityName = (name: string) => name.replace(/\s+kommun$/i, '').trim()

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(andel|värde|kommun)\}/g, (_, key: string) => values[key] ?? '')

/** The suggested sentences and values of one bullet, or why it cannot be made. */
export function suggestBullet(
  suggestion: IndicatorSuggestion,
  texts: IndicatorTexts,
  municipalityName: string,
): { values: Record<BulletField, Value>; notes: string[] } {
  const notes: string[] = []
  const kommun = shortMunicipalityName(municipalityName)
  const percent = suggestion.nationalPercent
  let national: string | null = null
  if (percent !== null) {
    const andel = formatPercentNumber(percent)
    if (texts.nationalTemplate?.trim()) national = fill(texts.nationalTemplate.trim(), { andel, kommun })
    else {
      national = `${andel} procent av kommunerna: ${texts.name}.`
      notes.push(`Indikatorn ${texts.code} har ingen mall för det nationella resultatet; meningen är en nödlösning att skriva om.`)
    }
  }
  const local = suggestion.local
  let localSentence: string | null = null
  const phrasing = local.kind === 'yes' ? texts.localYes : local.kind === 'no' ? texts.localNo : local.kind === 'partly' ? texts.localPartly : null
  if (local.kind === 'yes' || local.kind === 'no' || local.kind === 'partly') {
    if (phrasing?.trim()) localSentence = fill(phrasing.trim(), { kommun })
    else notes.push(`Indikatorn ${texts.code} har ingen formulering för svaret "${localValueText(local)}"; kommunens svar lämnas tomt.`)
  } else if (local.kind === 'percent') {
    if (texts.localPercentTemplate?.trim()) localSentence = fill(texts.localPercentTemplate.trim(), { värde: formatPercentNumber(local.value), kommun })
    else notes.push(`Indikatorn ${texts.code} har ingen mall för en procentsats; kommunens svar lämnas tomt.`)
  }
  return { values: { national, nationalPercent: percent, localValue: localValueText(local), local: localSentence }, notes }
}

const empty = (value: Value | undefined) => value === null || value === undefined || value === ''
const same = (a: Value | undefined, b: Value | undefined) => (empty(a) && empty(b)) || a === b

function currentValue(bullet: StoredBullet, field: BulletField): Value {
  if (field === 'national') return bullet.national ?? null
  if (field === 'local') return bullet.local ?? null
  if (field === 'nationalPercent') return bullet.indicator?.nationalPercent ?? null
  return bullet.indicator?.localValue ?? null
}

function importedValue(bullet: StoredBullet, field: BulletField): Value | undefined {
  const imported = bullet.imported
  if (!imported?.source) return undefined
  return (imported[field] as Value | undefined) ?? null
}

/**
 * Per field: the same as suggested → unchanged; untouched since the last
 * import, or empty → take the suggestion; otherwise the editor's value stays.
 */
function decideField(bullet: StoredBullet | null, field: BulletField, next: Value): FieldChange {
  if (!bullet) return { field, old: null, new: next, outcome: 'new' }
  const current = currentValue(bullet, field)
  if (same(current, next)) return { field, old: current, new: next, outcome: 'unchanged' }
  const previous = importedValue(bullet, field)
  if (empty(current) || (previous !== undefined && same(current, previous))) return { field, old: current, new: next, outcome: 'updated' }
  // A suggestion of nothing never overwrites an editor's value, and is no conflict either.
  if (empty(next)) return { field, old: current, new: current, outcome: 'unchanged' }
  return { field, old: current, new: next, outcome: 'conflict' }
}

function applyFields(bullet: StoredBullet | null, fields: FieldChange[], suggested: Record<BulletField, Value>, meta: { source: string; readAt: string; basis: string }): StoredBullet {
  const take = (field: BulletField) => {
    const change = fields.find((item) => item.field === field)!
    return change.outcome === 'conflict' ? change.old : change.new
  }
  const wrote = fields.some((item) => item.outcome === 'new' || item.outcome === 'updated')
  const percentChanged = fields.some((item) => item.field === 'nationalPercent' && (item.outcome === 'new' || item.outcome === 'updated'))
  const base = bullet ?? ({ national: '' } as StoredBullet)
  const previousImport = base.imported ?? {}
  return {
    ...base,
    national: (take('national') as string | null) ?? '',
    local: (take('local') as string | null) ?? null,
    indicator: {
      ...base.indicator,
      code: base.indicator?.code ?? null,
      nationalPercent: (take('nationalPercent') as number | null) ?? null,
      localValue: (take('localValue') as string | null) ?? null,
      // A share the import wrote is a suggestion until an editor confirms it (as the page importer's).
      ...(percentChanged ? { nationalPercentSuggested: true } : {}),
    },
    imported: {
      ...previousImport,
      pending: wrote ? true : (previousImport.pending ?? null),
      // The source and time change only with a value, so the same table twice writes nothing.
      source: wrote || !previousImport.source ? meta.source : previousImport.source,
      readAt: wrote || !previousImport.readAt ? meta.readAt : previousImport.readAt,
      basis: wrote || !previousImport.basis ? meta.basis : previousImport.basis,
      national: suggested.national as string | null,
      local: suggested.local as string | null,
      nationalPercent: suggested.nationalPercent as number | null,
      localValue: suggested.localValue as string | null,
    },
  }
}

const statusOf = (fields: FieldChange[]): BulletStatus =>
  fields.some((item) => item.outcome === 'conflict')
    ? 'konflikt'
    : fields.some((item) => item.outcome === 'updated')
      ? 'ändrad'
      : 'oförändrad'

/** Stable JSON (keys sorted), so that a plan that changes nothing is recognised as such. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  )
}

export function planResultImport(input: PlanInput): ResultPlan {
  const problems: string[] = []
  const body = (input.body ?? []).map((block) => ({ ...block }))
  let setIndex = body.findIndex((block) => block.blockType === 'resultSet' && block.surveyYear === input.year)
  const resultSetCreated = setIndex < 0
  if (resultSetCreated) {
    // In its year's place among the result sets (the pages read newest first): before the first
    // older year, else after the last set, so the blocks around them stay where they were.
    const sets = body.flatMap((block, index) => (block.blockType === 'resultSet' ? [{ index, year: block.surveyYear }] : []))
    const older = sets.find((set) => typeof set.year === 'number' && set.year < input.year)
    setIndex = older ? older.index : sets.length ? sets[sets.length - 1]!.index + 1 : 0
    body.splice(setIndex, 0, { blockType: 'resultSet', surveyYear: input.year, lead: 'visar att', bullets: [] })
  }
  const set = body[setIndex]!
  const bullets = [...((set.bullets as StoredBullet[] | null | undefined) ?? [])]
  const plans: BulletPlan[] = []

  for (const suggestion of input.suggestions) {
    const texts = input.indicators.get(suggestion.indicator)
    if (!texts) {
      problems.push(`Indikatorn ${suggestion.indicator} finns inte under Innehåll → Indikatorer; lägg till den eller rätta koden i mappningen.`)
      plans.push({ indicator: suggestion.indicator, name: '–', position: null, status: 'hoppades över', fields: [], basis: suggestion.basis, note: 'okänd indikator' })
      continue
    }
    const { values, notes } = suggestBullet(suggestion, texts, input.municipalityName)
    problems.push(...notes)
    const index = bullets.findIndex((bullet) => bullet.indicator?.code === suggestion.indicator)
    const existing = index >= 0 ? bullets[index]! : null
    if (!existing && empty(values.national)) {
      problems.push(`${suggestion.indicator}: ingen andel för riket, så ingen punkt kan skapas (det nationella resultatet krävs).`)
      plans.push({ indicator: texts.code, name: texts.name, position: null, status: 'hoppades över', fields: [], basis: suggestion.basis, note: 'andel saknas' })
      continue
    }
    const fields = BULLET_FIELDS.map((field) => decideField(existing, field, values[field]))
    const meta = { source: input.source(suggestion.indicator), readAt: input.readAt, basis: suggestion.basis }
    const next = applyFields(existing, fields, values, meta)
    next.indicator = { ...next.indicator, code: texts.code }
    if (existing) bullets[index] = next
    else bullets.push(next)
    plans.push({
      indicator: texts.code,
      name: texts.name,
      position: (existing ? index : bullets.length - 1) + 1,
      status: existing ? statusOf(fields) : 'ny',
      fields,
      basis: suggestion.basis,
    })
  }

  body[setIndex] = { ...set, bullets }
  // As the save stores it. Order alone is no change: a body saved before the save kept its
  // years in order is not rewritten by a re-import of the same figures.
  const inOrder = (blocks: readonly StoredBlock[]) => orderBodyResultSets(blocks as readonly (StoredBlock & { surveyYear?: number | null })[])
  const ordered = inOrder(body)
  const changed = stableJson(ordered) !== stableJson(inOrder(input.body ?? []))
  return { year: input.year, body: ordered, resultSetCreated, bullets: plans, problems, changed }
}

/** How a share was arrived at, in words. */
export function describeShare(share: IndicatorReading['national'], where: string): string {
  const municipalities = (count: number) => `${count} ${count === 1 ? 'kommun' : 'kommuner'}`
  const counted = `${municipalities(share.answered)} svarade (${share.yes} Ja)${share.missing ? `, ${share.missing} saknar värde` : ''}`
  if (share.source === 'table') return `${where}: ${formatPercentNumber(share.percent!)} % enligt tabellens rad; ${counted}`
  if (share.source === 'computed') return `${where}: ${formatPercentNumber(share.percent!)} % beräknat ur kommunernas svar, ${counted}`
  return `${where}: andelen kan inte räknas fram; ${counted}`
}

/** A table reading as suggestions per indicator. */
export function suggestionsFromTable(reading: TableReading): IndicatorSuggestion[] {
  return reading.readings.map((item) => ({
    indicator: item.indicator,
    nationalPercent: item.national.percent,
    local: item.local,
    basis: [describeShare(item.national, 'Riket'), ...(item.county ? [describeShare(item.county, item.county.name)] : [])].join('. ') + '.',
  }))
}
