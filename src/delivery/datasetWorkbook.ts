/** The open dataset as an XLSX workbook (exceljs writes asynchronously, so this is apart from the pure handler). */
import ExcelJS from 'exceljs'

import { RESULT_COLUMNS } from './datasets'
import type { ResultRow } from './schemas'

export async function resultsWorkbook(rows: readonly ResultRow[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  // Fixed, so the same rows give the same bytes (and the same ETag).
  book.created = new Date('2000-01-01T00:00:00Z')
  book.modified = book.created
  const sheet = book.addWorksheet('Resultat')
  sheet.addRow([...RESULT_COLUMNS])
  sheet.getRow(1).font = { bold: true }
  // Values as typed cells: text is stored as text (never as a formula), numbers as numbers.
  for (const row of rows) sheet.addRow(RESULT_COLUMNS.map((column) => row[column]))
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  return new Uint8Array(await book.xlsx.writeBuffer())
}
