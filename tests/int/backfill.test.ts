import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backfillPublished } from '@/delivery/backfill'
import { getPublishedContent } from '@/runtime/delivery'
import { deliveryState } from '@/delivery/state'
import { startTestCms, type TestCms } from '../helpers/payload'

let cms: TestCms

beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => cms?.cleanup())

describe('pages published before snapshots and the record existed', () => {
  it('get a snapshot and a record from Payload’s published versions at the server’s start', async () => {
    const area = await cms.payload.create({
      collection: 'areas',
      data: { title: 'Äldre sida', slug: 'aldre-sida', body: [{ blockType: 'resultSet', surveyYear: 2020, bullets: [{ national: 'N', local: 'K 1' }] }], _status: 'published' } as never,
      overrideAccess: true,
    })
    await cms.payload.update({ collection: 'areas', id: area.id, data: { teaser: 'Andra versionen', _status: 'published' } as never, overrideAccess: true })
    // As a database from before these collections: no snapshot, no record (adapter-level removal; the API refuses it).
    await cms.payload.delete({ collection: 'published-snapshots', where: { areaId: { equals: String(area.id) } }, overrideAccess: true })
    await cms.payload.db.deleteMany({ collection: 'publication-history', where: { areaId: { equals: String(area.id) } } })
    deliveryState().catalog = null

    // What src/instrumentation.ts runs when the server starts; reading the catalog no longer writes.
    await backfillPublished(cms.payload)
    const catalog = await getPublishedContent()
    expect(catalog.areaPage('aldre-sida')?.teaser).toBe('Andra versionen')
    expect(catalog.versionList('aldre-sida')?.items.map((item) => [item.number, item.summary])).toEqual([
      [1, 'Första publiceringen.'],
      [2, 'Ändrat: ingressen i länklistor.'],
    ])
    expect((await cms.payload.count({ collection: 'published-snapshots', overrideAccess: true })).totalDocs).toBe(1)
  })
})
