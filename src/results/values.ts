/**
 * One cell of a results table as Socialstyrelsen's workbooks write it: "Ja",
 * "Nej", "Delvis", a percentage (decimal comma or point), or a mark for a
 * missing or suppressed value. Pure. A missing value is never read as zero.
 */

export type RawCell = string | number | boolean | null | undefined

export type CellValue =
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'partly' }
  | { kind: 'percent'; value: number }
  /** Blank, "-", "..", "x" and the like: not answered, or suppressed (too few to show). */
  | { kind: 'missing'; mark: string }
  | { kind: 'invalid'; text: string }

/** Marks that mean "no value" in the tables (blank included); compared lower-cased. */
export const MISSING_MARKS: readonly string[] = ['', '-', '–', '—', '..', '…', 'x', 'n/a', 'uppgift saknas', 'saknas']

export function parseCell(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return { kind: 'missing', mark: '' }
  if (typeof raw === 'boolean') return { kind: raw ? 'yes' : 'no' }
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && raw >= 0 && raw <= 100 ? { kind: 'percent', value: raw } : { kind: 'invalid', text: String(raw) }
  }
  const text = raw.replace(/\u00a0/g, ' ').trim()
  const lower = text.toLocaleLowerCase('sv')
  if (MISSING_MARKS.includes(lower)) return { kind: 'missing', mark: text }
  if (lower === 'ja') return { kind: 'yes' }
  if (lower === 'nej') return { kind: 'no' }
  if (lower === 'delvis') return { kind: 'partly' }
  const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent)?$/.exec(lower)
  if (percent) {
    const value = Number(percent[1]!.replace(',', '.'))
    if (value >= 0 && value <= 100) return { kind: 'percent', value }
  }
  return { kind: 'invalid', text }
}

/** Whether the municipality gave an answer that counts in a share. */
export const isAnswer = (value: CellValue): boolean => value.kind === 'yes' || value.kind === 'no' || value.kind === 'partly'

/** "37", "37,5": Swedish decimal comma, at most one decimal. */
export function formatPercentNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',')
}

/** The bullet's `localValue` (see src/domain/indicators.ts parseLocalValue): "ja", "nej", "delvis", "45 %". */
export function localValueText(value: CellValue): string | null {
  switch (value.kind) {
    case 'yes':
      return 'ja'
    case 'no':
      return 'nej'
    case 'partly':
      return 'delvis'
    case 'percent':
      return `${formatPercentNumber(value.value)} %`
    default:
      return null
  }
}

/** How a cell is shown to an editor in the preview. */
export function describeCell(value: CellValue): string {
  switch (value.kind) {
    case 'missing':
      return value.mark === '' ? 'tomt' : `"${value.mark}" (saknas)`
    case 'invalid':
      return `"${value.text}" (okänt värde)`
    default:
      return localValueText(value)!
  }
}
