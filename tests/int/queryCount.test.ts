import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getPublishedContent } from '@/runtime/delivery'
import { startTestCms, type TestCms } from '../helpers/payload'

let cms: TestCms
const calls: string[] = []

/** Counts every call into the database adapter (adapter-neutral: its public methods). */
function countAdapterCalls(adapter: Record<string, unknown>) {
  for (const name of ['find', 'findOne', 'findVersions', 'findGlobal', 'count', 'countVersions', 'queryDrafts', 'findDistinct']) {
    const original = adapter[name]
    if (typeof original !== 'function') continue
    adapter[name] = (...args: unknown[]) => {
      calls.push(name)
      return (original as (...a: unknown[]) => unknown).apply(adapter, args)
    }
  }
}

beforeAll(async () => {
  cms = await startTestCms()
  const links = []
  for (let index = 0; index < 30; index++) {
    links.push(await cms.payload.create({ collection: 'links', data: { title: `Länk ${index}`, teaser: 'Ingress', url: 'https://kalmar.se' }, overrideAccess: true }))
  }
  const areas = []
  for (let index = 0; index < 10; index++) {
    const area = await cms.payload.create({
      collection: 'areas',
      data: { title: `Sida ${index}`, slug: `sida-${index}`, body: [{ blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'N', local: 'K' }] }], _status: 'published' } as never,
      overrideAccess: true,
    })
    // More published versions: their number must not matter either.
    for (let version = 0; version < 3; version++) {
      await cms.payload.update({ collection: 'areas', id: area.id, data: { teaser: `Version ${version}`, _status: 'published' } as never, overrideAccess: true })
    }
    areas.push(area)
  }
  await cms.payload.create({
    collection: 'sections',
    data: { title: 'Avsnitt', slug: 'avsnitt', members: [...areas.map((area) => ({ relationTo: 'areas', value: area.id })), ...links.map((link) => ({ relationTo: 'links', value: link.id }))] } as never,
    overrideAccess: true,
  })
  await getPublishedContent()
  countAdapterCalls(cms.payload.db as unknown as Record<string, unknown>)
})
afterAll(async () => cms?.cleanup())

describe('database queries per published read', () => {
  it('are none: a page with 39 related pages and 4 versions each, a list and a section are served from the catalog', async () => {
    calls.length = 0
    for (const path of ['/areas/sida-3', '/areas?limit=20', '/sections/avsnitt', '/areas/sida-9', '/areas/finns-inte']) {
      const response = await cms.rest.v1(path)
      expect(response.status).toBeLessThan(500)
    }
    const page = await (await cms.rest.v1('/areas/sida-3')).json()
    expect(page.related).toHaveLength(39)
    // Within the check interval for other processes' writes (2 s) there is no database work at all.
    expect(calls, calls.join(', ')).toEqual([])
    // The counter does count: Payload's own REST read of the same page goes to the database.
    await cms.rest.get('/areas?where[slug][equals]=sida-3')
    expect(calls.length).toBeGreaterThan(0)
  })
})
