import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, signedInUsers, type TestUser } from '../helpers/users'

let cms: TestCms
const users: Record<'editor' | 'editor2' | 'reviewer' | 'reviewer2' | 'admin', TestUser & { token: string }> = {} as never

beforeAll(async () => {
  cms = await startTestCms()
  Object.assign(
    users,
    await signedInUsers(cms, [
      ['admin', ['admin']],
      ['editor', ['editor']],
      ['editor2', ['editor']],
      ['reviewer', ['reviewer']],
      ['reviewer2', ['reviewer']],
    ]),
  )
})
afterAll(async () => cms?.cleanup())

const resultSet = (local: string, national = 'Nationellt resultat') => ({
  blockType: 'resultSet',
  surveyYear: 2024,
  lead: 'visar att',
  bullets: [{ national, local }],
})

async function createDraft(as: TestUser & { token: string }, marker: string, local = `Kalmars svar ${marker}`) {
  const response = await cms.rest.post('/areas?draft=true', { token: as.token, body: { title: `Sida ${marker}`, body: [resultSet(local, marker)] } })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()).doc.id as number | string
}

const transition = (as: TestUser & { token: string }, id: number | string, name: string, extra: object = {}) =>
  cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name, ...extra } })

/** The revision an edit form sends back with a save (optimistic concurrency, src/concurrency). */
const revisionOf = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

const state = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'areas', id, draft: true, overrideAccess: true })).workflowState

/** What an anonymous reader gets over REST: the live text, or null. */
async function liveText(id: number | string): Promise<string | null> {
  const response = await cms.rest.get(`/areas/${id}?depth=0`)
  if (response.status !== 200) return null
  return JSON.stringify((await response.json()).body)
}

async function publishedPage(marker: string): Promise<number | string> {
  const id = await createDraft(users.editor, marker)
  expect((await transition(users.editor, id, 'submit')).status).toBe(200)
  expect((await transition(users.reviewer, id, 'approve')).status).toBe(200)
  expect((await transition(users.reviewer, id, 'publish')).status).toBe(200)
  return id
}

describe('the transitions of the table', () => {
  it('draft → submit (editor) → requestChanges (reviewer, comment required) → edit → submit → approve → publish', async () => {
    const id = await createDraft(users.editor, 'A1')
    expect(await state(id)).toBe('draft')
    expect((await transition(users.reviewer, id, 'submit')).status).toBe(403)

    expect((await transition(users.editor, id, 'submit')).status).toBe(200)
    expect(await state(id)).toBe('inReview')

    const noComment = await transition(users.reviewer, id, 'requestChanges')
    expect(noComment.status).toBe(400)
    expect((await noComment.json()).rule).toBe('comment-required')
    expect((await transition(users.reviewer, id, 'requestChanges', { comment: 'Förtydliga svaret.' })).status).toBe(200)
    expect(await state(id)).toBe('changesRequested')
    const comments = await cms.payload.find({ collection: 'comments', where: { documentId: { equals: String(id) } } })
    expect(comments.docs.map((comment) => comment.text)).toEqual(['Förtydliga svaret.'])

    const edit = await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { teaser: 'Ändrad', revision: await revisionOf(id) } })
    expect(edit.status).toBe(200)
    expect(await state(id)).toBe('draft')
    expect(await liveText(id)).toBeNull()

    expect((await transition(users.editor, id, 'submit')).status).toBe(200)
    expect((await transition(users.reviewer, id, 'approve')).status).toBe(200)
    expect(await state(id)).toBe('approved')
    expect(await liveText(id)).toBeNull()

    expect((await transition(users.editor, id, 'publish')).status).toBe(403)
    expect((await transition(users.reviewer, id, 'publish')).status).toBe(200)
    expect(await state(id)).toBe('published')
    expect(await liveText(id)).toContain('Kalmars svar A1')
  })

  it('an edit after approval voids the approval', async () => {
    const id = await createDraft(users.editor, 'A2')
    await transition(users.editor, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor2.token, body: { teaser: 'Efter godkännande', revision: await revisionOf(id) } })
    expect(await state(id)).toBe('draft')
    const publish = await transition(users.reviewer, id, 'publish')
    expect(publish.status).toBe(400)
    expect((await publish.json()).rule).toBe('wrong-state')
  })

  it('editing a published page makes a draft beside it; the live page is unchanged until that draft is published', async () => {
    const id = await publishedPage('A3')
    await cms.rest.patch(`/areas/${id}?draft=true`, {
      token: users.editor2.token,
      body: { body: [resultSet('NY TEXT A3', 'A3')], revision: await revisionOf(id) },
    })
    expect(await state(id)).toBe('draft')
    expect(await liveText(id)).toContain('Kalmars svar A3')
    expect(await liveText(id)).not.toContain('NY TEXT A3')

    await transition(users.editor2, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    await transition(users.reviewer, id, 'publish')
    expect(await liveText(id)).toContain('NY TEXT A3')
  })

  it('unpublish needs a reason and a reviewer or admin; then anonymous readers get nothing', async () => {
    const id = await publishedPage('A4')
    expect((await transition(users.editor, id, 'unpublish', { comment: 'Fel' })).status).toBe(403)
    const noReason = await transition(users.reviewer, id, 'unpublish')
    expect(noReason.status).toBe(400)
    expect(await liveText(id)).toContain('Kalmars svar A4')
    expect((await transition(users.reviewer, id, 'unpublish', { comment: 'Uppgifterna är felaktiga.' })).status).toBe(200)
    expect(await state(id)).toBe('unpublished')
    expect(await liveText(id)).toBeNull()
  })
})

