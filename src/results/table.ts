/**
 * Reads one results table (a sheet of an XLSX workbook, or a CSV file, as
 * rows of raw cells) with an area's mapping: finds the header row, the
 * municipality's row, the national and county rows, and computes the shares
 * from the municipalities' own answers where the table has no such row. Pure:
 * the file readers (./readXlsx, ./readCsv) turn bytes into `Sheet`s.
 */
import type { IndicatorMapping, ResultMapping } from './mapping'
import { describeCell, isAnswer, parseCell, type CellValue, type RawCell } from './values'

export type Sheet = { name: string; rows: RawCell[][] }

/** The municipality the CMS is for (MUNICIPALITY_CODE, MUNICIPALITY_NAME). */
export type Municipality = { code: string; name: string }

/** A table that cannot be read at all: nothing is written; the message says why, in Swedish. */
export class ResultTableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResultTableError'
  }
}

/**
 * A share of municipalities: from the table's own row (`table`), computed as
 * the share of answering municipalities that answered "Ja" (`computed`), or
 * not known (`none`). `answered` counts Ja, Nej and Delvis; `missing` the
 * municipalities with a blank or suppressed value.
 */
export type Share = { percent: number | null; source: 'table' | 'computed' | 'none'; yes: number; answered: number; missing: number }

export type IndicatorReading = {
  indicator: string
  /** The column (wide) or the indicator column's value (long) it was read from. */
  label: string
  local: CellValue
  national: Share
  county: (Share & { name: string }) | null
}

export type TableReading = {
  sheet: string
  headerRow: number
  municipality: Municipality & { row: number }
  municipalityCount: number
  countyRows: number
  hasNationalRow: boolean
  readings: IndicatorReading[]
  /** Rows and indicators that could not be placed, and why (Swedish, one line each). */
  problems: string[]
}

export const NATIONAL_LABELS: readonly string[] = ['riket', 'hela landet', 'sverige', 'samtliga kommuner', 'alla kommuner', 'totalt', '0000']

const HEADER_SEARCH_ROWS = 50

export const normalise = (text: string): string => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv')

export const cellText = (raw: RawCell): string => (raw === null || raw === undefined ? '' : typeof raw === 'number' ? String(raw) : String(raw).trim())

/** "Kalmar kommun", "Kalmar" → "kalmar"; compared without the word "kommun". */
const municipalityNameKey = (name: string) => normalise(name).replace(/\s+kommun$/, '')

type RowKind =
  | { kind: 'blank' }
  | { kind: 'national' }
  | { kind: 'county'; key: string; name: string }
  | { kind: 'municipality'; key: string; code: string | null; name: string }

/** Municipality codes have 4 digits (a numeric cell loses the leading 0: 880 → 0880); county codes 2. */
export function classifyLabel(raw: RawCell, nationalLabels: readonly string[]): RowKind {
  const text = cellText(raw)
  if (text === '') return { kind: 'blank' }
  const key = normalise(text)
  if (nationalLabels.includes(key) || /^0+$/.test(key)) return { kind: 'national' }
  const code = /^(\d{1,4})(?:\s+(.*))?$/.exec(text)
  if (code) {
    const digits = code[1]!
    if (digits.length <= 2) return { kind: 'county', key: digits.padStart(2, '0'), name: text }
    const padded = digits.padStart(4, '0')
    return { kind: 'municipality', key: padded, code: padded, name: code[2] ?? padded }
  }
  if (/\slän$/.test(key) || key.endsWith('s län')) return { kind: 'county', key, name: text }
  return { kind: 'municipality', key: municipalityNameKey(text), code: null, name: text }
}

/** Without `sheet`: the first sheet with the municipality column near its top (workbooks often open with an info sheet). */
function pickSheet(sheets: readonly Sheet[], wanted: ResultMapping['sheet'], municipalityColumn: string): Sheet {
  if (sheets.length === 0) throw new ResultTableError('Filen innehåller inga blad med data.')
  if (wanted === undefined) {
    const column = normalise(municipalityColumn)
    return sheets.find((sheet) => sheet.rows.slice(0, HEADER_SEARCH_ROWS).some((row) => row.some((cell) => normalise(cellText(cell)) === column))) ?? sheets[0]!
  }
  const names = sheets.map((sheet) => `"${sheet.name}"`).join(', ')
  if (typeof wanted === 'number') {
    const sheet = sheets[wanted - 1]
    if (!sheet) throw new ResultTableError(`Blad nummer ${wanted} finns inte: filen har ${sheets.length} blad (${names}). Rätta "sheet" i mappningen.`)
    return sheet
  }
  const sheet = sheets.find((candidate) => normalise(candidate.name) === normalise(wanted))
  if (!sheet) throw new ResultTableError(`Bladet "${wanted}" finns inte i filen. Bladen heter ${names}. Rätta "sheet" i mappningen.`)
  return sheet
}

