/**
 * Results tables made for tests, in the shape Socialstyrelsen publishes them:
 * title rows above the header, one row per municipality, county rows, an
 * optional national row. Deterministic (seeded), so a hand count is stable.
 */
import type { Sheet } from '@/results/table'
import type { RawCell } from '@/results/values'

export type TableOptions = {
  municipalities?: number
  indicators?: number
  nationalRow?: boolean
  titleRows?: number
  seed?: number
}

/** 21 counties' codes; municipalities are spread over them, Kalmar (0880) in county 08. */
const COUNTY_CODES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25']

export const indicatorColumn = (index: number) => `Fråga ${index + 1}`
export const indicatorCode = (index: number) => `TEST-${String(index + 1).padStart(2, '0')}`

function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A wide table: "Kommunkod", "Kommun", "Län", then one column per indicator with Ja/Nej/Delvis/marks. */
export function makeWideTable(options: TableOptions = {}): Sheet {
  const count = options.municipalities ?? 290
  const indicators = options.indicators ?? 12
  const next = random(options.seed ?? 7)
  const rows: RawCell[][] = []
  for (let i = 0; i < (options.titleRows ?? 3); i++) rows.push(i === 0 ? ['Öppna jämförelser – testtabell'] : [])
  rows.push(['Kommunkod', 'Kommun', 'Län', ...Array.from({ length: indicators }, (_, index) => indicatorColumn(index))])
  const answer = () => {
    const roll = next()
    return roll < 0.45 ? 'Ja' : roll < 0.85 ? 'Nej' : roll < 0.92 ? 'Delvis' : roll < 0.96 ? '..' : roll < 0.98 ? 'x' : null
  }
  for (let m = 0; m < count; m++) {
    const county = m === 0 ? '08' : COUNTY_CODES[m % COUNTY_CODES.length]!
    const code = m === 0 ? '0880' : `${county}${String(10 + Math.floor(m / COUNTY_CODES.length)).padStart(2, '0')}`
    const name = m === 0 ? 'Kalmar' : `Kommun ${code}`
    rows.push([code, name, county === '08' ? 'Kalmar län' : `Län ${county}`, ...Array.from({ length: indicators }, answer)])
  }
  if (options.nationalRow) rows.push(['Riket', 'Riket', '', ...Array.from({ length: indicators }, () => '41,5')])
  return { name: 'Resultat per kommun', rows }
}

/** The municipality rows' answers for one indicator column (a hand count's input), optionally of one county. */
export function answersOf(sheet: Sheet, column: string, county?: string): string[] {
  const headerIndex = sheet.rows.findIndex((row) => row.includes('Kommunkod'))
  const columnIndex = sheet.rows[headerIndex]!.indexOf(column)
  return sheet.rows
    .slice(headerIndex + 1)
    .filter((row) => /^\d{4}$/.test(String(row[0])) && (county === undefined || row[2] === county))
    .map((row) => String(row[columnIndex] ?? ''))
}