describe('four eyes', () => {
  it('nobody who changed the draft may approve it, admins included; someone else may', async () => {
    const id = await createDraft(users.admin, 'F1')
    await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.reviewer2.token, body: { teaser: 'x' } }).catch(() => undefined)
    await transition(users.admin, id, 'submit')
    const own = await transition(users.admin, id, 'approve')
    expect(own.status).toBe(403)
    const body = await own.json()
    expect(body.rule).toBe('four-eyes')
    expect(body.message).toMatch(/Fyra ögon/)
    expect((await transition(users.reviewer, id, 'approve')).status).toBe(200)
  })

  it('a second editor’s change also bars that editor from approving (editor+reviewer user)', async () => {
    const both = await createUser(cms.payload, ['editor', 'reviewer'])
    const token = (await cms.rest.login(both.email, both.password)).token!
    const id = await createDraft(users.editor, 'F2')
    await cms.rest.patch(`/areas/${id}?draft=true`, { token, body: { teaser: 'ändrad av granskande redaktör', revision: await revisionOf(id) } })
    await transition(users.editor, id, 'submit')
    expect((await cms.rest.post(`/areas/${id}/workflow`, { token, body: { transition: 'approve' } })).status).toBe(403)
  })
})

describe('submit gate', () => {
  it('refuses a draft with a bullet missing Kalmar’s answer, naming the result set and bullet', async () => {
    const id = await createDraft(users.editor, 'S1', '')
    const response = await transition(users.editor, id, 'submit')
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.message).toMatch(/2024/)
    expect(body.message).toMatch(/punkt 1/i)
    expect(await state(id)).toBe('draft')
  })
})

