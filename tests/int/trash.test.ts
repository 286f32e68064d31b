/**
 * Deleting a page is soft: it moves to the trash (Payload's `trash: true`,
 * an update that sets `deletedAt`), leaves the site at once, keeps its
 * publication record and comes back as a draft. Only a page that was never
 * published can then be deleted for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { signedInUsers, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string }
type Id = number | string
let cms: TestCms
const users = {} as Record<'admin' | 'editor' | 'reviewer', Account>

beforeAll(async () => {
  cms = await startTestCms()
  Object.assign(
    users,
    await signedInUsers(cms, [
      ['admin', ['admin']],
      ['editor', ['editor']],
      ['reviewer', ['reviewer']],
    ]),
  )
})
afterAll(async () => cms?.cleanup())

const resultSet = (local: string) => ({ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt', local }] })

const transition = (as: Account, id: Id, name: string) => cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name } })

async function draftArea(title: string, slug: string): Promise<Id> {
  const response = await cms.rest.post('/areas?draft=true', { token: users.editor.token, body: { title, slug, body: [resultSet(`Svar ${title}`)] } })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()).doc.id
}

async function publishedArea(title: string, slug: string): Promise<Id> {
  const id = await draftArea(title, slug)
  for (const [as, name] of [
    [users.editor, 'submit'],
    [users.reviewer, 'approve'],
    [users.reviewer, 'publish'],
  ] as const) {
    const response = await transition(as, id, name)
    expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200)
  }
  return id
}

const moveToTrash = (as: Account, id: Id) => cms.rest.patch(`/areas/${id}`, { token: as.token, body: { deletedAt: new Date().toISOString() } })
/** As the admin's "Återställ" sends it: a query over the trash. */
const restore = (as: Account, id: Id, status: 'draft' | 'published' = 'draft') =>
  cms.rest.patch(`/areas?trash=true&where[and][0][id][equals]=${id}&where[and][1][deletedAt][exists]=true`, { token: as.token, body: { deletedAt: null, _status: status } })

const v1Status = async (slug: string) => (await cms.rest.v1(`/areas/${slug}`)).status
const v1ListSlugs = async () => ((await (await cms.rest.v1('/areas?limit=100')).json()) as { items: { slug: string }[] }).items.map((item) => item.slug)

const auditActions = async (id: Id) =>
  (await cms.payload.find({ collection: 'audit-log', where: { documentId: { equals: String(id) } }, sort: 'createdAt', limit: 100, overrideAccess: true })).docs.map((entry) => entry.action)

