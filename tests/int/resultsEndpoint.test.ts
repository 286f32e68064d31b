/** The admin's "Importera resultat" endpoint over REST: who may, a preview, an import, refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { indicatorCode, indicatorColumn, makeWideTable } from '../helpers/resultTables'
import { sheetToXlsx } from '../helpers/resultWorkbook'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let areaId: number | string
let file: string[]
const users: Record<'editor' | 'reviewer', TestUser & { token: string }> = {} as never
const mapping = { municipalityColumn: 'Kommunkod', countyColumn: 'Län', layout: 'wide', indicators: [{ column: indicatorColumn(0), indicator: indicatorCode(0) }] }

beforeAll(async () => {
  cms = await startTestCms()
  await createUser(cms.payload, ['admin'])
  for (const role of ['editor', 'reviewer'] as const) {
    const user = await createUser(cms.payload, [role])
    users[role] = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  }
  areaId = (await cms.payload.create({ collection: 'areas', data: { title: 'Område', slug: 'omrade' } as never, draft: true, overrideAccess: true })).id
  await cms.payload.create({ collection: 'indicators', data: { code: indicatorCode(0), name: 'Fråga 1', nationalTemplate: '{andel} procent av kommunerna.', localYes: 'Ja i {kommun}.', localNo: 'Nej i {kommun}.', localPartly: 'Delvis i {kommun}.' } as never, overrideAccess: true })
  const bytes = Buffer.from(await sheetToXlsx(makeWideTable({ municipalities: 290, indicators: 1 })))
  file = [bytes.subarray(0, 10_000).toString('base64'), bytes.subarray(10_000).toString('base64')]
})
afterAll(async () => cms?.cleanup())

const post = (token: string | undefined, body: object) => cms.rest.post(`/areas/${areaId}/import-results`, { token, body })
const body = (extra: object = {}) => ({ fileName: 'oj.xlsx', file, year: 2025, mapping, dryRun: true, saveMapping: true, ...extra })

describe('POST /api/areas/:id/import-results', () => {
  it('is for editors and admins only', async () => {
    expect((await post(undefined, body())).status).toBe(401)
    const reviewer = await post(users.reviewer.token, body())
    expect(reviewer.status).toBe(403)
    expect((await reviewer.json()).message).toBe('Bara redaktörer och administratörer kan importera resultat.')
  })

  it('previews (file in base64 chunks), then imports as a draft and saves the mapping', async () => {
    const preview = await post(users.editor.token, body())
    expect(preview.status).toBe(200)
    const answer = await preview.json()
    expect(answer).toMatchObject({ written: false, changed: true, bullets: [{ indicator: 'TEST-01', status: 'ny', position: 1 }] })
    expect(answer.preview).toContain('Förhandsvisning (provkörning – inget skrevs)')
    expect((await cms.rest.get(`/areas/${areaId}/import-results`, { token: users.editor.token }).then((response) => response.json())).mapping).toBeNull()

    const imported = await (await post(users.editor.token, body({ dryRun: false }))).json()
    expect(imported.written).toBe(true)
    const draft = await cms.payload.findByID({ collection: 'areas', id: areaId, draft: true, depth: 0, overrideAccess: true })
    expect(draft._status).toBe('draft')
    expect((draft.body![0] as { bullets: unknown[] }).bullets).toHaveLength(1)
    const saved = await cms.rest.get(`/areas/${areaId}/import-results`, { token: users.editor.token }).then((response) => response.json())
    expect(saved.mapping).toMatchObject({ municipalityColumn: 'Kommunkod', indicators: [{ column: 'Fråga 1', indicator: 'TEST-01' }] })
  })

  it('refuses a bad mapping and a bad file with a Swedish message naming what to fix', async () => {
    const badMapping = await post(users.editor.token, body({ mapping: { municipalityColumn: 'Kommunkod', indicators: [] } }))
    expect(badMapping.status).toBe(400)
    expect((await badMapping.json()).message).toBe('Mappningen är ogiltig: indicators: Ange minst en indikator i "indicators".')
    const badFile = await post(users.editor.token, body({ fileName: 'bild.png', file: [Buffer.from('\x89PNG\r\n\x1a\n\0').toString('base64')] }))
    expect(badFile.status).toBe(400)
    expect((await badFile.json()).message).toBe('bild.png: filen är inget kalkylblad som kan läsas (XLSX eller CSV).')
    const noYear = await post(users.editor.token, body({ year: 'i år' }))
    expect(noYear.status).toBe(400)
  })
})
