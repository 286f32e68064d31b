import { describe, expect, it } from 'vitest'

import { parseResultMapping, type ResultMapping } from '@/results/mapping'
import { readResultTable, ResultTableError, type Sheet } from '@/results/table'
import { answersOf, indicatorCode, indicatorColumn, makeWideTable } from '../../helpers/resultTables'

const KALMAR = { code: '0880', name: 'Kalmar kommun' }

const mapping = (extra: Partial<ResultMapping> = {}): ResultMapping => {
  const parsed = parseResultMapping({
    sheet: 'Resultat per kommun',
    municipalityColumn: 'Kommunkod',
    countyColumn: 'Län',
    layout: 'wide',
    indicators: [
      { column: 'Socialjour dygnet runt', indicator: 'EB-SOCIALJOUR' },
      { column: 'Andel med plan', indicator: 'EB-PLAN' },
    ],
    ...extra,
  })
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.mapping
}

/** Eight municipalities in two counties, header on row 3 below a title. */
const small = (): Sheet => ({
  name: 'Resultat per kommun',
  rows: [
    ['Öppna jämförelser 2025 – Ekonomiskt bistånd'],
    [],
    ['Kommunkod', 'Kommun', 'Län', 'Socialjour dygnet runt', 'Andel med plan'],
    [880, 'Kalmar', 'Kalmar län', 'Ja', '61,5'],
    ['0881', 'Nybro', 'Kalmar län', 'Nej', '40'],
    ['0882', 'Oskarshamn', 'Kalmar län', '..', '55.5'],
    ['0883', 'Västervik', 'Kalmar län', 'Delvis', 'x'],
    ['0114', 'Upplands Väsby', 'Stockholms län', 'Ja', '70'],
    ['0115', 'Vallentuna', 'Stockholms län', 'ja', '-'],
    ['0117', 'Österåker', 'Stockholms län', 'Nej', ''],
    ['0120', 'Värmdö', 'Stockholms län', '', '10'],
    ['08', 'Kalmar län', '', '', '52,3'],
  ],
})

