import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readOutbox } from '@/notifications/transport'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string }
let cms: TestCms
let editor: Account
let reviewer: Account

beforeAll(async () => {
  cms = await startTestCms({ cron: true })
  const login = async (user: TestUser) => ({ ...user, token: (await cms.rest.login(user.email, user.password)).token! })
  // The first account of a system always becomes an administrator: make it one on purpose.
  await createUser(cms.payload, ['admin'])
  editor = await login(await createUser(cms.payload, ['editor']))
  reviewer = await login(await createUser(cms.payload, ['reviewer']))
})
afterAll(async () => cms?.cleanup())

const transition = (as: Account, id: number | string, name: string, extra: object = {}) =>
  cms.rest.post(`/areas/${id}/workflow`, { token: as.token, body: { transition: name, ...extra } })

async function approvedDraft(marker: string) {
  const created = await cms.rest.post('/areas?draft=true', {
    token: editor.token,
    body: { title: `Schema ${marker}`, body: [{ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'N', local: `Svar ${marker}` }] }] },
  })
  const id = (await created.json()).doc.id as number | string
  expect((await transition(editor, id, 'submit')).status).toBe(200)
  expect((await transition(reviewer, id, 'approve')).status).toBe(200)
  return id
}

/** The revision an edit form sends back with a save (optimistic concurrency, src/concurrency). */
const revisionOf = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

const isLive = async (id: number | string) => (await cms.rest.get(`/areas/${id}?depth=0`)).status === 200

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return check()
}

describe('scheduled publishing with the real job runner', () => {
  it('refuses a time in the past', async () => {
    const id = await approvedDraft('S0')
    const response = await transition(reviewer, id, 'publish', { publishAt: new Date(Date.now() - 60_000).toISOString() })
    expect(response.status).toBe(400)
    expect((await response.json()).rule).toBe('schedule-in-past')
  })

  it('publishes an approved draft 2 s ahead without any manual step', async () => {
    const id = await approvedDraft('S1')
    const at = new Date(Date.now() + 2000).toISOString()
    const response = await transition(reviewer, id, 'publish', { publishAt: at })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await isLive(id)).toBe(false)
    expect(await waitFor(() => isLive(id), 20_000)).toBe(true)
    const entry = await cms.payload.find({
      collection: 'audit-log',
      where: { and: [{ documentId: { equals: String(id) } }, { action: { equals: 'publish' } }] },
    })
    // The job's publish names what went live, like any publish (src/publishing/transition.ts).
    expect(entry.docs.map((doc) => doc.details)).toContainEqual({ scheduled: true, changedFields: expect.arrayContaining(['Titel']) })
  })

  it('does not publish a draft edited after approval, and tells its editors', async () => {
    const id = await approvedDraft('S2')
    await transition(reviewer, id, 'publish', { publishAt: new Date(Date.now() + 2000).toISOString() })
    const edit = await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body: { teaser: 'ändrad efter godkännande', revision: await revisionOf(id) } })
    expect(edit.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 8000))
    expect(await isLive(id)).toBe(false)
    const mail = readOutbox(`${cms.dataDir}/outbox`).filter((message) => message.subject === 'Schemalagd publicering stoppad: Schema S2')
    expect(mail).toHaveLength(1)
    expect(mail[0]!.to).toEqual([editor.email])
  })
})

describe('scheduled unpublishing with the real job runner', () => {
  it('takes a live page down at its time; a cancelled schedule leaves it up', async () => {
    const id = await approvedDraft('U1')
    expect((await transition(reviewer, id, 'publish')).status).toBe(200)
    const cancelled = await approvedDraft('U2')
    expect((await transition(reviewer, cancelled, 'publish')).status).toBe(200)

    const noReason = await transition(reviewer, id, 'unpublish', { publishAt: new Date(Date.now() + 2000).toISOString() })
    expect(noReason.status).toBe(400)
    const at = new Date(Date.now() + 2000).toISOString()
    expect((await transition(reviewer, id, 'unpublish', { publishAt: at, comment: 'Resultaten gäller bara till i dag.' })).status).toBe(200)
    expect((await transition(reviewer, cancelled, 'unpublish', { publishAt: at, comment: 'Tas ner.' })).status).toBe(200)
    expect((await transition(reviewer, cancelled, 'cancelScheduledUnpublish')).status).toBe(200)
    expect(await isLive(id)).toBe(true)

    expect(await waitFor(async () => !(await isLive(id)), 20_000)).toBe(true)
    expect((await cms.payload.findByID({ collection: 'areas', id, draft: true })).workflowState).toBe('unpublished')
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(await isLive(cancelled)).toBe(true)
  })
})
