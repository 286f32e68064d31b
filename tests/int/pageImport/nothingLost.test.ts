/**
 * The importer never loses a line without saying so: every non-empty line of
 * every page file ends up stored (in a page, its versions, the section, the
 * outside links or a notice) or is named in the import report with its line.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseSwedishDate } from '@/domain/swedishDate'
import { importPageFiles, type ImportReport } from '@/pageImport/importPages'
import { formatImportReport } from '@/pageImport/report'
import { startTestCms, type TestCms } from '../../helpers/payload'
import { readSeed, SEED_DIR, seedFiles } from '../../helpers/seeds'

/** A page file the seeds do not have: "Övriga länkar" with one entry without an address and one with. */
const EXTRA_FILE = 'extra_ovriga_lankar.txt'
const LINK_WITHOUT_ADDRESS = 'Socialstyrelsens statistikdatabas för socialtjänsten'
const extraPage = () =>
  readSeed('004_756308f4ad8fcee6.txt').replace(
    /\nSenast uppdaterad:/u,
    `\nÖvriga länkar\n\n${LINK_WITHOUT_ADDRESS}\n\nKolada (https://www.kolada.se)\n\nSenast uppdaterad:`,
  )
    .replace('Ekonomiskt bistånd\n', 'Ekonomiskt bistånd i korthet\n')

let cms: TestCms
let dir: string
let report: ImportReport
let stored: string
let reported: string

/** Every string in a stored document, rich text included, one per line. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const item of value) strings(item, out)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out)
  return out
}

const normalise = (text: string) => text.trim().replace(/^•\s*/u, '').replace(/\s+/gu, ' ')

beforeAll(async () => {
  cms = await startTestCms()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nothing-lost-'))
  for (const file of seedFiles()) fs.copyFileSync(path.join(SEED_DIR, file), path.join(dir, file))
  fs.writeFileSync(path.join(dir, EXTRA_FILE), extraPage())
  fs.writeFileSync(path.join(dir, 'LÄSMIG.md'), '# Inte en sidfil\n')
  report = await importPageFiles(cms.payload, [dir])
  const collections = ['sections', 'links', 'notices'] as const
  const docs: unknown[] = []
  docs.push(...(await cms.payload.findVersions({ collection: 'areas', pagination: false, depth: 0, overrideAccess: true })).docs)
  for (const collection of collections) docs.push(...(await cms.payload.find({ collection, pagination: false, depth: 0, overrideAccess: true })).docs)
  stored = strings(docs).map(normalise).join('\n')
  reported = formatImportReport(report)
})
afterAll(async () => {
  await cms?.cleanup()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Lines whose content is stored as structure, not as text: headings the CMS derives, and the dates. */
function storedAsStructure(line: string): boolean | string {
  if (/^(Årets|\d{4} års) resultat visar/u.test(line)) return true
  if (line === 'Övriga länkar') return true
  const section = /^Fler sidor inom (.+?):?$/u.exec(line)
  if (section) return stored.toLowerCase().includes(section[1]!.toLowerCase()) || `avsnittet "${section[1]}" saknas`
  const date = /^(Senast uppdaterad|Publicerad):?\s*(.+)$/u.exec(line)
  if (date) {
    const iso = parseSwedishDate(date[2]!)
    return (iso !== null && stored.includes(iso)) || `datumet ${date[2]} saknas`
  }
  // An outside link: its title and its address are stored apart.
  const link = /^(.*?)\s*\(?(https?:\/\/[^\s)]+)\)?$/u.exec(line)
  if (link) return (stored.includes(link[2]!) && stored.includes(link[1]!)) || `länken ${line} saknas`
  return false
}

/** A report line about this file that names this line ("rad 11", a range "rad 25–28") or quotes it (an older variant of a teaser). */
function namedInReport(file: string, lineNumber: number, line: string): boolean {
  return reported.split('\n').some(
    (entry) =>
      entry.includes(file) &&
      (entry.includes(`"${line}"`) || [...entry.matchAll(/rad (\d+)(?:–(\d+))?/gu)].some(([, from, to]) => Number(from) <= lineNumber && lineNumber <= Number(to ?? from))),
  )
}

describe('every non-empty line of every page file', () => {
  it('imports every file', () => {
    expect(report.files.filter((file) => file.action === 'fel')).toEqual([])
    expect(report.files).toHaveLength(seedFiles().length + 1)
  })

  for (const file of [...seedFiles(), EXTRA_FILE]) {
    it(`${file}: is stored or named in the report`, () => {
      const text = file === EXTRA_FILE ? extraPage() : readSeed(file)
      const lost: string[] = []
      text.split(/\r?\n/u).forEach((raw, index) => {
        const line = normalise(raw)
        if (line === '') return
        const structure = storedAsStructure(line)
        if (structure === true) return
        if (typeof structure === 'string') return lost.push(`rad ${index + 1}: ${structure}`)
        // A line joined into a paragraph is a part of the stored text; a named line is in the report.
        if (stored.includes(line)) return
        if (namedInReport(file, index + 1, line)) return
        lost.push(`rad ${index + 1}: ${line}`)
      })
      expect(lost).toEqual([])
    })
  }

  it('names a file in the folder that is not a page file', () => {
    expect(report.notes).toContain('Inte sidfiler (bara .txt importeras), hoppades över: LÄSMIG.md.')
  })

  it('keeps an "Övriga länkar" entry without an address, and the report names it', async () => {
    const area = (await cms.payload.find({ collection: 'areas', where: { title: { equals: 'Ekonomiskt bistånd i korthet' } }, overrideAccess: true, draft: true })).docs[0]!
    expect(area.otherLinks?.map((link) => ({ title: link.title, url: link.url ?? null }))).toEqual([
      { title: LINK_WITHOUT_ADDRESS, url: null },
      { title: 'Kolada', url: 'https://www.kolada.se' },
    ])
    const outcome = report.files.find((entry) => entry.file === EXTRA_FILE)!
    expect(outcome.warnings.filter((warning) => warning.includes(LINK_WITHOUT_ADDRESS))).toHaveLength(1)
    expect(reported).toContain(`Länken "${LINK_WITHOUT_ADDRESS}" under "Övriga länkar"`)
  })
})