describe('readResultTable: wide layout', () => {
  it('detects the header row below title rows, finds Kalmar by its code (880 read as 0880)', () => {
    const reading = readResultTable([small()], mapping(), KALMAR)
    expect(reading.headerRow).toBe(3)
    expect(reading.municipality).toEqual({ code: '0880', name: 'Kalmar kommun', row: 4 })
    expect(reading.municipalityCount).toBe(8)
    expect(reading.readings.map((item) => item.local)).toEqual([{ kind: 'yes' }, { kind: 'percent', value: 61.5 }])
  })

  it('computes the national share from the answers when there is no national row: Ja among Ja/Nej/Delvis, marks not counted', () => {
    const [social] = readResultTable([small()], mapping(), KALMAR).readings
    // Hand count: Ja = Kalmar, Upplands Väsby, Vallentuna (3); Nej = Nybro, Österåker (2); Delvis = Västervik (1);
    // ".." and blank (Oskarshamn, Värmdö) are missing. 3 / 6 = 50 %.
    expect(social!.national).toEqual({ percent: 50, source: 'computed', yes: 3, answered: 6, missing: 2 })
    // The county: Kalmar Ja, Nybro Nej, Västervik Delvis answered; Oskarshamn missing: 1 / 3 = 33 %.
    expect(social!.county).toEqual({ name: 'Kalmar län', percent: 33, source: 'computed', yes: 1, answered: 3, missing: 1 })
  })

  it('uses the table\'s own county row when there is one, with decimal comma', () => {
    const [, plan] = readResultTable([small()], mapping(), KALMAR).readings
    expect(plan!.county?.percent).toBe(52.3)
    expect(plan!.county?.source).toBe('table')
    // Percentages cannot be counted as Ja: without a national row the national share is unknown, and said so.
    expect(plan!.national.source).toBe('none')
  })

  it('uses the national row ("Riket") when the table has one', () => {
    const sheet = small()
    sheet.rows.push(['Riket', '', '', '44,5', '51'])
    const reading = readResultTable([sheet], mapping(), KALMAR)
    expect(reading.hasNationalRow).toBe(true)
    expect(reading.readings[0]!.national).toMatchObject({ percent: 44.5, source: 'table', answered: 6 })
  })

  it('reports every row or value it could not place, and never counts a mark as zero', () => {
    const sheet = small()
    sheet.rows.push(['', 'Summa', '', 'Ja', '3'], ['0884', 'Vimmerby', 'Kalmar län', 'kanske', '20'])
    const reading = readResultTable([sheet], mapping(), KALMAR)
    expect(reading.problems).toContain('Rad 13: kolumnen "Kommunkod" är tom; raden hoppades över.')
    expect(reading.problems.some((line) => line.startsWith('Rad 14, EB-SOCIALJOUR: "kanske" (okänt värde)'))).toBe(true)
    expect(reading.readings[0]!.national.answered).toBe(6)
  })

  it('counts a duplicate municipality row once and says which row is used', () => {
    const sheet = small()
    sheet.rows.push(['0881', 'Nybro', 'Kalmar län', 'Ja', '40'], ['0114', 'Upplands Väsby', 'Stockholms län', 'Ja', '70'])
    const reading = readResultTable([sheet], mapping(), KALMAR)
    expect(reading.readings[0]!.national).toMatchObject({ yes: 3, answered: 6 })
    expect(reading.problems).toContain(
      'Rad 13, EB-SOCIALJOUR: 0881 finns redan på rad 5 med ett annat värde (nej, här ja); värdet på rad 5 används.',
    )
    expect(reading.problems).toContain('Rad 14, EB-SOCIALJOUR: 0114 finns redan på rad 8 med samma värde; räknas en gång.')
  })

  it('finds the municipality by name when the column holds names', () => {
    const reading = readResultTable([small()], mapping({ municipalityColumn: 'Kommun' }), KALMAR)
    expect(reading.municipality.row).toBe(4)
    expect(reading.readings[0]!.local).toEqual({ kind: 'yes' })
  })

  it('picks a sheet by 1-based position', () => {
    const other: Sheet = { name: 'Om statistiken', rows: [['Text']] }
    expect(readResultTable([other, small()], mapping({ sheet: 2 }), KALMAR).sheet).toBe('Resultat per kommun')
  })

  it('leaves out a mapped column that is not there, and says so', () => {
    const reading = readResultTable([small()], mapping({ indicators: [{ column: 'Finns inte', indicator: 'EB-X' }, { column: 'Andel med plan', indicator: 'EB-PLAN' }] }), KALMAR)
    expect(reading.readings.map((item) => item.indicator)).toEqual(['EB-PLAN'])
    expect(reading.problems[0]).toBe('Kolumnen "Finns inte" (indikator EB-X) finns inte på rubrikraden 3; indikatorn importeras inte.')
  })
})

describe('readResultTable: long layout', () => {
  const long = (): Sheet => ({
    name: 'Data',
    rows: [
      ['Kommun', 'Indikator', 'Värde'],
      ['Kalmar', 'Socialjour', 'Ja'],
      ['Kalmar', 'Plan', '61,5'],
      ['Nybro', 'Socialjour', 'Nej'],
      ['Nybro', 'Plan', '40'],
      ['Borgholm', 'Socialjour', 'Ja'],
      ['Borgholm', 'Annan fråga', 'Nej'],
      ['Riket', 'Plan', '48,2'],
    ],
  })
  const longMapping = () =>
    mapping({
      sheet: undefined,
      municipalityColumn: 'Kommun',
      countyColumn: undefined,
      layout: 'long',
      indicatorColumn: 'Indikator',
      valueColumn: 'Värde',
      indicators: [
        { value: 'Socialjour', indicator: 'EB-SOCIALJOUR' },
        { value: 'Plan', indicator: 'EB-PLAN' },
      ],
    })

  it('reads one row per municipality and indicator; rows of unmapped indicators are ignored', () => {
    const reading = readResultTable([long()], longMapping(), KALMAR)
    expect(reading.headerRow).toBe(1)
    const [social, plan] = reading.readings
    expect(social!.local).toEqual({ kind: 'yes' })
    expect(social!.national).toEqual({ percent: 67, source: 'computed', yes: 2, answered: 3, missing: 0 })
    expect(plan!.local).toEqual({ kind: 'percent', value: 61.5 })
    expect(plan!.national).toMatchObject({ percent: 48.2, source: 'table' })
  })
})

