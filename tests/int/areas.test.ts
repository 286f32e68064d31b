import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let editor: TestUser
let editorToken: string

beforeAll(async () => {
  cms = await startTestCms()
  editor = await createUser(cms.payload, ['editor'])
  editorToken = (await cms.rest.login(editor.email, editor.password)).token!
})
afterAll(async () => cms?.cleanup())

const resultSet = (surveyYear: number, national = `Nationellt ${surveyYear}`) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: [{ national, local: `I Kalmar ${surveyYear}` }],
})

describe('areas', () => {
  it('generates the slug from the title, with å, ä, ö transliterated', async () => {
    const area = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Vård och omsorg om äldre – särskilt boende', body: [] } })
    expect(area.slug).toBe('vard-och-omsorg-om-aldre-sarskilt-boende')
  })

  it('refuses two result sets for one year with a Swedish message naming the year (REST)', async () => {
    const response = await cms.rest.post('/areas', {
      token: editorToken,
      body: { title: 'Dubbelt år', body: [resultSet(2021), resultSet(2021, 'Annat')] },
    })
    expect(response.status).toBe(400)
    const body = await response.json()
    const text = JSON.stringify(body)
    expect(text).toContain('två resultatavsnitt för år 2021')
    expect(text).toContain('surveyYear')
    expect((await cms.payload.count({ collection: 'areas', where: { title: { equals: 'Dubbelt år' } } })).totalDocs).toBe(0)
  })

  it('refuses a survey year outside the sane range', async () => {
    const response = await cms.rest.post('/areas', { token: editorToken, body: { title: 'Fel år', body: [resultSet(1850)] } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('1850')
  })

  it('derives headings: newest "Årets", older "<år> års", whatever order they were written in', async () => {
    const created = await cms.payload.create({
      collection: 'areas',
      draft: true,
      data: { title: 'Rubriker', body: [resultSet(2019), resultSet(2023), { ...resultSet(2021), lead: 'visar bland annat' }] as never },
    })
    const headings = (created.body ?? []).map((block) => ('heading' in block ? block.heading : null))
    expect(headings).toEqual(['2019 års resultat visar att:', 'Årets resultat visar att:', '2021 års resultat visar bland annat:'])
  })
})

describe('publish dates', () => {
  it('a draft has neither date; the first publish sets both; an unchanged republish keeps them; a changed one moves "Senast uppdaterad"', async () => {
    const draft = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Datum', body: [resultSet(2022)] as never } })
    expect(draft.firstPublishedAt ?? null).toBeNull()
    expect(draft.lastPublishedAt ?? null).toBeNull()

    const published = await cms.payload.update({ collection: 'areas', id: draft.id, data: { _status: 'published' } })
    expect(published.firstPublishedAt).toBeTruthy()
    expect(published.lastPublishedAt).toBe(published.firstPublishedAt)

    await new Promise((resolve) => setTimeout(resolve, 20))
    const republished = await cms.payload.update({ collection: 'areas', id: draft.id, data: { _status: 'published' } })
    expect(republished.lastPublishedAt).toBe(published.lastPublishedAt)

    const draftChange = await cms.payload.update({ collection: 'areas', id: draft.id, draft: true, data: { teaser: 'Ny ingress' } })
    expect(draftChange.lastPublishedAt).toBe(published.lastPublishedAt)

    await new Promise((resolve) => setTimeout(resolve, 20))
    const changed = await cms.payload.update({ collection: 'areas', id: draft.id, data: { teaser: 'Ny ingress', _status: 'published' } })
    expect(changed.firstPublishedAt).toBe(published.firstPublishedAt)
    expect(new Date(changed.lastPublishedAt!).getTime()).toBeGreaterThan(new Date(published.lastPublishedAt!).getTime())
  })

  it('cannot be set over REST', async () => {
    const response = await cms.rest.post('/areas', {
      token: editorToken,
      body: { title: 'Försök', firstPublishedAt: '2001-01-01T00:00:00.000Z', lastPublishedAt: '2001-01-01T00:00:00.000Z', body: [] },
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.firstPublishedAt ?? null).toBeNull()
  })
})

describe('anonymous readers', () => {
  it('see published areas only, also with ?draft=true', async () => {
    await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Hemligt utkast', body: [resultSet(2020, 'UTKASTMARKÖR')] as never } })
    for (const query of ['', '?draft=true', '?draft=true&depth=3']) {
      const text = await (await cms.rest.get(`/areas${query}`)).text()
      expect(text).not.toContain('UTKASTMARKÖR')
      expect(text).not.toContain('Hemligt utkast')
    }
  })
})
