/**
 * Bytes of an uploaded or given results file → sheets of raw cells, or a
 * Swedish message saying why the file cannot be read (then nothing is
 * written). XLSX through exceljs (stored values only: a formula's cached
 * result is used, never evaluated), CSV through csv-parse (";" or ",",
 * quotes, a BOM). The limits guard the server against hostile files.
 */
import ExcelJS from 'exceljs'
import { parse as parseCsv } from 'csv-parse/sync'

import { ResultTableError, type Sheet } from './table'
import type { RawCell } from './values'

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_CELLS = 200_000
const MAX_CELLS_TEXT = '200 000'
/** Unpacked size of everything in the workbook, and the largest packing ratio a real workbook has. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024
export const MAX_PACKING_RATIO = 200

export type ReadTableResult = { sheets: Sheet[]; format: 'xlsx' | 'csv'; notes: string[] }

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte)

const fail = (name: string, message: string): never => {
  throw new ResultTableError(`${name}: ${message}`)
}

export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<ReadTableResult> {
  if (bytes.byteLength === 0) fail(fileName, 'filen är tom.')
  if (bytes.byteLength > MAX_FILE_BYTES) {
    fail(fileName, `filen är ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; högst ${MAX_FILE_BYTES / 1024 / 1024} MB tas emot. Dela upp den per område.`)
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    // OOXML with a password is stored encrypted inside an OLE container, like the old .xls format.
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))
    fail(
      fileName,
      encrypted
        ? 'arbetsboken är lösenordsskyddad. Spara en kopia utan lösenord (Arkiv → Info → Skydda arbetsbok) och försök igen.'
        : 'filen är i det gamla Excel-formatet (.xls). Spara om den som Excel-arbetsbok (.xlsx) eller CSV.',
    )
  }
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, fileName)
  if (/\.(xlsx|xlsm|xls|ods|zip)$/i.test(fileName) || bytes.subarray(0, 4096).includes(0)) {
    fail(fileName, 'filen är inget kalkylblad som kan läsas (XLSX eller CSV).')
  }
  return readCsv(bytes, fileName)
}

type ZipEntry = { name: string; compressed: number; unpacked: number }

/** The zip's table of contents (its central directory), read without unpacking anything. */
export function zipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let offset = bytes.byteLength - 22; offset >= Math.max(0, bytes.byteLength - 22 - 65_535); offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset
      break
    }
  }
  if (end < 0) fail(fileName, 'filen ser ut som en arbetsbok men är trasig (zip-katalogen saknas). Spara om den i Excel.')
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const entries: ZipEntry[] = []
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) fail(fileName, 'arbetsbokens zip-katalog är trasig. Spara om den i Excel.')
    const compressed = view.getUint32(offset + 20, true)
    const unpacked = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extra = view.getUint16(offset + 30, true)
    const comment = view.getUint16(offset + 32, true)
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8')
    entries.push({ name, compressed, unpacked })
    offset += 46 + nameLength + extra + comment
  }
  return entries
}

function checkWorkbookPackage(bytes: Uint8Array, fileName: string): void {
  const entries = zipEntries(bytes, fileName)
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) fail(fileName, 'filen är ett zip-arkiv men ingen Excel-arbetsbok.')
  if (entries.some((entry) => /vbaProject\.bin$/i.test(entry.name))) {
    fail(fileName, 'arbetsboken innehåller makron (.xlsm). Spara den som vanlig Excel-arbetsbok (.xlsx) och försök igen.')
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.unpacked, 0)
  const packed = entries.reduce((sum, entry) => sum + entry.compressed, 0)
  // 0xFFFFFFFF marks ZIP64 sizes: no results table is that large.
  if (entries.some((entry) => entry.unpacked === 0xffffffff) || unpacked > MAX_UNPACKED_BYTES || (packed > 0 && unpacked / packed > MAX_PACKING_RATIO)) {
    fail(fileName, 'arbetsboken packas upp till mycket mer än en resultattabell rymmer (möjlig zip-bomb) och läses inte.')
  }
}

type ExcelValue = ExcelJS.CellValue

function storedValue(value: ExcelValue, numFmt: string | undefined, notes: { formulaWithoutValue: number }): RawCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return numFmt?.includes('%') ? Math.round(value * 100 * 1e6) / 1e6 : value
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('formula' in value || 'sharedFormula' in value) {
    // The value Excel stored when the file was saved; a formula is never evaluated here.
    const result = (value as { result?: ExcelValue }).result
    if (result === undefined || result === null || (typeof result === 'object' && 'error' in (result as object))) {
      notes.formulaWithoutValue++
      return null
    }
    return storedValue(result, numFmt, notes)
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return String((value as { text: unknown }).text)
  if ('error' in value) return null
  return null
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<ReadTableResult> {
  checkWorkbookPackage(bytes, fileName)
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs declares ArrayBuffer but reads a Node Buffer (its own tests pass one); its types are wrong.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch (error) {
    fail(fileName, `arbetsboken kunde inte läsas (${(error as Error).message}). Spara om den i Excel som .xlsx.`)
  }
  const notes = { formulaWithoutValue: 0 }
  let cells = 0
  const sheets: Sheet[] = []
  workbook.eachSheet((worksheet) => {
    const rows: RawCell[][] = []
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: RawCell[] = []
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells++
        values[column - 1] = storedValue(cell.value, cell.numFmt, notes)
      })
      for (let index = 0; index < values.length; index++) values[index] ??= null
      rows[rowNumber - 1] = values
    })
    if (cells > MAX_CELLS) fail(fileName, `arbetsboken har fler än ${MAX_CELLS_TEXT} celler; en resultattabell har färre. Ta bort blad som inte behövs.`)
    for (let index = 0; index < rows.length; index++) rows[index] ??= []
    sheets.push({ name: worksheet.name, rows })
  })
  const extra = notes.formulaWithoutValue
    ? [`${notes.formulaWithoutValue} celler har en formel utan sparat värde och räknas som saknade (formler beräknas aldrig här; öppna och spara filen i Excel).`]
    : []
  return { sheets, format: 'xlsx', notes: extra }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Older exports from Excel "CSV (semikolonavgränsad)" are Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function readCsv(bytes: Uint8Array, fileName: string): ReadTableResult {
  const text = decodeText(bytes).replace(/^\uFEFF/, '')
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const count = (char: string) => firstLine.split(char).length - 1
  const delimiter = count(';') >= count(',') && count(';') >= count('\t') ? ';' : count('\t') > count(',') ? '\t' : ','
  let rows: string[][]
  try {
    rows = parseCsv(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][]
  } catch (error) {
    return fail(fileName, `CSV-filen kunde inte läsas: ${(error as Error).message}`)
  }
  const cells = rows.reduce((sum, row) => sum + row.length, 0)
  if (cells > MAX_CELLS) fail(fileName, `filen har fler än ${MAX_CELLS_TEXT} celler; en resultattabell har färre.`)
  const name = fileName.replace(/\.[^.]+$/, '')
  return { sheets: [{ name, rows: rows.map((row) => row.map((cell) => cell)) }], format: 'csv', notes: [] }
}
