/**
 * Indicator values and their trend over survey years. Pure.
 */

export type LocalValue = { kind: 'yes' | 'no' | 'partly' } | { kind: 'percent'; value: number }

/** "ja", "Nej", "delvis", "45 %", "45,5 procent" → a value; anything else → null. */
export function parseLocalValue(text: string): LocalValue | null {
  const value = text.trim().toLowerCase()
  if (value === 'ja') return { kind: 'yes' }
  if (value === 'nej') return { kind: 'no' }
  if (value === 'delvis') return { kind: 'partly' }
  const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent)?$/.exec(value)
  if (!percent) return null
  const number = Number(percent[1]!.replace(',', '.'))
  return number >= 0 && number <= 100 ? { kind: 'percent', value: number } : null
}

/** "37 procent av kommunerna", "37 % av landets kommuner" → 37 (the importer's suggestion). */
export function suggestNationalPercent(national: string): number | null {
  const match = /(\d{1,3}(?:,\d+)?)\s*(?:procent|%)\s+av\s+(?:landets\s+|alla\s+)?kommuner(?:na)?/i.exec(national)
  if (!match) return null
  const value = Number(match[1]!.replace(',', '.'))
  return value >= 0 && value <= 100 ? value : null
}

/** What a bullet's "Indikator" part holds (form values while editing: any may be missing or text). */
export type IndicatorPart = { code?: unknown; nationalPercent?: unknown; localValue?: unknown }

/** Whether a bullet is linked to an indicator or carries its figures: a code, a share or a value. */
export function indicatorIsFilled(indicator: IndicatorPart | null | undefined): boolean {
  const given = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' && Number.isFinite(value))
  return Boolean(indicator) && (given(indicator!.code) || given(indicator!.nationalPercent) || given(indicator!.localValue))
}