describe('moving a published page to the trash (REST, as the admin does)', () => {
  it('takes it off /api/v1, REST and the public record listing at once; its publication history stays', async () => {
    const webhook = await cms.rest.post('/webhooks', {
      token: users.admin.token,
      body: { name: 'Webbplatsen', url: 'https://webb.kalmar.example/hook', events: ['area.unpublished'] },
    })
    expect(webhook.status, await webhook.clone().text()).toBe(201)
    const id = await publishedArea('Papperskorg', 'papperskorg')
    expect(await v1Status('papperskorg')).toBe(200)
    expect(await v1ListSlugs()).toContain('papperskorg')
    const history = await cms.payload.count({ collection: 'publication-history', where: { areaId: { equals: String(id) } }, overrideAccess: true })
    expect(history.totalDocs).toBe(1)

    const response = await moveToTrash(users.admin, id)
    expect(response.status, await response.clone().text()).toBe(200)

    expect(await v1Status('papperskorg')).toBe(404)
    expect(await v1ListSlugs()).not.toContain('papperskorg')
    expect((await cms.rest.get(`/areas/${id}`)).status).toBe(404)
    expect((await cms.rest.get(`/areas/${id}`, { token: users.editor.token })).status).toBe(404)
    expect((await cms.payload.count({ collection: 'published-snapshots', where: { areaId: { equals: String(id) } }, overrideAccess: true })).totalDocs).toBe(0)
    // The official record is kept: the history entries and every version.
    expect((await cms.payload.count({ collection: 'publication-history', where: { areaId: { equals: String(id) } }, overrideAccess: true })).totalDocs).toBe(1)
    expect((await cms.rest.v1('/areas/papperskorg/versions')).status).toBe(200)
    const published = await cms.payload.countVersions({ collection: 'areas', where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] }, overrideAccess: true })
    expect(published.totalDocs).toBeGreaterThan(0)

    // In the trash view: staff can see it there.
    const trashed = await cms.rest.get(`/areas?trash=true&where[deletedAt][exists]=true`, { token: users.admin.token })
    expect(((await trashed.json()) as { docs: { id: Id }[] }).docs.map((doc) => String(doc.id))).toContain(String(id))
    // A webhook receiver is told the page went down (queued in the same transaction).
    const deliveries = await cms.payload.find({ collection: 'webhook-deliveries', where: { event: { equals: 'area.unpublished' } }, limit: 100, overrideAccess: true })
    expect(deliveries.docs.map((delivery) => JSON.stringify(delivery.body))).toEqual([expect.stringContaining('papperskorg')])
  })

  it('restoring brings it back as a draft that must go through review again; then it is published as before', async () => {
    const id = await publishedArea('Återkomst', 'aterkomst')
    expect((await moveToTrash(users.admin, id)).status).toBe(200)
    // Even "restore as published" from the admin's dialog comes back as a draft.
    const response = await restore(users.admin, id, 'published')
    expect(response.status, await response.clone().text()).toBe(200)

    const doc = await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })
    expect(doc.deletedAt ?? null).toBeNull()
    expect(doc.workflowState).toBe('draft')
    expect(doc._status).toBe('draft')
    expect(await v1Status('aterkomst')).toBe(404)
    expect((await cms.rest.get(`/areas/${id}`)).status).toBe(404)

    for (const [as, name] of [
      [users.editor, 'submit'],
      [users.reviewer, 'approve'],
      [users.reviewer, 'publish'],
    ] as const) {
      expect((await transition(as, id, name)).status, name).toBe(200)
    }
    expect(await v1Status('aterkomst')).toBe(200)
    const history = await cms.payload.count({ collection: 'publication-history', where: { areaId: { equals: String(id) } }, overrideAccess: true })
    expect(history.totalDocs).toBe(2)
  })

  it('the audit log records the move to the trash and the restore', async () => {
    const id = await publishedArea('Logg', 'logg')
    await moveToTrash(users.admin, id)
    await restore(users.admin, id)
    const actions = await auditActions(id)
    expect(actions.slice(-2)).toEqual(['trash', 'restoreFromTrash'])
    const entry = (await cms.payload.find({ collection: 'audit-log', where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'trash' } }] }, overrideAccess: true })).docs[0]!
    expect(String(entry.user && typeof entry.user === 'object' ? entry.user.id : entry.user)).toBe(String(users.admin.id))
  })

  it('editors and reviewers can neither trash nor restore a page', async () => {
    const id = await publishedArea('Behörighet', 'behorighet')
    for (const account of [users.editor, users.reviewer]) {
      const response = await moveToTrash(account, id)
      expect(response.status, account.email).toBeGreaterThanOrEqual(400)
    }
    expect(await v1Status('behorighet')).toBe(200)
    await moveToTrash(users.admin, id)
    const byEditor = await cms.rest.patch(`/areas/${id}?trash=true`, { token: users.editor.token, body: { deletedAt: null } })
    expect(byEditor.status).toBe(403)
    expect(JSON.stringify(await byEditor.json())).toContain('papperskorgen')
    const doc = await cms.payload.findByID({ collection: 'areas', id, trash: true, overrideAccess: true })
    expect(doc.deletedAt).toBeTruthy()
  })
})

