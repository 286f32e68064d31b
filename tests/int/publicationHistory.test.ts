import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AreaVersionListSchema, AreaVersionPageSchema } from '@/delivery/schemas'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string }
let cms: TestCms
let admin: Account
let reviewer: Account
let areaId: number | string

const resultSet = (surveyYear: number, bullets: [string, string][]) => ({
  blockType: 'resultSet',
  surveyYear,
  bullets: bullets.map(([national, local]) => ({ national, local })),
})

beforeAll(async () => {
  cms = await startTestCms()
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  admin = await login(await createUser(cms.payload, ['admin']))
  reviewer = await login(await createUser(cms.payload, ['reviewer']))
  // Three publications, as the importer (server code, trusted) makes them.
  const first = await cms.payload.create({
    collection: 'areas',
    data: { title: 'Socialpsykiatri', slug: 'socialpsykiatri', body: [resultSet(2019, [['ESL 52 %', 'I Kalmar erbjuds inte ESL.']])], _status: 'published' } as never,
    overrideAccess: true,
  })
  areaId = first.id
  await cms.payload.update({
    collection: 'areas',
    id: areaId,
    data: { body: [resultSet(2020, [['ESL 37 %', 'I Kalmar erbjuds ESL sedan hösten.']]), resultSet(2019, [['ESL 52 %', 'I Kalmar erbjuds inte ESL.']])], _status: 'published' } as never,
    overrideAccess: true,
  })
  await cms.payload.update({ collection: 'areas', id: areaId, data: { teaser: 'Ny ingress', _status: 'published' } as never, overrideAccess: true })
})
afterAll(async () => cms?.cleanup())

describe('the public record of a page', () => {
  it('lists every publication, oldest first, with what changed', async () => {
    const response = await cms.rest.v1('/areas/socialpsykiatri/versions')
    expect(response.status).toBe(200)
    const list = AreaVersionListSchema.parse(await response.json())
    expect(list.items.map((item) => [item.number, item.summary, item.url])).toEqual([
      [1, 'Första publiceringen.', '/jamforelser/socialpsykiatri/historik/1'],
      [2, '1 ny punkt.', '/jamforelser/socialpsykiatri/historik/2'],
      [3, 'Ändrat: ingressen i länklistor.', '/jamforelser/socialpsykiatri/historik/3'],
    ])
    expect(list.items[1]!.changes.added).toEqual([{ surveyYear: 2020, national: 'ESL 37 %', local: 'I Kalmar erbjuds ESL sedan hösten.' }])
  })

  it('serves each version as it was published', async () => {
    const first = AreaVersionPageSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri/versions/1')).json())
    expect(first.body).toHaveLength(1)
    expect(first.body[0]).toMatchObject({ surveyYear: 2019, heading: 'Årets resultat visar att:', bullets: [{ local: 'I Kalmar erbjuds inte ESL.' }] })
    expect(first).toMatchObject({ current: false, teaser: null, version: { number: 1 } })
    const third = AreaVersionPageSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri/versions/3')).json())
    expect(third).toMatchObject({ current: true, teaser: 'Ny ingress' })
    for (const path of ['/areas/socialpsykiatri/versions/4', '/areas/socialpsykiatri/versions/0', '/areas/socialpsykiatri/versions/x', '/areas/finns-inte/versions']) {
      expect((await cms.rest.v1(path)).status, path).toBe(404)
    }
  })

  it('stays public after the page is unpublished', async () => {
    const response = await cms.rest.post(`/areas/${areaId}/workflow`, { token: reviewer.token, body: { transition: 'unpublish', comment: 'Ersatt av ny sida' } })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await cms.rest.v1('/areas/socialpsykiatri')).status).toBe(404)
    const list = AreaVersionListSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri/versions')).json())
    expect(list.items).toHaveLength(3)
    const last = AreaVersionPageSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri/versions/3')).json())
    expect(last.current).toBe(false)
  })
})

describe('a published version cannot be changed or deleted', () => {
  const refused = (status: number) => expect([401, 403, 404, 405]).toContain(status)

  it('not over REST or GraphQL, not even by an administrator', async () => {
    const { docs } = await cms.payload.find({ collection: 'publication-history', where: { areaId: { equals: String(areaId) } }, overrideAccess: true })
    const id = docs[0]!.id
    refused((await cms.rest.patch(`/publication-history/${id}`, { token: admin.token, body: { summary: 'ändrad' } })).status)
    refused((await cms.rest.delete(`/publication-history/${id}`, { token: admin.token })).status)
    refused((await cms.rest.post('/publication-history', { token: admin.token, body: { areaId: String(areaId), slug: 'x', title: 'x', number: 9, publishedAt: new Date().toISOString(), summary: 'x', changes: {}, page: {} } })).status)
    refused((await cms.rest.patch(`/publication-history?where[id][equals]=${id}`, { token: admin.token, body: { summary: 'ändrad' } })).status)
    const graphql = await cms.rest.graphQL(`mutation { deletePublicationHistory(id: ${JSON.stringify(id)}) { id } }`, { token: admin.token })
    expect(JSON.stringify(await graphql.json())).toMatch(/errors/)
    // Payload's own versions of the page cannot be deleted through its API either.
    refused((await cms.rest.delete(`/areas/versions/${id}`, { token: admin.token })).status)
  })

  it('not through the local API, even with overrideAccess', async () => {
    const { docs } = await cms.payload.find({ collection: 'publication-history', limit: 1, overrideAccess: true })
    const entry = docs[0]!
    await expect(cms.payload.update({ collection: 'publication-history', id: entry.id, data: { summary: 'ändrad' }, overrideAccess: true })).rejects.toThrow(/allmän handling/)
    await expect(cms.payload.delete({ collection: 'publication-history', id: entry.id, overrideAccess: true })).rejects.toThrow(/allmän handling/)
    const after = await cms.payload.findByID({ collection: 'publication-history', id: entry.id, overrideAccess: true })
    expect(after.summary).toBe(entry.summary)
  })
})
