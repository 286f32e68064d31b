import { deflateRawSync } from 'node:zlib'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { MAX_CELLS, readTableFile } from '@/results/readFile'

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  build(book)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const message = async (bytes: Uint8Array, name: string) => {
  try {
    await readTableFile(bytes, name)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the file to be refused')
}

/** A minimal zip with the given entries (stored or deflated), for packages exceljs would never write. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean }[]): Uint8Array {
  const local: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const body = entry.deflate ? deflateRawSync(entry.data) : entry.data
    const name = Buffer.from(entry.name)
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(entry.deflate ? 8 : 0, 8)
    header.writeUInt32LE(body.length, 18)
    header.writeUInt32LE(entry.data.length, 22)
    header.writeUInt16LE(name.length, 26)
    local.push(header, name, body)
    const record = Buffer.alloc(46)
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(entry.deflate ? 8 : 0, 10)
    record.writeUInt32LE(body.length, 20)
    record.writeUInt32LE(entry.data.length, 24)
    record.writeUInt16LE(name.length, 28)
    record.writeUInt32LE(offset, 42)
    central.push(record, name)
    offset += 30 + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...local, directory, end]))
}

describe('readTableFile: XLSX', () => {
  it('reads every sheet, numbers as numbers, a percent format as percent, and a formula\'s stored value (never evaluated)', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Om statistiken').addRow(['Text'])
      const sheet = book.addWorksheet('Resultat per kommun')
      sheet.addRow(['Kommunkod', 'Andel', 'Svar', 'Summa'])
      sheet.addRow([880, 0.375, 'Ja', { formula: '1+1', result: 7 }])
      sheet.getCell('B2').numFmt = '0.0%'
      sheet.addRow([881, 0.4, 'Nej', { formula: 'A1*2' }])
    })
    const result = await readTableFile(bytes, 'resultat.xlsx')
    expect(result.format).toBe('xlsx')
    expect(result.sheets.map((sheet) => sheet.name)).toEqual(['Om statistiken', 'Resultat per kommun'])
    expect(result.sheets[1]!.rows).toEqual([
      ['Kommunkod', 'Andel', 'Svar', 'Summa'],
      [880, 37.5, 'Ja', 7],
      [881, 0.4, 'Nej', null],
    ])
    expect(result.notes).toEqual(['1 celler har en formel utan sparat värde och räknas som saknade (formler beräknas aldrig här; öppna och spara filen i Excel).'])
  })

  it('refuses a workbook over 200 000 cells', async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet('Stor')
      const row = Array.from({ length: 100 }, () => 1)
      for (let index = 0; index <= MAX_CELLS / 100; index++) sheet.addRow(row)
    })
    expect(await message(bytes, 'stor.xlsx')).toBe('stor.xlsx: arbetsboken har fler än 200 000 celler; en resultattabell har färre. Ta bort blad som inte behövs.')
  }, 60_000)

  it('refuses a macro workbook', async () => {
    const bytes = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/vbaProject.bin', data: Buffer.from('makro') },
    ])
    expect(await message(bytes, 'makro.xlsm')).toBe('makro.xlsm: arbetsboken innehåller makron (.xlsm). Spara den som vanlig Excel-arbetsbok (.xlsx) och försök igen.')
  })

  it('refuses a zip bomb from its table of contents, before unpacking', async () => {
    const bytes = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20), deflate: true },
    ])
    expect(bytes.byteLength).toBeLessThan(100_000)
    expect(await message(bytes, 'bomb.xlsx')).toBe('bomb.xlsx: arbetsboken packas upp till mycket mer än en resultattabell rymmer (möjlig zip-bomb) och läses inte.')
  })

  it('refuses a password-protected workbook and the old .xls format, with what to do', async () => {
    const cfb = Buffer.alloc(2048)
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb)
    const encrypted = Buffer.from(cfb)
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024)
    expect(await message(new Uint8Array(encrypted), 'hemlig.xlsx')).toContain('hemlig.xlsx: arbetsboken är lösenordsskyddad.')
    expect(await message(new Uint8Array(cfb), 'gammal.xls')).toContain('gammal.xls: filen är i det gamla Excel-formatet (.xls).')
  })

  it('refuses what is not a spreadsheet, and a file over 10 MB', async () => {
    expect(await message(new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0')), 'bild.png')).toBe('bild.png: filen är inget kalkylblad som kan läsas (XLSX eller CSV).')
    expect(await message(zip([{ name: 'a.txt', data: Buffer.from('a') }]), 'arkiv.xlsx')).toBe('arkiv.xlsx: filen är ett zip-arkiv men ingen Excel-arbetsbok.')
    expect(await message(new Uint8Array(10 * 1024 * 1024 + 1), 'stor.csv')).toContain('stor.csv: filen är 10.0 MB; högst 10 MB tas emot.')
  })
})

describe('readTableFile: CSV', () => {
  it('reads ";" with quotes, a BOM and a decimal comma', async () => {
    const text = '\uFEFFKommunkod;Kommun;"Fråga; med semikolon"\r\n0880;Kalmar;"Ja"\r\n0881;"Nybro ""N""";37,5\r\n'
    const result = await readTableFile(new Uint8Array(Buffer.from(text, 'utf8')), 'resultat.csv')
    expect(result.format).toBe('csv')
    expect(result.sheets[0]!.rows.slice(0, 3)).toEqual([
      ['Kommunkod', 'Kommun', 'Fråga; med semikolon'],
      ['0880', 'Kalmar', 'Ja'],
      ['0881', 'Nybro "N"', '37,5'],
    ])
  })

  it('reads "," and Windows-1252 (Excel\'s older CSV export)', async () => {
    const bytes = Buffer.from('Kommun,Län\r\nVäxjö,Kronobergs län\r\n', 'latin1')
    const result = await readTableFile(new Uint8Array(bytes), 'gammal.csv')
    expect(result.sheets[0]!.rows[1]).toEqual(['Växjö', 'Kronobergs län'])
  })
})
