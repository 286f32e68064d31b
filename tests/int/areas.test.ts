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
    expect(headings).toEqual(['Årets resultat visar att:', '2021 års resultat visar bland annat:', '2019 års resultat visar att:'])
  })
})

type StoredBody = { blockType: string; id?: string; surveyYear?: number; heading?: string | null; bullets?: { national: string }[] }[]
const shape = (body: StoredBody | null | undefined) =>
  (body ?? []).map((block) => (block.blockType === 'resultSet' ? `${block.surveyYear}:${block.bullets?.[0]?.national}` : block.blockType))
const note = { blockType: 'note', text: 'OBS: siffrorna för 2020 påverkades av pandemin.' }

describe('result sets are stored newest year first', () => {
  it('local API: a set added below the others, older or newer, is saved in its year\'s place; a note moves with the set it follows', async () => {
    const area = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Årsordning lokalt', body: [resultSet(2021), note, resultSet(2019)] as never } })
    expect(shape(area.body as StoredBody)).toEqual(['2021:Nationellt 2021', 'note', '2019:Nationellt 2019'])
    const rowIds = (area.body as StoredBody).map((block) => block.id)

    const newer = await cms.payload.update({ collection: 'areas', id: area.id, draft: true, data: { body: [...(area.body as never[]), resultSet(2023)] as never } })
    expect(shape(newer.body as StoredBody)).toEqual(['2023:Nationellt 2023', '2021:Nationellt 2021', 'note', '2019:Nationellt 2019'])
    // The blocks move with their rows (ids, bullets): nothing is rewritten but the order.
    expect((newer.body as StoredBody).slice(1).map((block) => block.id)).toEqual(rowIds)
    expect((newer.body as StoredBody).map((block) => block.heading ?? null)).toEqual(['Årets resultat visar att:', '2021 års resultat visar att:', null, '2019 års resultat visar att:'])

    const older = await cms.payload.update({ collection: 'areas', id: area.id, draft: true, data: { body: [...(newer.body as never[]), resultSet(2020)] as never } })
    expect(shape(older.body as StoredBody)).toEqual(['2023:Nationellt 2023', '2021:Nationellt 2021', 'note', '2020:Nationellt 2020', '2019:Nationellt 2019'])

    // As stored: the newest draft version reads the same when loaded again.
    const reread = await cms.payload.findByID({ collection: 'areas', id: area.id, draft: true, depth: 0 })
    expect(shape(reread.body as StoredBody)).toEqual(shape(older.body as StoredBody))
  })

  it('REST: an editor\'s create and update with the sets out of order are saved in year order, and the next save with that order is accepted', async () => {
    const created = await cms.rest.post('/areas?draft=true', { token: editorToken, body: { title: 'Årsordning REST', body: [resultSet(2018), resultSet(2022)] } })
    expect(created.status, await created.clone().text()).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number | string; revision: number; body: StoredBody } }
    expect(shape(doc.body)).toEqual(['2022:Nationellt 2022', '2018:Nationellt 2018'])

    const updated = await cms.rest.patch(`/areas/${doc.id}?draft=true`, {
      token: editorToken,
      body: { revision: doc.revision, body: [...doc.body, resultSet(2020), resultSet(2024)] },
    })
    expect(updated.status, await updated.clone().text()).toBe(200)
    const after = ((await updated.json()) as { doc: { revision: number; body: StoredBody } }).doc
    expect(shape(after.body)).toEqual(['2024:Nationellt 2024', '2022:Nationellt 2022', '2020:Nationellt 2020', '2018:Nationellt 2018'])
    expect(after.revision).toBe(doc.revision + 1)

    const read = await cms.rest.get(`/areas/${doc.id}?draft=true&depth=0`, { token: editorToken })
    expect(shape(((await read.json()) as { body: StoredBody }).body)).toEqual(shape(after.body))
  })

  it('a second set for a year is still refused, wherever it was added', async () => {
    const area = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Årsordning dubbelt', body: [resultSet(2023), resultSet(2021)] as never } })
    const response = await cms.rest.patch(`/areas/${area.id}?draft=true`, {
      token: editorToken,
      body: { revision: area.revision, body: [...(area.body as never[]), resultSet(2023, 'Samma år igen')] },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('två resultatavsnitt för år 2023')
  })

  it('a new set without a year gets this year\'s, so its header names one at once', async () => {
    const area = await cms.payload.create({
      collection: 'areas',
      draft: true,
      data: { title: 'Årsordning standardår', body: [resultSet(2019), { blockType: 'resultSet', lead: 'visar att', bullets: [{ national: 'Nytt' }] }] as never },
    })
    const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()))
    expect(shape(area.body as StoredBody)).toEqual([`${thisYear}:Nytt`, '2019:Nationellt 2019'])
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
