/**
 * From a results table to draft bullets: dry run, import, re-import, a
 * corrected table with an editor's change, bad files. Through the adapter
 * (src/results/importResults.ts) on a fresh database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importResults, type ResultImportOutcome } from '@/results/importResults'
import type { ResultMapping } from '@/results/mapping'
import type { StoredBullet } from '@/results/plan'
import { startTestCms, type TestCms } from '../helpers/payload'
import { indicatorCode, indicatorColumn, makeWideTable } from '../helpers/resultTables'
import { sheetToXlsx } from '../helpers/resultWorkbook'

let cms: TestCms
let areaId: number | string
const SLUG = 'ekonomiskt-bistand'
const KALMAR = { code: '0880', name: 'Kalmar kommun' }
const INDICATORS = 12

const mapping: ResultMapping = {
  sheet: 'Resultat per kommun',
  municipalityColumn: 'Kommunkod',
  countyColumn: 'Län',
  layout: 'wide',
  indicators: Array.from({ length: INDICATORS }, (_, index) => ({ column: indicatorColumn(index), indicator: indicatorCode(index) })),
}

beforeAll(async () => {
  cms = await startTestCms()
  const area = await cms.payload.create({
    collection: 'areas',
    data: {
      title: 'Ekonomiskt bistånd',
      slug: SLUG,
      _status: 'published',
      body: [{ blockType: 'resultSet', surveyYear: 2023, lead: 'visar att', bullets: [{ national: 'Gammalt resultat från 2023.', local: 'Kalmar svarade ja.' }] }],
    } as never,
    draft: false,
    overrideAccess: true,
  })
  areaId = area.id
  for (let index = 0; index < INDICATORS; index++) {
    await cms.payload.create({
      collection: 'indicators',
      data: {
        code: indicatorCode(index),
        name: `Testfråga ${index + 1}`,
        area: areaId,
        nationalTemplate: `{andel} procent av kommunerna har rutin ${index + 1}.`,
        localYes: `I {kommun} finns rutin ${index + 1}.`,
        localNo: `I {kommun} finns inte rutin ${index + 1}.`,
        localPartly: `I {kommun} finns rutin ${index + 1} delvis.`,
      } as never,
      overrideAccess: true,
    })
  }
})
afterAll(async () => cms?.cleanup())

const versionCount = async () => (await cms.payload.countVersions({ collection: 'areas', where: { parent: { equals: areaId } }, overrideAccess: true })).totalDocs
const draft = () => cms.payload.findByID({ collection: 'areas', id: areaId, draft: true, depth: 0, overrideAccess: true })
const live = () => cms.payload.findByID({ collection: 'areas', id: areaId, draft: false, depth: 0, overrideAccess: true })
const bullets2025 = async () =>
  ((await draft()).body!.find((block) => block.blockType === 'resultSet' && block.surveyYear === 2025) as { bullets: StoredBullet[] } | undefined)?.bullets ?? []

const run = async (bytes: Uint8Array, options: { dryRun?: boolean; fileName?: string; mapping?: ResultMapping | undefined; saveMapping?: boolean } = {}) =>
  importResults(cms.payload, {
    areaSlug: SLUG,
    year: 2025,
    dryRun: options.dryRun ?? false,
    municipality: KALMAR,
    source: { kind: 'table', bytes, fileName: options.fileName ?? 'oj-2025.xlsx', mapping: 'mapping' in options ? options.mapping : mapping, saveMapping: options.saveMapping },
  })

const ok = (outcome: ResultImportOutcome) => {
  if (!outcome.ok) throw new Error(outcome.error)
  return outcome
}

describe('results import from an XLSX table (290 municipalities × 12 indicators)', () => {
  let table: Uint8Array
  beforeAll(async () => {
    table = await sheetToXlsx(makeWideTable({ municipalities: 290, indicators: INDICATORS }))
  })

  it('a dry run shows the preview and writes nothing', async () => {
    const before = await versionCount()
    const outcome = ok(await run(table, { dryRun: true }))
    expect(outcome.written).toBe(false)
    expect(await versionCount()).toBe(before)
    expect(outcome.plan.bullets).toHaveLength(INDICATORS)
    expect(outcome.plan.bullets.every((bullet) => bullet.status === 'ny')).toBe(true)
    expect(outcome.preview).toContain('Förhandsvisning (provkörning – inget skrevs): resultat 2025 för "Ekonomiskt bistånd" (ekonomiskt-bistand)')
    expect(outcome.preview).toContain('Kalmar kommun (0880) på rad 5; 290 kommuner, ingen rad för riket (andelarna är beräknade ur kommunernas svar), 0 länsrader.')
    console.log(`\n--- dry-run preview (290 × 12) ---\n${outcome.preview}\n---`)
  })

  it('writes one draft result set with 12 suggested bullets; the live page is untouched', async () => {
    const liveBefore = JSON.stringify((await live()).body)
    const started = performance.now()
    const outcome = ok(await run(table, { saveMapping: true }))
    const elapsed = performance.now() - started
    console.log(`290 × 12 import into draft bullets: ${elapsed.toFixed(0)} ms (importResults reports ${outcome.durationMs} ms)`)
    expect(outcome.written).toBe(true)
    const bullets = await bullets2025()
    expect(bullets).toHaveLength(INDICATORS)
    const first = outcome.reading!.readings[0]!
    expect(bullets[0]).toMatchObject({
      national: `${first.national.percent} procent av kommunerna har rutin 1.`,
      indicator: { code: 'TEST-01', nationalPercent: first.national.percent, nationalPercentSuggested: true },
      imported: { pending: true, source: 'Socialstyrelsen, Öppna jämförelser 2025 (oj-2025.xlsx, blad "Resultat per kommun")' },
    })
    expect(bullets[0]!.imported!.basis).toContain(`Riket: ${first.national.percent} % beräknat ur kommunernas svar, ${first.national.answered} kommuner svarade (${first.national.yes} Ja)`)
    // Drafts only: the published version is what it was, and the draft is a draft.
    expect(JSON.stringify((await live()).body)).toBe(liveBefore)
    expect((await draft())._status).toBe('draft')
    // A content save like an editor's: the workflow says Utkast (it said Publicerad before), nobody is its editor yet.
    expect((await draft()).workflowState).toBe('draft')
    expect((await draft()).workflowEditors ?? []).toEqual([])
    // The older year stays, after the new one.
    expect((await draft()).body!.map((block) => (block as { surveyYear?: number }).surveyYear)).toEqual([2025, 2023])
  })

  it('saved the mapping for the area, and uses it without --mapping', async () => {
    const saved = await cms.payload.find({ collection: 'result-mappings', where: { area: { equals: areaId } }, overrideAccess: true })
    expect(saved.totalDocs).toBe(1)
    expect(saved.docs[0]!.fileName).toBe('oj-2025.xlsx')
    const outcome = ok(await run(table, { mapping: undefined, dryRun: true }))
    expect(outcome.plan.bullets.every((bullet) => bullet.status === 'oförändrad')).toBe(true)
  })

  it('importing the same table again changes nothing', async () => {
    const before = await versionCount()
    const revision = (await draft()).revision
    const outcome = ok(await run(table))
    expect(outcome.written).toBe(false)
    expect(outcome.plan.changed).toBe(false)
    expect(await versionCount()).toBe(before)
    expect((await draft()).revision).toBe(revision)
    expect(outcome.preview).toContain('Inget att ändra: utkastet har redan dessa värden.')
  })

  it('a corrected table updates the suggestions but keeps what an editor changed, shown as a conflict', async () => {
    const current = await draft()
    const body = structuredClone(current.body!) as { blockType: string; surveyYear?: number; bullets?: StoredBullet[] }[]
    const set = body.find((block) => block.surveyYear === 2025)!
    set.bullets![0]!.local = 'Redaktörens egen mening.'
    await cms.payload.update({ collection: 'areas', id: areaId, data: { body } as never, draft: true, overrideAccess: true })

    // Kalmar's answers flip and every municipality's answer to question 2 becomes "Ja".
    const corrected = makeWideTable({ municipalities: 290, indicators: INDICATORS })
    const header = corrected.rows.findIndex((row) => row[0] === 'Kommunkod')
    corrected.rows[header + 1] = corrected.rows[header + 1]!.map((cell, index) => (index >= 3 ? (cell === 'Ja' ? 'Nej' : 'Ja') : cell))
    for (const row of corrected.rows.slice(header + 1)) row[4] = 'Ja'
    const outcome = ok(await run(await sheetToXlsx(corrected), { fileName: 'oj-2025-rättad.xlsx' }))
    expect(outcome.written).toBe(true)
    expect(outcome.plan.bullets[0]!.status).toBe('konflikt')
    expect(outcome.plan.bullets[1]!.status).toBe('ändrad')
    const bullets = await bullets2025()
    expect(bullets[0]!.local).toBe('Redaktörens egen mening.')
    expect(bullets[1]!.national).toBe('100 procent av kommunerna har rutin 2.')
    expect(outcome.preview).toContain('! Kommunens svar: ändrad av en redaktör, behålls: "Redaktörens egen mening."')
    expect(outcome.preview).toContain('Andel kommuner (%):')
  })
})

describe('bad files and requests are refused with a Swedish message and write nothing', () => {
  const refused = async (bytes: Uint8Array, fileName: string, extra: Partial<Parameters<typeof run>[1]> = {}) => {
    const before = await versionCount()
    const outcome = await run(bytes, { fileName, ...extra })
    expect(outcome.ok).toBe(false)
    expect(await versionCount()).toBe(before)
    return outcome.ok ? '' : outcome.error
  }

  it('not a spreadsheet', async () => {
    expect(await refused(new Uint8Array(Buffer.from('%PDF-1.7\n\0')), 'rapport.pdf')).toBe('rapport.pdf: filen är inget kalkylblad som kan läsas (XLSX eller CSV).')
  })

  it('a header row that is not there', async () => {
    const bytes = await sheetToXlsx(makeWideTable({ municipalities: 20, indicators: 2 }))
    expect(await refused(bytes, 'fel-rad.xlsx', { mapping: { ...mapping, headerRow: 2 } })).toContain('Rubrikraden (rad 2) i bladet "Resultat per kommun" har ingen kolumn "Kommunkod". Den finns på rad 4')
  })

  it('the municipality not in the table', async () => {
    const sheet = makeWideTable({ municipalities: 20, indicators: 2 })
    const header = sheet.rows.findIndex((row) => row[0] === 'Kommunkod')
    sheet.rows.splice(header + 1, 1)
    expect(await refused(await sheetToXlsx(sheet), 'utan-kalmar.xlsx')).toContain('Kalmar kommun (kommunkod 0880) finns inte i bladet')
  })

  it('an area without a saved mapping and none given', async () => {
    const other = await cms.payload.create({ collection: 'areas', data: { title: 'Annat område', slug: 'annat-omrade' } as never, draft: true, overrideAccess: true })
    const outcome = await importResults(cms.payload, {
      areaSlug: 'annat-omrade',
      year: 2025,
      dryRun: false,
      municipality: KALMAR,
      source: { kind: 'table', bytes: await sheetToXlsx(makeWideTable({ municipalities: 5, indicators: 1 })), fileName: 'a.xlsx' },
    })
    expect(outcome).toEqual({ ok: false, error: '"Annat område" har ingen sparad mappning. Ange en med --mapping <fil> eller spara den i Importera resultat.' })
    expect(other.id).toBeDefined()
  })

  it('a CSV table imports the same way (";" and decimal comma)', async () => {
    const csv = ['Kommunkod;Kommun;Län;Fråga 1', '0880;Kalmar;Kalmar län;Ja', '0881;Nybro;Kalmar län;Nej', 'Riket;;;"41,5"'].join('\r\n')
    const outcome = ok(await run(new Uint8Array(Buffer.from('\uFEFF' + csv)), { fileName: 'oj.csv', dryRun: true, mapping: { ...mapping, sheet: undefined, indicators: [mapping.indicators[0]!] } }))
    expect(outcome.reading!.readings[0]!.national).toMatchObject({ percent: 41.5, source: 'table' })
  })
})