function findHeaderRow(sheet: Sheet, mapping: ResultMapping): number {
  const wanted = normalise(mapping.municipalityColumn)
  const holds = (index: number) => (sheet.rows[index] ?? []).some((cell) => normalise(cellText(cell)) === wanted)
  if (mapping.headerRow !== undefined) {
    if (!holds(mapping.headerRow - 1)) {
      const found = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((_, index) => holds(index))
      throw new ResultTableError(
        `Rubrikraden (rad ${mapping.headerRow}) i bladet "${sheet.name}" har ingen kolumn "${mapping.municipalityColumn}".` +
          (found >= 0 ? ` Den finns på rad ${found + 1}: rätta "headerRow" eller ta bort den.` : ' Rätta "headerRow" eller "municipalityColumn" i mappningen.'),
      )
    }
    return mapping.headerRow
  }
  const found = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((_, index) => holds(index))
  if (found < 0) {
    throw new ResultTableError(
      `Ingen rubrikrad med kolumnen "${mapping.municipalityColumn}" bland de första ${HEADER_SEARCH_ROWS} raderna i bladet "${sheet.name}". Rätta "municipalityColumn" i mappningen.`,
    )
  }
  return found + 1
}

type Located = { value: CellValue; row: number }

/** Per indicator: the values of every row kind, keyed for duplicates. */
type Collected = {
  municipalities: Map<string, Located & { name: string; county: string | null; countyCode: string | null }>
  national: Located | null
  counties: Map<string, Located>
}

const sameValue = (a: CellValue, b: CellValue) => describeCell(a) === describeCell(b)