describe('readResultTable: tables that cannot be read', () => {
  const fails = (sheets: Sheet[], map: ResultMapping) => {
    try {
      readResultTable(sheets, map, KALMAR)
    } catch (error) {
      expect(error).toBeInstanceOf(ResultTableError)
      return (error as Error).message
    }
    throw new Error('expected a ResultTableError')
  }

  it('a header row that is not there names the row where the column is', () => {
    expect(fails([small()], mapping({ headerRow: 4 }))).toBe(
      'Rubrikraden (rad 4) i bladet "Resultat per kommun" har ingen kolumn "Kommunkod". Den finns på rad 3: rätta "headerRow" eller ta bort den.',
    )
  })

  it('a municipality column nowhere in the first rows', () => {
    expect(fails([small()], mapping({ municipalityColumn: 'Kommunnamn' }))).toContain('Ingen rubrikrad med kolumnen "Kommunnamn"')
  })

  it('a sheet that does not exist lists the sheets there are', () => {
    expect(fails([small()], mapping({ sheet: 'Blad1' }))).toBe(
      'Bladet "Blad1" finns inte i filen. Bladen heter "Resultat per kommun". Rätta "sheet" i mappningen.',
    )
  })

  it('a municipality not in the table', () => {
    const sheet = small()
    sheet.rows.splice(3, 1)
    expect(fails([sheet], mapping())).toBe(
      'Kalmar kommun (kommunkod 0880) finns inte i bladet "Resultat per kommun" (kolumnen "Kommunkod"). Kontrollera att filen gäller alla kommuner och att MUNICIPALITY_CODE stämmer.',
    )
  })
})

describe('the mapping file', () => {
  it('names the field and rule of each problem, in Swedish', () => {
    const parsed = parseResultMapping({ municipalityColumn: 'Kommun', layout: 'long', indicators: [{ column: 'A', indicator: 'X' }] })
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'indicatorColumn: "indicatorColumn" krävs när "layout" är "long".',
        'valueColumn: "valueColumn" krävs när "layout" är "long".',
        'indicators.0.value: Indikator 1 (X) saknar "value" (krävs när "layout" är "long").',
      ],
    })
  })
})

describe('290 municipalities × 12 indicators', () => {
  it('matches a hand count of every indicator (counted here from the rows, independently of the reader)', () => {
    const sheet = makeWideTable({ municipalities: 290, indicators: 12 })
    const map = parseResultMapping({
      municipalityColumn: 'Kommunkod',
      countyColumn: 'Län',
      indicators: Array.from({ length: 12 }, (_, index) => ({ column: indicatorColumn(index), indicator: indicatorCode(index) })),
    })
    if (!map.ok) throw new Error(map.errors.join())
    const reading = readResultTable([sheet], map.mapping, KALMAR)
    expect(reading.municipalityCount).toBe(290)
    expect(reading.headerRow).toBe(4)
    reading.readings.forEach((item, index) => {
      const answers = answersOf(sheet, indicatorColumn(index))
      const yes = answers.filter((answer) => answer === 'Ja').length
      const answered = answers.filter((answer) => ['Ja', 'Nej', 'Delvis'].includes(answer)).length
      expect(answers).toHaveLength(290)
      expect(item.national).toEqual({ percent: Math.round((100 * yes) / answered), source: 'computed', yes, answered, missing: 290 - answered })
      const inCounty = answersOf(sheet, indicatorColumn(index), 'Kalmar län')
      const countyYes = inCounty.filter((answer) => answer === 'Ja').length
      const countyAnswered = inCounty.filter((answer) => ['Ja', 'Nej', 'Delvis'].includes(answer)).length
      expect(inCounty.length).toBeGreaterThan(10)
      expect(item.county).toEqual({
        name: 'Kalmar län',
        percent: Math.round((100 * countyYes) / countyAnswered),
        source: 'computed',
        yes: countyYes,
        answered: countyAnswered,
        missing: inCounty.length - countyAnswered,
      })
    })
  })
})
