import ExcelJS from 'exceljs'

import type { Sheet } from '@/results/table'

/** A sheet as an XLSX workbook's bytes (exceljs), with an info sheet before it as Socialstyrelsen's have. */
export async function sheetToXlsx(sheet: Sheet): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('Om statistiken').addRow(['Öppna jämförelser – om tabellen'])
  const target = book.addWorksheet(sheet.name)
  for (const row of sheet.rows) target.addRow(row.map((cell) => (cell === undefined ? null : cell)))
  return new Uint8Array(await book.xlsx.writeBuffer())
}
