import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  AreaListSchema,
  AreaPageSchema,
  ErrorSchema,
  NoticeListSchema,
  SectionListSchema,
  SectionPageSchema,
} from '@/delivery/schemas'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string }
let cms: TestCms
let editor: Account
let reviewer: Account
let admin: Account
const ids: Record<string, number | string> = {}

const DRAFT_MARKER = 'UTKASTMARKÖR-7'
const resultSet = (surveyYear: number, national: string, local: string) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: [{ national, local }],
})

async function publishedArea(title: string, slug: string, extra: Record<string, unknown> = {}) {
  // Server code without a user is trusted to publish (importer, seeding).
  const doc = await cms.payload.create({
    collection: 'areas',
    data: {
      title,
      slug,
      teaser: `Ingress ${title}`,
      body: [resultSet(2021, `Nationellt ${title} 2021`, `Kalmar ${title} 2021`), resultSet(2023, `Nationellt ${title} 2023`, `Kalmar ${title} 2023`)],
      _status: 'published',
      ...extra,
    } as never,
    overrideAccess: true,
  })
  return doc.id
}

const transition = (as: Account, id: number | string, name: string, comment?: string) =>
  cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name, comment } })

async function publishThroughWorkflow(id: number | string) {
  for (const [as, name] of [
    [editor, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const) {
    const response = await transition(as, id, name)
    expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200)
  }
}

/** The revision an edit form sends back with a save (optimistic concurrency, src/concurrency). */
const revisionOf = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

const v1Json = async (path: string, headers: Record<string, string> = {}) => {
  const response = await cms.rest.v1(path, { headers })
  return { response, body: await response.json() }
}

beforeAll(async () => {
  cms = await startTestCms()
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  admin = await login(await createUser(cms.payload, ['admin']))
  editor = await login(await createUser(cms.payload, ['editor']))
  reviewer = await login(await createUser(cms.payload, ['reviewer']))

  ids.alpha = await publishedArea('Alfa', 'alfa')
  ids.beta = await publishedArea('Beta', 'beta')
  // Published, then a newer draft with the marker: the marker must never be served publicly.
  const draftEdit = await cms.rest.patch(`/areas/${ids.beta}?draft=true`, {
    token: editor.token,
    body: { teaser: `Ingress ${DRAFT_MARKER}`, body: [resultSet(2024, `Nationellt ${DRAFT_MARKER}`, `Kalmar ${DRAFT_MARKER}`)], revision: await revisionOf(ids.beta!) },
  })
  expect(draftEdit.status, await draftEdit.clone().text()).toBe(200)
  // Never published at all.
  ids.gamma = (
    await cms.payload.create({
      collection: 'areas',
      data: { title: `Gamma ${DRAFT_MARKER}`, slug: 'gamma', body: [resultSet(2023, DRAFT_MARKER, DRAFT_MARKER)] } as never,
      draft: true,
      overrideAccess: true,
    })
  ).id
  const link = await cms.payload.create({ collection: 'links', data: { title: 'Hemtjänst', teaser: 'Om hemtjänst', url: 'https://kalmar.se/hemtjanst' }, overrideAccess: true })
  const section = await cms.payload.create({
    collection: 'sections',
    data: {
      title: 'Jämförelser, service och kvalitet i verksamheter',
      slug: 'jamforelser',
      members: [
        { relationTo: 'areas', value: ids.alpha },
        { relationTo: 'areas', value: ids.gamma },
        { relationTo: 'links', value: link.id },
        { relationTo: 'areas', value: ids.beta },
      ],
    } as never,
    overrideAccess: true,
  })
  ids.section = section.id
  await cms.payload.create({ collection: 'notices', data: { text: 'Vägarbete på Storgatan', scope: 'site', startsAt: new Date(Date.now() - 60_000).toISOString() }, overrideAccess: true })
  await cms.payload.create({ collection: 'notices', data: { text: 'Kommande meddelande', scope: 'site', startsAt: new Date(Date.now() + 86_400_000).toISOString() }, overrideAccess: true })
})
afterAll(async () => cms?.cleanup())

describe('GET /api/v1/areas', () => {
  it('lists the published areas only, in the contract shape', async () => {
    const { response, body } = await v1Json('/areas')
    expect(response.status).toBe(200)
    const list = AreaListSchema.parse(body)
    expect(list.items.map((item) => item.slug)).toEqual(['alfa', 'beta'])
    expect(list.total).toBe(2)
    expect(list.items[0]).toMatchObject({ title: 'Alfa', teaser: 'Ingress Alfa', url: '/jamforelser/alfa', section: { slug: 'jamforelser' } })
    expect(JSON.stringify(body)).not.toContain(DRAFT_MARKER)
  })

  it('sorts, filters by section and paginates', async () => {
    expect(AreaListSchema.parse((await v1Json('/areas?sort=-title')).body).items.map((item) => item.slug)).toEqual(['beta', 'alfa'])
    const page2 = AreaListSchema.parse((await v1Json('/areas?limit=1&page=2')).body)
    expect(page2).toMatchObject({ total: 2, page: 2, limit: 1, totalPages: 2 })
    expect(page2.items.map((item) => item.slug)).toEqual(['beta'])
    expect(AreaListSchema.parse((await v1Json('/areas?section=jamforelser')).body).total).toBe(2)
    expect(AreaListSchema.parse((await v1Json('/areas?section=finns-inte')).body).total).toBe(0)
  })

  it('refuses an invalid parameter with a Swedish message naming it', async () => {
    for (const [query, field] of [
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
      ['page=abc', 'page'],
      ['sort=password', 'sort'],
    ]) {
      const { response, body } = await v1Json(`/areas?${query}`)
      expect(response.status, query).toBe(400)
      const error = ErrorSchema.parse(body)
      expect(error.message).toContain(`"${field}"`)
      expect(error.errors?.[0]?.field).toBe(field)
    }
  })
})

describe('GET /api/v1/areas/{slug}', () => {
  it('serves the published page: ordered result sets with derived headings, related pages, ISO dates', async () => {
    const { response, body } = await v1Json('/areas/alfa')
    expect(response.status).toBe(200)
    const page = AreaPageSchema.parse(body)
    expect(page.body.map((block) => block.type === 'resultSet' && [block.surveyYear, block.heading])).toEqual([
      [2023, 'Årets resultat visar att:'],
      [2021, '2021 års resultat visar att:'],
    ])
    expect(page.body[0]).toMatchObject({ bullets: [{ national: 'Nationellt Alfa 2023', local: 'Kalmar Alfa 2023' }] })
    // The section's other members that a reader can see: not itself, not the never-published draft.
    expect(page.related).toEqual([
      { kind: 'link', title: 'Hemtjänst', teaser: 'Om hemtjänst', href: 'https://kalmar.se/hemtjanst' },
      { kind: 'area', title: 'Beta', teaser: 'Ingress Beta', href: '/jamforelser/beta' },
    ])
    expect(page.firstPublishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('answers 404 with a Swedish message for an unknown or never-published slug', async () => {
    for (const slug of ['finns-inte', 'gamma']) {
      const { response, body } = await v1Json(`/areas/${slug}`)
      expect(response.status).toBe(404)
      expect(ErrorSchema.parse(body).message).toMatch(/Det finns ingen publicerad sida/)
      expect(response.headers.get('cache-control')).toBe('no-store')
    }
  })

  it('never serves a draft: not with draft/locale/depth/select/where parameters, not to a signed-in editor', async () => {
    const queries = ['', '?draft=true', '?draft=1&depth=5', '?locale=all&draft=true', '?select[teaser]=true&draft=true', '?where[_status][equals]=draft', '?populate[areas]=true']
    for (const query of queries) {
      const asEditor: Record<string, string>[] = [{}, { Authorization: `JWT ${editor.token}` }, { Cookie: `payload-token=${admin.token}` }]
      for (const headers of asEditor) {
        const { response, body } = await v1Json(`/areas/beta${query}`, headers)
        expect(response.status).toBe(200)
        expect(JSON.stringify(body), `${query} ${JSON.stringify(headers)}`).not.toContain(DRAFT_MARKER)
        expect(AreaPageSchema.parse(body).teaser).toBe('Ingress Beta')
      }
      expect((await cms.rest.v1(`/areas/gamma${query}`, { token: editor.token })).status).toBe(404)
    }
  })
})

describe('caching', () => {
  it('sends a strong ETag and Cache-Control, and 304 for If-None-Match', async () => {
    const first = await cms.rest.v1('/areas/alfa')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600')
    const again = await cms.rest.v1('/areas/alfa', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await cms.rest.v1('/areas/alfa', { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304)
    expect((await cms.rest.v1('/areas/alfa', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200)
    const head = await cms.rest.v1('/areas/alfa', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(etag)
  })

  it('shows a publish at once: the new text as soon as the publish call has returned, then the unpublish', async () => {
    const before = await cms.rest.v1('/areas/alfa')
    const oldEtag = before.headers.get('etag')!
    const edit = await cms.rest.patch(`/areas/${ids.alpha}?draft=true`, {
      token: editor.token,
      body: { body: [resultSet(2024, 'Nationellt 2024', 'Nytt svar från Kalmar 2024')], revision: await revisionOf(ids.alpha!) },
    })
    expect(edit.status).toBe(200)
    // Saved as a draft only: still the old page.
    expect(JSON.stringify(await (await cms.rest.v1('/areas/alfa')).json())).not.toContain('Nytt svar från Kalmar 2024')
    await publishThroughWorkflow(ids.alpha!)
    const after = await cms.rest.v1('/areas/alfa', { headers: { 'If-None-Match': oldEtag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(oldEtag)
    const page = AreaPageSchema.parse(await after.json())
    expect(page.body[0]).toMatchObject({ surveyYear: 2024, heading: 'Årets resultat visar att:', bullets: [{ local: 'Nytt svar från Kalmar 2024' }] })
    // The other page of the section lists it with its (unchanged) teaser; lists see it too.
    expect(AreaListSchema.parse(await (await cms.rest.v1('/areas?sort=-lastPublishedAt')).json()).items[0]!.slug).toBe('alfa')

    const unpublish = await transition(reviewer, ids.alpha!, 'unpublish', 'Uppgifterna ska kontrolleras')
    expect(unpublish.status, await unpublish.clone().text()).toBe(200)
    expect((await cms.rest.v1('/areas/alfa')).status).toBe(404)
    const beta = AreaPageSchema.parse(await (await cms.rest.v1('/areas/beta')).json())
    expect(beta.related.map((item) => item.title)).toEqual(['Hemtjänst'])
    // Back again: an unpublished page is edited (it becomes a draft), reviewed and published.
    await cms.rest.patch(`/areas/${ids.alpha}?draft=true`, { token: editor.token, body: { teaser: 'Ingress Alfa', revision: await revisionOf(ids.alpha!) } })
    await publishThroughWorkflow(ids.alpha!)
    expect((await cms.rest.v1('/areas/alfa')).status).toBe(200)
  })

  it('follows changes to sections and links at once', async () => {
    const patch = await cms.rest.patch(`/sections/${ids.section}`, { token: editor.token, body: { title: 'Nytt avsnittsnamn' } })
    expect(patch.status, await patch.clone().text()).toBe(200)
    const page = AreaPageSchema.parse(await (await cms.rest.v1('/areas/beta')).json())
    expect(page.section).toEqual({ slug: 'jamforelser', title: 'Nytt avsnittsnamn' })
  })
})

describe('sections, notices, OpenAPI', () => {
  it('serves sections with their published members in order', async () => {
    const list = SectionListSchema.parse((await v1Json('/sections')).body)
    expect(list.items).toHaveLength(1)
    const section = SectionPageSchema.parse((await v1Json('/sections/jamforelser')).body)
    expect(section.members.map((member) => member.title)).toEqual(['Alfa', 'Hemtjänst', 'Beta'])
    expect((await cms.rest.v1('/sections/finns-inte')).status).toBe(404)
  })

  it('serves only the notices active now', async () => {
    const notices = NoticeListSchema.parse((await v1Json('/notices')).body)
    expect(notices.items.map((notice) => notice.text)).toEqual(['Vägarbete på Storgatan'])
  })

  it('publishes an OpenAPI 3.1 document whose every reference resolves', async () => {
    const { response, body } = await v1Json('/openapi.json')
    expect(response.status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths).sort()).toEqual([
      '/api/v1/areas',
      '/api/v1/areas/{slug}',
      '/api/v1/areas/{slug}/indicators',
      '/api/v1/areas/{slug}/results.csv',
      '/api/v1/areas/{slug}/versions',
      '/api/v1/areas/{slug}/versions/{number}',
      '/api/v1/datasets/catalog.jsonld',
      '/api/v1/datasets/results.csv',
      '/api/v1/datasets/results.json',
      '/api/v1/datasets/results.xlsx',
      '/api/v1/notices',
      '/api/v1/sections',
      '/api/v1/sections/{slug}',
    ])
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!)
    expect(refs.length).toBeGreaterThan(10)
    for (const ref of refs) expect(body.components.schemas[ref], ref).toBeDefined()
  })

  it('is read-only and answers unknown paths with 404 JSON', async () => {
    expect((await cms.rest.v1('/areas/alfa', { method: 'POST' })).status).toBe(405)
    const { response, body } = await v1Json('/versions')
    expect(response.status).toBe(404)
    expect(ErrorSchema.parse(body).message).toMatch(/openapi/)
  })
})

describe("Payload's own API for anonymous readers", () => {
  it('serves published documents only, also with draft=true', async () => {
    for (const path of ['/areas?draft=true&depth=2', `/areas/${ids.beta}?draft=true`, '/areas?where[_status][equals]=draft&draft=true', `/areas/${ids.gamma}?draft=true`]) {
      const response = await cms.rest.get(path as `/${string}`)
      expect(await response.text(), path).not.toContain(DRAFT_MARKER)
    }
  })

  it('does not leak drafts through populated relationships', async () => {
    for (const path of [`/sections/${ids.section}?depth=2&draft=true`, '/sections?depth=3&draft=true', `/sections/${ids.section}?depth=1`]) {
      const response = await cms.rest.get(path as `/${string}`)
      expect(response.status).toBe(200)
      expect(await response.text(), path).not.toContain(DRAFT_MARKER)
    }
  })

  it('does not leak drafts over GraphQL', async () => {
    const queries = [
      `{ Areas(draft: true) { docs { title teaser } } }`,
      `{ Area(id: ${JSON.stringify(ids.beta)}, draft: true) { title teaser } }`,
      `{ Sections(draft: true) { docs { members { value { ... on Area { title teaser } } } } } }`,
      `{ versionsAreas { docs { version { title teaser } } } }`,
    ]
    for (const query of queries) {
      const response = await cms.rest.graphQL(query)
      expect(await response.text(), query).not.toContain(DRAFT_MARKER)
    }
  })
})