export function readResultTable(sheets: readonly Sheet[], mapping: ResultMapping, municipality: Municipality): TableReading {
  const sheet = pickSheet(sheets, mapping.sheet, mapping.municipalityColumn)
  const headerRow = findHeaderRow(sheet, mapping)
  const header = (sheet.rows[headerRow - 1] ?? []).map((cell) => normalise(cellText(cell)))
  const columnIndex = (name: string) => header.indexOf(normalise(name))
  const problems: string[] = []
  const nationalLabels = [...NATIONAL_LABELS, ...(mapping.nationalLabels ?? []).map(normalise)]

  const labelColumn = columnIndex(mapping.municipalityColumn)
  const countyColumn = mapping.countyColumn ? columnIndex(mapping.countyColumn) : -1
  if (mapping.countyColumn && countyColumn < 0) problems.push(`Kolumnen "${mapping.countyColumn}" (countyColumn) finns inte på rubrikraden ${headerRow}; länets andel räknas utan den.`)

  // Which cell holds each indicator: a column (wide), or rows whose indicator column says its value (long).
  const placed: { entry: IndicatorMapping; column: number }[] = []
  let indicatorColumn = -1
  let valueColumn = -1
  if (mapping.layout === 'long') {
    indicatorColumn = columnIndex(mapping.indicatorColumn!)
    valueColumn = columnIndex(mapping.valueColumn!)
    for (const [key, index] of [['indicatorColumn', indicatorColumn], ['valueColumn', valueColumn]] as const) {
      if (index < 0) throw new ResultTableError(`Kolumnen "${mapping[key]}" (${key}) finns inte på rubrikraden ${headerRow} i bladet "${sheet.name}".`)
    }
    placed.push(...mapping.indicators.map((entry) => ({ entry, column: valueColumn })))
  } else {
    for (const entry of mapping.indicators) {
      const column = columnIndex(entry.column!)
      if (column < 0) problems.push(`Kolumnen "${entry.column}" (indikator ${entry.indicator}) finns inte på rubrikraden ${headerRow}; indikatorn importeras inte.`)
      else placed.push({ entry, column })
    }
  }
  const byLongValue = new Map(placed.map((item) => [normalise(item.entry.value ?? ''), item]))

  const collected = new Map<string, Collected>(placed.map(({ entry }) => [entry.indicator, { municipalities: new Map(), national: null, counties: new Map() }]))
  const municipalityKeys = new Set<string>()
  const countyKeys = new Set<string>()
  let hasNationalRow = false
  let own: (Municipality & { row: number; key: string; county: string | null }) | null = null
  const ownCode = municipality.code.padStart(4, '0')
  const ownName = municipalityNameKey(municipality.name)

  for (let index = headerRow; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? []
    const rowNumber = index + 1
    const label = classifyLabel(cells[labelColumn], nationalLabels)
    if (label.kind === 'blank') {
      if (cells.some((cell) => cellText(cell) !== '')) problems.push(`Rad ${rowNumber}: kolumnen "${mapping.municipalityColumn}" är tom; raden hoppades över.`)
      continue
    }
    const targets =
      mapping.layout === 'long'
        ? [byLongValue.get(normalise(cellText(cells[indicatorColumn])))].filter((item) => item !== undefined)
        : placed
    if (mapping.layout === 'long' && targets.length === 0) continue
    const county = countyColumn >= 0 ? cellText(cells[countyColumn]) || null : null
    if (label.kind === 'national') hasNationalRow = true
    if (label.kind === 'county') countyKeys.add(label.key)
    if (label.kind === 'municipality') {
      municipalityKeys.add(label.key)
      const isOwn = label.code ? label.code === ownCode : label.key === ownName
      if (isOwn && !own) own = { code: label.code ?? ownCode, name: label.code ? municipality.name : label.name, row: rowNumber, key: label.key, county }
    }
    for (const { entry, column } of targets) {
      const value = parseCell(cells[column])
      const target = collected.get(entry.indicator)!
      const located = { value, row: rowNumber }
      if (value.kind === 'invalid') {
        problems.push(`Rad ${rowNumber}, ${entry.indicator}: ${describeCell(value)} är varken Ja, Nej, Delvis, en procentsats eller en markering för saknat värde; räknas inte.`)
      }
      if (label.kind === 'national') {
        target.national ??= located
      } else if (label.kind === 'county') {
        if (!target.counties.has(label.key)) target.counties.set(label.key, located)
      } else {
        const earlier = target.municipalities.get(label.key)
        if (earlier) {
          problems.push(
            sameValue(earlier.value, value)
              ? `Rad ${rowNumber}, ${entry.indicator}: ${label.name} finns redan på rad ${earlier.row} med samma värde; räknas en gång.`
              : `Rad ${rowNumber}, ${entry.indicator}: ${label.name} finns redan på rad ${earlier.row} med ett annat värde (${describeCell(earlier.value)}, här ${describeCell(value)}); värdet på rad ${earlier.row} används.`,
          )
          continue
        }
        target.municipalities.set(label.key, { ...located, name: label.name, county, countyCode: label.code ? label.code.slice(0, 2) : null })
      }
    }
  }

  if (!own) {
    throw new ResultTableError(
      `${municipality.name} (kommunkod ${ownCode}) finns inte i bladet "${sheet.name}" (kolumnen "${mapping.municipalityColumn}"). ` +
        'Kontrollera att filen gäller alla kommuner och att MUNICIPALITY_CODE stämmer.',
    )
  }
  const ownMunicipality = own as NonNullable<typeof own>
  const countyKey = ownMunicipality.county ? normalise(ownMunicipality.county) : ownMunicipality.code.slice(0, 2)
  const countyName = ownMunicipality.county ?? `län ${countyKey}`

  const readings: IndicatorReading[] = placed.map(({ entry }) => {
    const target = collected.get(entry.indicator)!
    const all = [...target.municipalities.values()]
    const inCounty = all.filter((item) =>
      ownMunicipality.county ? item.county !== null && normalise(item.county) === countyKey : item.countyCode === countyKey,
    )
    const local = target.municipalities.get(ownMunicipality.key)?.value ?? { kind: 'missing' as const, mark: '' }
    const countyRow = findCountyRow(target.counties, ownMunicipality.county, ownMunicipality.code.slice(0, 2))
    const label = mapping.layout === 'long' ? entry.value! : entry.column!
    const national = share(target.national, all)
    if (national.percent === null) {
      problems.push(`${entry.indicator}: tabellen har ingen rad för riket och svaren är inte Ja/Nej, så andelen kommuner kan inte räknas fram.`)
    }
    if (local.kind === 'missing' || local.kind === 'invalid') {
      problems.push(`${entry.indicator}: ${ownMunicipality.name}s värde på rad ${ownMunicipality.row} är ${describeCell(local)}; kommunens svar lämnas tomt.`)
    }
    return {
      indicator: entry.indicator,
      label,
      local,
      national,
      county: inCounty.length || countyRow ? { ...share(countyRow, inCounty), name: countyName } : null,
    }
  })

  return {
    sheet: sheet.name,
    headerRow,
    municipality: { code: ownMunicipality.code, name: ownMunicipality.name, row: ownMunicipality.row },
    municipalityCount: municipalityKeys.size,
    countyRows: countyKeys.size,
    hasNationalRow,
    readings,
    problems,
  }
}

/** The county's own row: by the name in the county column ("Kalmar län"), or by code (the municipality code's first two digits). */
function findCountyRow(counties: Map<string, Located>, countyName: string | null, countyCode: string): Located | null {
  if (countyName) {
    const stem = normalise(countyName).replace(/s? län$/, '')
    for (const [key, value] of counties) if (key.replace(/s? län$/, '') === stem) return value
  }
  return counties.get(countyCode) ?? null
}

/** The row's own share when it has one, else Ja among the answering municipalities. */
export function share(row: Located | null, municipalities: readonly { value: CellValue }[]): Share {
  const yes = municipalities.filter((item) => item.value.kind === 'yes').length
  const answered = municipalities.filter((item) => isAnswer(item.value)).length
  const missing = municipalities.filter((item) => item.value.kind === 'missing').length
  if (row && row.value.kind === 'percent') return { percent: row.value.value, source: 'table', yes, answered, missing }
  if (answered > 0) return { percent: Math.round((yes / answered) * 100), source: 'computed', yes, answered, missing }
  return { percent: null, source: 'none', yes, answered, missing }
}
