import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ContentApiError, createContentClient } from '@/client'
import { startTestCms, type TestCms } from '../helpers/payload'

let cms: TestCms
const requests: { url: string; status: number }[] = []

beforeAll(async () => {
  cms = await startTestCms()
  const area = await cms.payload.create({
    collection: 'areas',
    data: { title: 'Ekonomiskt bistånd', slug: 'ekonomiskt-bistand', teaser: 'Om bistånd', body: [{ blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'N', local: 'K' }] }], _status: 'published' } as never,
    overrideAccess: true,
  })
  await cms.payload.create({ collection: 'sections', data: { title: 'Jämförelser', slug: 'jamforelser', members: [{ relationTo: 'areas', value: area.id }] } as never, overrideAccess: true })
})
afterAll(async () => cms?.cleanup())

/** The client over the real route handler (tests/e2e runs it over HTTP against `npm start`). */
const inProcessFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input))
  const response = await cms.rest.v1(url.pathname.replace(/^\/api\/v1/, '') + url.search, { headers: init?.headers as Record<string, string> })
  requests.push({ url: url.pathname + url.search, status: response.status })
  return response
}

describe('the typed client', () => {
  it('reads lists, pages, sections and notices, validated by the contract', async () => {
    const client = createContentClient({ baseUrl: 'http://cms.test/', fetch: inProcessFetch })
    const list = await client.listAreas({ sort: '-lastPublishedAt', limit: 5 })
    expect(list.items.map((item) => item.slug)).toEqual(['ekonomiskt-bistand'])
    expect(requests.at(-1)!.url).toBe('/api/v1/areas?sort=-lastPublishedAt&limit=5')
    const page = await client.getArea('ekonomiskt-bistand')
    expect(page?.body[0]).toMatchObject({ type: 'resultSet', heading: 'Årets resultat visar att:' })
    expect(await client.getArea('finns-inte')).toBeNull()
    expect((await client.getSection('jamforelser'))?.members.map((member) => member.title)).toEqual(['Ekonomiskt bistånd'])
    expect(await client.listSections()).toHaveLength(1)
    expect(await client.listActiveNotices()).toEqual([])
  })

  it('revalidates with the ETag and reuses its copy on 304', async () => {
    const client = createContentClient({ baseUrl: 'http://cms.test', fetch: inProcessFetch, cache: true })
    const first = await client.getArea('ekonomiskt-bistand')
    const second = await client.getArea('ekonomiskt-bistand')
    expect(second).toEqual(first)
    expect(requests.slice(-2).map((request) => request.status)).toEqual([200, 304])
  })

  it('throws the API’s Swedish message for a bad request', async () => {
    const client = createContentClient({ baseUrl: 'http://cms.test', fetch: inProcessFetch })
    const error = await client.listAreas({ limit: 1000 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ContentApiError)
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining('"limit" får vara högst 100') })
  })
})