describe('an editor cannot make content live by any path', () => {
  const tryEveryPath = async (id: number | string, marker: string) => {
    const editor = users.editor
    const attempts: [string, () => Promise<number>][] = [
      ['REST PATCH _status=published', async () => (await cms.rest.patch(`/areas/${id}`, { token: editor.token, body: { _status: 'published', teaser: marker } })).status],
      ['REST PATCH ?draft=true with _status=published', async () => (await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body: { _status: 'published', teaser: marker } })).status],
      ['REST bulk PATCH', async () => (await cms.rest.patch(`/areas?where[id][equals]=${id}`, { token: editor.token, body: { _status: 'published', teaser: marker } })).status],
      ['REST POST create published', async () => (await cms.rest.post('/areas', { token: editor.token, body: { title: marker, _status: 'published', body: [] } })).status],
      ['GraphQL update', async () => {
        const response = await cms.rest.graphQL(`mutation { updateArea(id: ${JSON.stringify(id)}, draft: false, data: { _status: published, teaser: "${marker}" }) { id } }`, { token: editor.token })
        const body = await response.json()
        return body.errors?.length ? 403 : response.status
      }],
      ['local API with user', async () => {
        try {
          await cms.payload.update({ collection: 'areas', id, data: { _status: 'published', teaser: marker }, user: await cms.payload.findByID({ collection: 'users', id: editor.id }), overrideAccess: false })
          return 200
        } catch (error) {
          return (error as { status?: number }).status ?? 500
        }
      }],
      ['workflow endpoint publish', async () => (await transition(editor, id, 'publish')).status],
    ]
    const results: Record<string, number> = {}
    for (const [name, attempt] of attempts) results[name] = await attempt()
    return results
  }

  it('on a draft, every path is refused and nothing becomes visible', async () => {
    const id = await createDraft(users.editor, 'B1')
    const results = await tryEveryPath(id, 'LÄCKA-B1')
    for (const [path, status] of Object.entries(results)) expect(status, path).toBeGreaterThanOrEqual(400)
    expect(await liveText(id)).toBeNull()
    const anonymous = await (await cms.rest.get('/areas?limit=100')).text()
    expect(anonymous).not.toContain('LÄCKA-B1')
  })

  it('on a published page, the live content is unchanged after every attempt', async () => {
    const id = await publishedPage('B2')
    const before = await liveText(id)
    const results = await tryEveryPath(id, 'LÄCKA-B2')
    for (const [path, status] of Object.entries(results)) expect(status, path).toBeGreaterThanOrEqual(400)
    expect(await liveText(id)).toBe(before)
  })

  it('a ?draft=false content save and Payload’s unpublish become drafts; the live page stays', async () => {
    const id = await publishedPage('B3')
    const before = await liveText(id)
    const save = await cms.rest.patch(`/areas/${id}`, { token: users.editor.token, body: { body: [resultSet('ÄNDRAT B3')], revision: await revisionOf(id) } })
    expect(save.status).toBe(200)
    const unpublish = await cms.rest.patch(`/areas/${id}`, { token: users.editor.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(200)
    expect(await liveText(id)).toBe(before)
    expect(await state(id)).toBe('draft')
  })

  it('restoring a version over REST is always a draft, whichever button sent it; the live page stays', async () => {
    const id = await publishedPage('B4')
    await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.editor.token, body: { body: [resultSet('UTKAST B4')], revision: await revisionOf(id) } })
    const versions = await cms.payload.findVersions({ collection: 'areas', where: { parent: { equals: id } }, sort: 'createdAt' })
    const [published, draft] = [versions.docs.find((version) => version.version._status === 'published')!, versions.docs.at(-1)!]
    // Payload's "Återställ den här versionen" sends draft=false, and so does every restore of a draft version.
    for (const [version, query] of [
      [published, '?draft=false'],
      [draft, '?draft=false'],
      [published, ''],
    ] as const) {
      const restore = await cms.rest.post(`/areas/versions/${version.id}${query}`, { token: users.editor.token })
      expect(restore.status, await restore.clone().text()).toBe(200)
      expect(await state(id)).toBe('draft')
      expect(await liveText(id)).toContain('Kalmars svar B4')
      expect(await liveText(id)).not.toContain('UTKAST B4')
    }
    const working = await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0 })
    expect(JSON.stringify(working.body)).toContain('Kalmars svar B4')
  })

  it('server code that restores a version as published is refused, naming the draft restore', async () => {
    const id = await publishedPage('B5')
    const versions = await cms.payload.findVersions({ collection: 'areas', where: { parent: { equals: id } }, sort: 'createdAt' })
    const editor = await cms.payload.findByID({ collection: 'users', id: users.editor.id, overrideAccess: true })
    await expect(
      cms.payload.restoreVersion({ collection: 'areas', id: versions.docs[0]!.id, draft: false, overrideAccess: false, user: { ...editor, collection: 'users' } }),
    ).rejects.toThrow(/Återställ som utkast/)
  })
})