describe('saves that only look like the trash', () => {
  it('an edit-form save (it sends the hidden deletedAt: null) stays a draft and leaves the live page alone', async () => {
    const id = await publishedArea('Formulär', 'formular-papperskorg')
    const { revision } = await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })
    const response = await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { teaser: 'UTKASTTEXT', deletedAt: null, revision } })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await v1Status('formular-papperskorg')).toBe(200)
    const live = await cms.rest.get(`/areas/${id}?depth=0`)
    expect(live.status).toBe(200)
    expect(await live.text()).not.toContain('UTKASTTEXT')
    expect((await auditActions(id)).at(-1)).toBe('save')
  })

  it('a "restore" of a page that is not in the trash is refused and does not take it down', async () => {
    const id = await publishedArea('Inte i korgen', 'inte-i-korgen')
    const response = await cms.rest.patch(`/areas/${id}?trash=true`, { token: users.admin.token, body: { deletedAt: null } })
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toContain('Sidan ligger inte i papperskorgen')
    expect(await v1Status('inte-i-korgen')).toBe(200)
    expect((await cms.rest.get(`/areas/${id}`)).status).toBe(200)
  })
})

describe('deleting for good', () => {
  it('is refused for a page that is not in the trash', async () => {
    const id = await draftArea('Direkt', 'direkt')
    const response = await cms.rest.delete(`/areas/${id}`, { token: users.admin.token })
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toContain('flytta den till papperskorgen först')
    expect((await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })).id).toBe(id)
  })

  it('is refused for a page that was ever published, also from the trash, also through the local API', async () => {
    const id = await publishedArea('Allmän handling', 'allman-handling')
    await moveToTrash(users.admin, id)
    const response = await cms.rest.delete(`/areas/${id}?trash=true`, { token: users.admin.token })
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toContain('kan inte raderas för gott')
    await expect(cms.payload.delete({ collection: 'areas', id, trash: true, overrideAccess: true })).rejects.toThrow(/kan inte raderas för gott/)
    expect((await cms.payload.findByID({ collection: 'areas', id, trash: true, overrideAccess: true })).id).toBe(id)
    expect((await cms.payload.count({ collection: 'publication-history', where: { areaId: { equals: String(id) } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('is allowed from the trash, for admins only, for a page that was never published', async () => {
    const id = await draftArea('Aldrig publicerad', 'aldrig-publicerad')
    expect((await moveToTrash(users.admin, id)).status).toBe(200)
    expect((await cms.rest.delete(`/areas/${id}?trash=true`, { token: users.editor.token })).status).toBe(403)
    const response = await cms.rest.delete(`/areas/${id}?trash=true`, { token: users.admin.token })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await cms.payload.findByID({ collection: 'areas', id, trash: true, overrideAccess: true, disableErrors: true })).toBeNull()
    expect((await auditActions(id)).at(-1)).toBe('delete')
  })
})

describe('the local API', () => {
  it('moves to the trash and back the same way (server code, no user)', async () => {
    const id = await publishedArea('Lokal', 'lokal')
    await cms.payload.update({ collection: 'areas', id, data: { deletedAt: new Date().toISOString() }, overrideAccess: true })
    expect(await v1Status('lokal')).toBe(404)
    expect(await cms.payload.findByID({ collection: 'areas', id, overrideAccess: true, disableErrors: true })).toBeNull()
    await cms.payload.update({ collection: 'areas', id, trash: true, data: { deletedAt: null }, overrideAccess: true })
    const doc = await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })
    expect(doc.workflowState).toBe('draft')
    expect(await v1Status('lokal')).toBe(404)
  })

  it('a trashed page’s scheduled publish does not run: the schedule is dropped', async () => {
    const id = await draftArea('Schema', 'schema')
    await transition(users.editor, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    const publishAt = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    expect((await cms.rest.post(`/areas/${id}/workflow`, { token: users.reviewer.token, body: { transition: 'publish', publishAt } })).status).toBe(200)
    expect((await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })).workflowScheduledPublishAt).toBeTruthy()
    await moveToTrash(users.admin, id)
    await restore(users.admin, id)
    const doc = await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })
    expect(doc.workflowScheduledPublishAt ?? null).toBeNull()
    expect(doc.workflowState).toBe('draft')
  })
})
