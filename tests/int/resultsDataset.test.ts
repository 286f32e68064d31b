/**
 * From a table to the public page and the open dataset: import as draft,
 * nothing public yet; an editor confirms the bullets and submits, a reviewer
 * approves and publishes; then the page and the dataset (CSV, XLSX, JSON,
 * DCAT) show the figures. The dataset is parsed back with a real CSV and XLSX
 * reader and compared with the published page.
 */
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importResults } from '@/results/importResults'
import { startTestCms, type TestCms } from '../helpers/payload'
import { indicatorCode, indicatorColumn, makeWideTable } from '../helpers/resultTables'
import { sheetToXlsx } from '../helpers/resultWorkbook'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let areaId: number | string
const SLUG = 'socialpsykiatri'
const users: Record<'editor' | 'reviewer', TestUser & { token: string }> = {} as never

beforeAll(async () => {
  cms = await startTestCms()
  await createUser(cms.payload, ['admin'])
  for (const role of ['editor', 'reviewer'] as const) {
    const user = await createUser(cms.payload, [role])
    users[role] = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  }
  const area = await cms.payload.create({ collection: 'areas', data: { title: 'Socialpsykiatri', slug: SLUG, _status: 'published', body: [] } as never, draft: false, overrideAccess: true })
  areaId = area.id
  for (let index = 0; index < 3; index++) {
    await cms.payload.create({
      collection: 'indicators',
      data: { code: indicatorCode(index), name: `Fråga ${index + 1}`, area: areaId, nationalTemplate: `{andel} procent av kommunerna svarar ja på fråga ${index + 1}.`, localYes: 'I {kommun}: ja.', localNo: 'I {kommun}: nej.', localPartly: 'I {kommun}: delvis.' } as never,
      overrideAccess: true,
    })
  }
})
afterAll(async () => cms?.cleanup())

const transition = (as: TestUser & { token: string }, name: string) => cms.rest.post(`/areas/${areaId}/workflow`, { token: as.token, body: { transition: name } })
const draft = () => cms.payload.findByID({ collection: 'areas', id: areaId, draft: true, depth: 0, overrideAccess: true })
const v1Text = async (path: string) => {
  const response = await cms.rest.v1(path)
  expect(response.status, path).toBe(200)
  return response.text()
}

describe('results: from the table through review to the public page and the dataset', () => {
  it('imports as a draft: the public page and the dataset do not change', async () => {
    const before = await v1Text('/datasets/results.csv')
    const outcome = await importResults(cms.payload, {
      areaSlug: SLUG,
      year: 2025,
      dryRun: false,
      municipality: { code: '0880', name: 'Kalmar kommun' },
      source: {
        kind: 'table',
        bytes: await sheetToXlsx(makeWideTable({ municipalities: 290, indicators: 3 })),
        fileName: 'oj.xlsx',
        mapping: { municipalityColumn: 'Kommunkod', layout: 'wide', indicators: [0, 1, 2].map((index) => ({ column: indicatorColumn(index), indicator: indicatorCode(index) })) },
      },
    })
    expect(outcome.ok && outcome.written).toBe(true)
    const page = JSON.parse(await v1Text(`/areas/${SLUG}`))
    expect(page.body).toEqual([])
    expect(await v1Text('/datasets/results.csv')).toBe(before)
  })

  it('an editor confirms the three bullets and submits; a reviewer approves and publishes', async () => {
    const current = await draft()
    const body = structuredClone(current.body!) as { bullets?: { imported?: { pending?: boolean | null }; indicator?: { nationalPercentSuggested?: boolean | null } }[] }[]
    for (const bullet of body[0]!.bullets!) {
      bullet.imported!.pending = false
      bullet.indicator!.nationalPercentSuggested = false
    }
    const save = await cms.rest.patch(`/areas/${areaId}?draft=true`, { token: users.editor.token, body: { body, revision: current.revision } })
    expect(save.status, await save.clone().text()).toBe(200)
    expect((await transition(users.editor, 'submit')).status).toBe(200)
    expect((await transition(users.reviewer, 'approve')).status).toBe(200)
    expect((await transition(users.reviewer, 'publish')).status).toBe(200)
  })

  it('the public page shows the bullets with their confirmed figures', async () => {
    const page = JSON.parse(await v1Text(`/areas/${SLUG}`))
    const set = page.body.find((block: { type: string }) => block.type === 'resultSet')
    expect(set.surveyYear).toBe(2025)
    expect(set.bullets).toHaveLength(3)
    for (const bullet of set.bullets) expect(bullet.indicator.nationalPercent).toEqual(expect.any(Number))
  })

  it('round trip: the CSV, XLSX and JSON, read back with real readers, are the published bullets', async () => {
    const page = JSON.parse(await v1Text(`/areas/${SLUG}`))
    const published = page.body
      .filter((block: { type: string }) => block.type === 'resultSet')
      .flatMap((block: { surveyYear: number; bullets: { national: string; local: string | null; indicator?: { code: string | null; nationalPercent: number | null; localValue: string | null } }[] }) =>
        block.bullets.map((bullet) => ({
          surveyYear: block.surveyYear,
          indicatorCode: bullet.indicator?.code ?? null,
          nationalPercent: bullet.indicator?.nationalPercent ?? null,
          localValue: bullet.indicator?.localValue ?? null,
          national: bullet.national,
          local: bullet.local,
        })),
      )
    const pick = (row: Record<string, unknown>) => ({
      surveyYear: Number(row.surveyYear),
      indicatorCode: row.indicatorCode || null,
      nationalPercent: row.nationalPercent === '' || row.nationalPercent == null ? null : Number(row.nationalPercent),
      localValue: row.localValue || null,
      national: row.national,
      local: row.local || null,
    })

    const csv = parse(await v1Text('/datasets/results.csv'), { bom: true, columns: true }) as Record<string, string>[]
    expect(csv.map(pick)).toEqual(published)
    expect(csv.every((row) => row.area === 'Socialpsykiatri' && row.publishedAt === page.lastPublishedAt)).toBe(true)
    expect(csv[0]!.indicatorName).toBe('Fråga 1')
    const perArea = parse(await v1Text(`/areas/${SLUG}/results.csv`), { bom: true, columns: true }) as Record<string, string>[]
    expect(perArea).toEqual(csv)

    const json = JSON.parse(await v1Text('/datasets/results.json'))
    expect(json.items.map(pick)).toEqual(published)

    const xlsx = await cms.rest.v1('/datasets/results.xlsx')
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await xlsx.arrayBuffer()) as never)
    const sheet = book.getWorksheet('Resultat')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[]
    const rows: Record<string, unknown>[] = []
    sheet.eachRow((row, number) => {
      if (number === 1) return
      rows.push(Object.fromEntries(header.map((name, index) => [name, row.getCell(index + 1).value])))
    })
    expect(rows.map(pick)).toEqual(published)
    const etag = xlsx.headers.get('etag')!
    expect((await cms.rest.v1('/datasets/results.xlsx', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })

  it('the DCAT description lists the distributions and the years covered', async () => {
    const doc = JSON.parse(await v1Text('/datasets/catalog.jsonld'))
    const dataset = doc['dcat:dataset'][0]
    expect(dataset['dcterms:temporal']['dcat:startDate']['@value']).toBe('2025-01-01')
    expect(dataset['dcat:distribution']).toHaveLength(3)
  })
})
