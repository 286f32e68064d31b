/**
 * The admin form's fields ↔ the mapping (./mapping.ts). Indicators are one
 * per line, "Kolumnrubrik = KOD" (wide) or "Värde i indikatorkolumnen = KOD"
 * (long). Pure, so the admin component decides nothing of its own.
 */
import type { ResultMapping } from './mapping'

export type MappingForm = {
  sheet: string
  headerRow: string
  municipalityColumn: string
  countyColumn: string
  layout: 'wide' | 'long'
  indicatorColumn: string
  valueColumn: string
  indicators: string
}

export const EMPTY_MAPPING_FORM: MappingForm = {
  sheet: '',
  headerRow: '',
  municipalityColumn: 'Kommunkod',
  countyColumn: '',
  layout: 'wide',
  indicatorColumn: '',
  valueColumn: '',
  indicators: '',
}

export function mappingToForm(mapping: ResultMapping | null): MappingForm {
  if (!mapping) return EMPTY_MAPPING_FORM
  return {
    sheet: mapping.sheet === undefined ? '' : String(mapping.sheet),
    headerRow: mapping.headerRow === undefined ? '' : String(mapping.headerRow),
    municipalityColumn: mapping.municipalityColumn,
    countyColumn: mapping.countyColumn ?? '',
    layout: mapping.layout,
    indicatorColumn: mapping.indicatorColumn ?? '',
    valueColumn: mapping.valueColumn ?? '',
    indicators: mapping.indicators.map((entry) => `${(mapping.layout === 'long' ? entry.value : entry.column) ?? ''} = ${entry.indicator}`).join('\n'),
  }
}

/** The form as a mapping to validate (ResultMappingSchema names what is wrong), or a line that is not "text = KOD". */
export function formToMapping(form: MappingForm): { ok: true; mapping: unknown } | { ok: false; error: string } {
  const lines = form.indicators.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const indicators: { column?: string; value?: string; indicator: string }[] = []
  for (const [index, line] of lines.entries()) {
    const split = line.lastIndexOf('=')
    if (split <= 0 || split === line.length - 1) return { ok: false, error: `Indikatorer, rad ${index + 1}: skriv "Kolumnrubrik = KOD", t.ex. "Socialjour dygnet runt = EB-SOCIALJOUR".` }
    const label = line.slice(0, split).trim()
    const indicator = line.slice(split + 1).trim()
    indicators.push(form.layout === 'long' ? { value: label, indicator } : { column: label, indicator })
  }
  const sheet = form.sheet.trim()
  const headerRow = form.headerRow.trim()
  return {
    ok: true,
    mapping: {
      ...(sheet ? { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet } : {}),
      ...(headerRow ? { headerRow: Number(headerRow) } : {}),
      municipalityColumn: form.municipalityColumn.trim(),
      ...(form.countyColumn.trim() ? { countyColumn: form.countyColumn.trim() } : {}),
      layout: form.layout,
      ...(form.layout === 'long' ? { indicatorColumn: form.indicatorColumn.trim(), valueColumn: form.valueColumn.trim() } : {}),
      indicators,
    },
  }
}
