/**
 * Kolada: the client against a stub server on 127.0.0.1 (paging, an empty
 * result, a null value, retries with backoff on 5xx, a 4xx), and the import
 * through it, which writes nothing when any page fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fetchKoladaValues, KoladaError, koladaDataPath, koladaSuggestions } from '@/results/kolada'
import { importKoladaResults } from '@/results/koladaImport'
import type { StoredBullet } from '@/results/plan'
import { koladaValue, startKoladaStub, type KoladaStub } from '../helpers/koladaStub'
import { startTestCms, type TestCms } from '../helpers/payload'

let stub: KoladaStub
let cms: TestCms
let areaId: number | string

beforeAll(async () => {
  stub = await startKoladaStub()
  cms = await startTestCms()
  areaId = (await cms.payload.create({ collection: 'areas', data: { title: 'Ekonomiskt bistånd', slug: 'ekonomiskt-bistand' } as never, draft: true, overrideAccess: true })).id
  const indicator = (code: string, koladaKpi: string, extra: object) =>
    cms.payload.create({ collection: 'indicators', data: { code, name: code, area: areaId, koladaKpi, nationalTemplate: `{andel} procent av kommunerna: ${code}.`, ...extra } as never, overrideAccess: true })
  await indicator('EB-JOUR', 'U31401', { localYes: 'I {kommun} finns jour.', localNo: 'I {kommun} finns ingen jour.' })
  await indicator('EB-ANDEL', 'N31807', { localPercentTemplate: 'I {kommun} är andelen {värde} procent.' })
})
afterAll(async () => {
  await stub?.close()
  await cms?.cleanup()
})

// The client asks for the KPIs in sorted order.
const PATH_2025 = koladaDataPath(['N31807', 'U31401'], '0880', 2025)
const waits: number[] = []
const client = () => ({ baseUrl: stub.url, retryBaseMs: 10, sleep: async (ms: number) => void waits.push(ms) })

describe('Kolada client (stub server)', () => {
  it('follows next_page and returns every page\'s values', async () => {
    const path = koladaDataPath(['U31401'], '0880', 2024)
    stub.answer(path, { status: 200, body: { values: [koladaValue('U31401', '0880', 2024, 1)], count: 2, next_page: `${stub.url}/v2/page-2` } })
    stub.answer('/v2/page-2', { status: 200, body: { values: [koladaValue('U31401', '0000', 2024, 0.37)], count: 2 } })
    const values = await fetchKoladaValues(client(), { kpis: ['U31401'], municipalityCode: '0880', year: 2024 })
    expect(values.map((value) => value.municipality)).toEqual(['0880', '0000'])
  })

  it('an empty result is no values, not an error', async () => {
    const path = koladaDataPath(['U31401'], '0880', 2010)
    stub.answer(path, { status: 200, body: { values: [], count: 0 } })
    expect(await fetchKoladaValues(client(), { kpis: ['U31401'], municipalityCode: '0880', year: 2010 })).toEqual([])
  })

  it('retries a 5xx with doubling waits, then succeeds', async () => {
    const path = koladaDataPath(['U31401'], '0880', 2023)
    stub.answer(path, { status: 503, body: 'upptagen' }, { status: 502, body: 'upptagen' }, { status: 200, body: { values: [koladaValue('U31401', '0880', 2023, 0)] } })
    waits.length = 0
    const values = await fetchKoladaValues(client(), { kpis: ['U31401'], municipalityCode: '0880', year: 2023 })
    expect(values).toHaveLength(1)
    expect(waits).toEqual([10, 20])
  })

  it('gives up after the last attempt, and a 4xx is not retried', async () => {
    const path = koladaDataPath(['U31401'], '0880', 2022)
    stub.answer(path, { status: 500, body: 'fel' })
    await expect(fetchKoladaValues(client(), { kpis: ['U31401'], municipalityCode: '0880', year: 2022 })).rejects.toThrow(
      /^Kolada svarade 500 efter 4 försök .*importen avbröts utan att något skrevs/,
    )
    const bad = koladaDataPath(['X'], '0880', 2022)
    stub.answer(bad, { status: 400, body: { error: 'bad kpi' } })
    const before = stub.requests.length
    await expect(fetchKoladaValues(client(), { kpis: ['X'], municipalityCode: '0880', year: 2022 })).rejects.toBeInstanceOf(KoladaError)
    expect(stub.requests.length - before).toBe(1)
  })

  it('reads the total, a yes/no KPI as Ja/Nej with the country\'s share, and a null value as missing', () => {
    const { suggestions, notes } = koladaSuggestions(
      [koladaValue('U31401', '0880', 2025, 1), koladaValue('U31401', '0000', 2025, 0.615), koladaValue('N31807', '0880', 2025, null, 'Missing'), koladaValue('N31807', '0000', 2025, 48.2)],
      [
        { code: 'EB-JOUR', koladaKpi: 'U31401', yesNo: true },
        { code: 'EB-ANDEL', koladaKpi: 'N31807', yesNo: false },
      ],
      '0880',
      2025,
      '2026-12-02T10:00:00.000Z',
    )
    expect(suggestions.map(({ indicator, nationalPercent, local }) => ({ indicator, nationalPercent, local }))).toEqual([
      { indicator: 'EB-JOUR', nationalPercent: 61.5, local: { kind: 'yes' } },
      { indicator: 'EB-ANDEL', nationalPercent: 48.2, local: { kind: 'missing', mark: 'Missing' } },
    ])
    expect(suggestions[0]!.basis).toBe('Källa: Kolada, U31401, 2025, läst 2026-12-02 10:00; riket: 290 kommuner.')
    expect(notes).toEqual(['EB-ANDEL: Kolada (N31807) har inget värde för kommunen 2025; kommunens svar lämnas tomt.'])
  })
})

describe('npm run import:results -- --kolada', () => {
  const bullets = async () => {
    const doc = await cms.payload.findByID({ collection: 'areas', id: areaId, draft: true, depth: 0, overrideAccess: true })
    return ((doc.body ?? []).find((block) => block.blockType === 'resultSet') as { bullets: StoredBullet[] } | undefined)?.bullets ?? []
  }

  it('writes nothing when a later page fails (never a partial write)', async () => {
    stub.answer(PATH_2025, { status: 200, body: { values: [koladaValue('U31401', '0880', 2025, 1)], next_page: '/v2/broken' } })
    stub.answer('/v2/broken', { status: 503, body: 'fel' })
    const outcomes = await importKoladaResults(cms.payload, { year: 2025, dryRun: false, client: client() })
    expect(outcomes).toEqual([{ ok: false, error: expect.stringMatching(/^Kolada svarade 503 efter 4 försök \(.*\/v2\/broken\); importen avbröts utan att något skrevs/) }])
    expect(stub.requests).toContain(PATH_2025)
    expect(await bullets()).toEqual([])
  })

  it('writes draft bullets with the source, the KPI and the time it was read', async () => {
    stub.answer(PATH_2025, {
      status: 200,
      body: { values: [koladaValue('U31401', '0880', 2025, 0), koladaValue('U31401', '0000', 2025, 0.4), koladaValue('N31807', '0880', 2025, 55.5), koladaValue('N31807', '0000', 2025, 48.2)], count: 4 },
    })
    const now = new Date('2026-12-02T10:15:00.000Z')
    const [outcome] = await importKoladaResults(cms.payload, { year: 2025, dryRun: false, client: client(), now })
    expect(outcome!.ok ? 'ok' : outcome!.error).toBe('ok')
    const [andel, jour] = await bullets()
    expect(jour).toMatchObject({
      national: '40 procent av kommunerna: EB-JOUR.',
      local: 'I Kalmar finns ingen jour.',
      indicator: { code: 'EB-JOUR', nationalPercent: 40, localValue: 'nej', nationalPercentSuggested: true },
      imported: { pending: true, source: 'Källa: Kolada, KPI U31401, läst 2026-12-02T10:15:00.000Z' },
    })
    expect(andel).toMatchObject({ local: 'I Kalmar är andelen 55,5 procent.', indicator: { localValue: '55,5 %', nationalPercent: 48.2 } })
    // Read again later with the same figures: nothing changes.
    const [again] = await importKoladaResults(cms.payload, { year: 2025, dryRun: false, client: client(), now: new Date('2026-12-03T08:00:00.000Z') })
    expect(again!.ok && again!.written).toBe(false)
  })
})
