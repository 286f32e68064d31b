/**
 * Issue 21: the audit log says which fields a save, a publish and a restore
 * changed, in the edit view's Swedish labels (details.changedFields, shown
 * as "Ändrade fält"), computed when the entry is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { signedInUsers, type SignedInUser } from '../helpers/users'

let cms: TestCms
let users: Record<'admin' | 'editor' | 'reviewer', SignedInUser>

beforeAll(async () => {
  cms = await startTestCms()
  users = await signedInUsers(cms, [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['reviewer', ['reviewer']],
  ])
})
afterAll(async () => cms?.cleanup())

const resultSet = (surveyYear: number, local: string) => ({ blockType: 'resultSet', surveyYear, lead: 'visar att', bullets: [{ national: 'Nationellt', local }] })

const revisionOf = async (id: number | string) => (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

const stored = async (id: number | string) => cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })

/** The page's entries, oldest first, as [action, changed fields]. */
async function entries(id: number | string) {
  const { docs } = await cms.payload.find({ collection: 'audit-log', where: { documentId: { equals: String(id) } }, sort: 'createdAt', limit: 100, overrideAccess: true })
  return docs.map((entry) => [entry.action, (entry.details as { changedFields?: string[] } | null)?.changedFields ?? null] as const)
}

const transition = async (as: SignedInUser, id: number | string, name: string) => {
  const response = await cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name } })
  expect(response.status, await response.clone().text()).toBe(200)
}

describe('"Ändrade fält" in the audit log', () => {
  it('a save records the fields it changed, by their Swedish labels, and the result set by its year', async () => {
    const created = await cms.rest.post('/areas?draft=true', { token: users.editor.token, body: { title: 'Sida A', body: [resultSet(2023, 'Ja')] } })
    expect(created.status, await created.clone().text()).toBe(201)
    const id = (await created.json()).doc.id as number | string

    const page = await stored(id)
    const body = page.body!.map((block) => (block.blockType === 'resultSet' ? { ...block, bullets: [{ national: 'Nationellt', local: 'Nej' }] } : block))
    const save = await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { teaser: 'En ny ingress', body, revision: await revisionOf(id) } })
    expect(save.status, await save.clone().text()).toBe(200)

    const log = await entries(id)
    // A new page: every field it was created with, the slug made from the title and the survey cycle's default too.
    expect(log[0]).toEqual(['save', ['Titel', 'Adress (slug)', 'Undersöks', 'Innehåll: nytt block Resultat 2023']])
    expect(log[1]).toEqual(['save', ['Ingress i länklistor', 'Innehåll: Resultat 2023']])
  })

  it('a publish records what readers will see change against the live page; a restore what it brought back', async () => {
    const created = await cms.rest.post('/areas?draft=true', { token: users.editor.token, body: { title: 'Sida B', teaser: 'Första', body: [resultSet(2024, 'Ja')] } })
    const id = (await created.json()).doc.id as number | string
    await transition(users.editor, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    await transition(users.reviewer, id, 'publish')

    // Two saves, then one publish: the publish names both saves' fields.
    expect((await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { title: 'Sida B, ny titel', revision: await revisionOf(id) } })).status).toBe(200)
    expect((await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { teaser: 'Andra', revision: await revisionOf(id) } })).status).toBe(200)
    await transition(users.editor, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    await transition(users.reviewer, id, 'publish')

    const versions = await cms.payload.findVersions({ collection: 'areas', where: { parent: { equals: id } }, sort: 'createdAt', limit: 100, overrideAccess: true })
    const first = versions.docs[0]!
    const restore = await cms.rest.post(`/areas/versions/${first.id}?draft=true`, { token: users.editor.token })
    expect(restore.status, await restore.clone().text()).toBe(200)

    const log = await entries(id)
    const publishes = log.filter(([action]) => action === 'publish')
    expect(publishes).toEqual([
      // The first publish: against no live page, everything.
      ['publish', ['Titel', 'Adress (slug)', 'Undersöks', 'Ingress i länklistor', 'Innehåll: nytt block Resultat 2024']],
      ['publish', ['Titel', 'Ingress i länklistor']],
    ])
    expect(log.at(-1)).toEqual(['restore', ['Titel', 'Ingress i länklistor']])
    // A transition without a publish has no changed fields to name.
    expect(log.filter(([action]) => action === 'transition').every(([, changed]) => changed === null)).toBe(true)
  })

  it('a reviewer reads the entries with their changed fields over REST', async () => {
    const response = await cms.rest.get('/audit-log?where[action][equals]=save&limit=1&sort=-createdAt', { token: users.reviewer.token })
    expect(response.status).toBe(200)
    const [entry] = (await response.json()).docs
    expect(entry.details.changedFields).toEqual(expect.arrayContaining([expect.any(String)]))
  })
})
