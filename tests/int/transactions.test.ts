import { commitTransaction, createLocalReq, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { REVIEW_REMINDERS_TASK } from '@/publishing/reviewReminders'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

/**
 * A change is written whole or not at all, on both adapters: every write in
 * one request's transaction (the page, its published snapshot, its record,
 * the audit entry, the queued webhook) goes or stays together, and writes
 * from many requests at once do not trip over each other.
 */
let cms: TestCms
let editor: TestUser & { token: string }

const resultSet = (surveyYear: number, national: string, local: string) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: [{ national, local }],
})

async function count(collection: string, where: Record<string, unknown> = {}) {
  const { totalDocs } = await cms.payload.count({ collection: collection as never, where: where as never, overrideAccess: true })
  return totalDocs
}

async function inTransaction(): Promise<PayloadRequest> {
  const req = await createLocalReq({}, cms.payload)
  expect(await initTransaction(req), 'a new transaction').toBe(true)
  return req
}

beforeAll(async () => {
  cms = await startTestCms()
  await createUser(cms.payload, ['admin'])
  const user = await createUser(cms.payload, ['editor'])
  editor = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  // A subscriber, so that a publish queues a webhook job with the change.
  await cms.payload.create({
    collection: 'webhooks' as never,
    data: { name: 'Webbplatsen', url: 'http://127.0.0.1:9/hook', events: ['area.published'], active: true } as never,
    overrideAccess: true,
  })
})
afterAll(async () => cms?.cleanup())

describe('transactions', () => {
  it('the adapter opens real transactions', () => {
    expect(typeof cms.payload.db.beginTransaction).toBe('function')
  })

  it('a rolled-back publish leaves nothing: no page, version, snapshot, record, audit entry or webhook job', async () => {
    const before = {
      areas: await count('areas'),
      snapshots: await count('published-snapshots'),
      history: await count('publication-history'),
      audit: await count('audit-log'),
      jobs: await count('payload-jobs'),
    }
    const req = await inTransaction()
    const created = await cms.payload.create({
      collection: 'areas',
      data: { title: 'Återrullad', slug: 'aterrullad', body: [resultSet(2023, 'Nationellt', 'Kalmar')], _status: 'published' } as never,
      overrideAccess: true,
      req,
    })
    // Inside the transaction everything is there …
    expect(await cms.payload.count({ collection: 'published-snapshots', overrideAccess: true, req })).toMatchObject({ totalDocs: before.snapshots + 1 })
    expect((await cms.payload.count({ collection: 'payload-jobs', overrideAccess: true, req })).totalDocs).toBeGreaterThan(before.jobs)
    // … and outside it nothing is, until it commits.
    expect(await count('areas')).toBe(before.areas)
    await killTransaction(req)

    expect(await count('areas')).toBe(before.areas)
    expect(await count('published-snapshots')).toBe(before.snapshots)
    expect(await count('publication-history')).toBe(before.history)
    expect(await count('audit-log')).toBe(before.audit)
    expect(await count('payload-jobs')).toBe(before.jobs)
    const versions = await cms.payload.findVersions({ collection: 'areas', where: { parent: { equals: created.id } }, overrideAccess: true })
    expect(versions.totalDocs).toBe(0)
    const v1 = await cms.rest.v1('/areas/aterrullad')
    expect(v1.status).toBe(404)
  })

  it('a committed publish keeps all of it together', async () => {
    const req = await inTransaction()
    await cms.payload.create({
      collection: 'areas',
      data: { title: 'Bekräftad', slug: 'bekraftad', body: [resultSet(2023, 'Nationellt', 'Kalmar bekräftad')], _status: 'published' } as never,
      overrideAccess: true,
      req,
    })
    await commitTransaction(req)
    expect(await count('areas', { slug: { equals: 'bekraftad' } })).toBe(1)
    expect(await count('published-snapshots', { slug: { equals: 'bekraftad' } })).toBe(1)
    const v1 = await cms.rest.v1('/areas/bekraftad')
    expect(v1.status).toBe(200)
    expect(await v1.text()).toContain('Kalmar bekräftad')
  })

  it('a save refused by a hook over REST writes nothing of it', async () => {
    const before = { areas: await count('areas'), audit: await count('audit-log') }
    // Editors may not publish: the workflow hook refuses after Payload began the operation.
    const response = await cms.rest.post('/areas', {
      token: editor.token,
      body: { title: 'Otillåten', slug: 'otillaten', _status: 'published', body: [resultSet(2023, 'N', 'K')] },
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await count('areas')).toBe(before.areas)
    expect(await count('audit-log')).toBe(before.audit)
  })

  it('many writes at once, in and outside transactions, all succeed in order', async () => {
    const before = await count('sections')
    const writes = Array.from({ length: 40 }, (_, index) =>
      index % 4 === 0
        ? cms.rest.post('/sections', { token: editor.token, body: { title: `Avsnitt ${index}`, slug: `avsnitt-${index}` } })
        : index % 4 === 1
          ? cms.payload.create({ collection: 'sections', data: { title: `Avsnitt ${index}`, slug: `avsnitt-${index}` }, overrideAccess: true })
          : index % 4 === 2
            ? cms.rest.post('/areas', { token: editor.token, body: { title: `Område ${index}`, slug: `omrade-${index}` } })
            : cms.payload.jobs.queue({ task: REVIEW_REMINDERS_TASK as never, input: {} as never }),
    )
    const results = await Promise.allSettled(writes)
    const failures = results.filter((result) => result.status === 'rejected')
    expect(failures, JSON.stringify(failures.slice(0, 2))).toEqual([])
    for (const result of results) {
      const value = (result as PromiseFulfilledResult<unknown>).value
      if (value instanceof Response) expect(value.status, await value.clone().text()).toBe(201)
    }
    expect(await count('sections')).toBe(before + 20)
  })

  it('forgot-password completes at once: nothing in it waits for its own transaction', async () => {
    const started = Date.now()
    const response = await cms.rest.post('/users/forgot-password', { body: { email: editor.email } })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('a read outside an open transaction does not see its writes', async () => {
    const req = await inTransaction()
    await cms.payload.create({ collection: 'sections', data: { title: 'Osynlig', slug: 'osynlig' }, overrideAccess: true, req })
    const outside = await cms.rest.get('/sections?where[slug][equals]=osynlig', { token: editor.token })
    expect((await outside.json()).totalDocs).toBe(0)
    await killTransaction(req)
    expect(await count('sections', { slug: { equals: 'osynlig' } })).toBe(0)
  })
})

// libsql opened a new connection per transaction and never closed the old one (2 file descriptors each).
if (!process.env.TEST_MONGODB_URL) {
  describe('SQLite connections', () => {
    it('300 saves leave the number of open database files unchanged', async () => {
      const fs = await import('node:fs')
      const openDatabaseFiles = () =>
        fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(cms.dataDir)
          } catch {
            return false
          }
        }).length
      const before = openDatabaseFiles()
      for (let index = 0; index < 300; index += 1) {
        await cms.payload.create({ collection: 'sections', data: { title: `Läcka ${index}`, slug: `lacka-${index}` }, overrideAccess: true })
      }
      expect(openDatabaseFiles() - before).toBeLessThanOrEqual(2)
    })
  })
}