describe('a reviewer using Payload’s own publish button', () => {
  it('may publish an approved, unchanged draft, and nothing else', async () => {
    const id = await createDraft(users.editor, 'P1')
    const early = await cms.rest.patch(`/areas/${id}`, { token: users.reviewer.token, body: { _status: 'published' } })
    expect(early.status).toBe(403)
    await transition(users.editor, id, 'submit')
    await transition(users.reviewer, id, 'approve')
    const publish = await cms.rest.patch(`/areas/${id}`, { token: users.reviewer.token, body: { _status: 'published' } })
    expect(publish.status, await publish.clone().text()).toBe(200)
    expect(await state(id)).toBe('published')
    expect(await liveText(id)).toContain('Kalmars svar P1')
  })
})

describe('audit log', () => {
  it('records transitions and publishes with who, what and the comment', async () => {
    const id = await publishedPage('L1')
    const { docs } = await cms.payload.find({ collection: 'audit-log', where: { documentId: { equals: String(id) } }, sort: 'createdAt', limit: 50 })
    expect(docs.map((entry) => [entry.action, entry.transition ?? null, entry.toState])).toEqual([
      ['save', null, 'draft'],
      ['transition', 'submit', 'inReview'],
      ['transition', 'approve', 'approved'],
      ['publish', 'publish', 'published'],
    ])
    expect(docs.at(-1)!.userName).toBeTruthy()
  })

  it('is append-only for everyone, admins included, over REST and the local API', async () => {
    const entry = (await cms.payload.find({ collection: 'audit-log', limit: 1 })).docs[0]!
    for (const token of [users.admin.token, users.reviewer.token, users.editor.token]) {
      expect((await cms.rest.patch(`/audit-log/${entry.id}`, { token, body: { comment: 'ändrad' } })).status).toBe(403)
      expect((await cms.rest.delete(`/audit-log/${entry.id}`, { token })).status).toBe(403)
      expect((await cms.rest.post('/audit-log', { token, body: { action: 'save' } })).status).toBe(403)
    }
    await expect(cms.payload.update({ collection: 'audit-log', id: entry.id, data: { comment: 'x' } })).rejects.toThrow(/Händelseloggen/)
    await expect(cms.payload.delete({ collection: 'audit-log', id: entry.id })).rejects.toThrow(/Händelseloggen/)
    expect((await cms.payload.findByID({ collection: 'audit-log', id: entry.id })).comment).toBe(entry.comment)
  })

  it('editors and anonymous readers cannot read it', async () => {
    for (const token of [users.editor.token, undefined]) {
      const response = await cms.rest.get('/audit-log', { token })
      const body = await response.json()
      expect(response.status === 403 || body.docs?.length === 0, JSON.stringify(body).slice(0, 200)).toBe(true)
    }
  })
})

describe('reviewers', () => {
  it('cannot edit content (the workflow refuses, with a Swedish message)', async () => {
    const id = await createDraft(users.editor, 'R1')
    const response = await cms.rest.patch(`/areas/${id}?draft=true`, { token: users.reviewer.token, body: { teaser: 'granskarens ändring' } })
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toMatch(/Behörighet saknas/)
    expect((await cms.payload.findByID({ collection: 'areas', id, draft: true })).teaser ?? null).toBeNull()
  })
})

describe('notifications', () => {
  it('reviewers get "Att granska" on submit; the editor gets the requested changes with the comment', async () => {
    const { readOutbox } = await import('@/notifications/transport')
    const outbox = `${cms.dataDir}/outbox`
    const before = readOutbox(outbox).length
    const id = await createDraft(users.editor2, 'N1')
    await transition(users.editor2, id, 'submit')
    await transition(users.reviewer, id, 'requestChanges', { comment: 'Svaret saknar årtal.' })
    const sent = readOutbox(outbox).slice(before)
    const review = sent.find((message) => message.subject === 'Att granska: Sida N1')!
    expect(review.to).toEqual(expect.arrayContaining([users.reviewer.email, users.reviewer2.email]))
    expect(review.to).not.toContain(users.editor2.email)
    expect(review.text).toContain(`/admin/collections/areas/${id}`)
    const changes = sent.find((message) => message.subject === 'Ändringar begärs: Sida N1')!
    expect(changes.to).toEqual([users.editor2.email])
    expect(changes.text).toContain('Svaret saknar årtal.')
  })
})
