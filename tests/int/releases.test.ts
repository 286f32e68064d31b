/**
 * Releases (publiceringspaket) through the real REST routes, GraphQL and the
 * local API on a fresh database: putting one together, four eyes per item,
 * one open release per area, publishing all or nothing in one moment (readers
 * polling every page never see a mix), the scheduled publish on the job
 * queue, and the recall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureCatalog } from '@/delivery/catalogLoader'
import { handleDeliveryRequest } from '@/delivery/http'
import { deliveryState } from '@/delivery/state'
import { WORKFLOW_QUEUE } from '@/publishing/schedule'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string; user: Record<string, unknown> & { id: number | string; collection: 'users' } }
type Id = number | string

let cms: TestCms
const as: Record<'admin' | 'editor' | 'editor2' | 'reviewer' | 'reviewer2', Account> = {} as never

beforeAll(async () => {
  cms = await startTestCms()
  // The admin first: the first account of a system always becomes an administrator.
  for (const [key, roles] of [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['editor2', ['editor']],
    ['reviewer', ['reviewer']],
    ['reviewer2', ['reviewer']],
  ] as const) {
    const created = await createUser(cms.payload, [...roles], `Paket ${key}`)
    const user = await cms.payload.findByID({ collection: 'users', id: created.id, overrideAccess: true, depth: 0 })
    as[key] = { ...created, token: (await cms.rest.login(created.email, created.password)).token!, user: { ...user, id: created.id, collection: 'users' } }
  }
  // Subscribed to everything: what a publish queues (or does not) is counted below. Its deliveries fail (nothing listens there), which changes no count below.
  await cms.payload.create({
    collection: 'webhooks',
    data: { name: 'Paketmottagare', url: 'http://127.0.0.1:9/paket', events: ['area.published', 'area.unpublished', 'area.scheduled', 'release.published', 'release.recalled'], secret: 'hemligt' },
    overrideAccess: true,
  })
  await ensureCatalog(cms.payload)
})
afterAll(async () => cms?.cleanup())

let counter = 0
const resultSet = (text: string) => ({ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt', local: text }] })

/** A page live with `old` text, published as the importer publishes (trusted server code). */
async function livePage(old: string): Promise<{ id: Id; slug: string }> {
  counter += 1
  const slug = `paketsida-${counter}`
  const doc = await cms.payload.create({ collection: 'areas', data: { title: `Paketsida ${counter}`, slug, teaser: old, body: [resultSet(old)], _status: 'published' } as never, overrideAccess: true })
  return { id: doc.id, slug }
}

/** A never-published draft by the editor. */
async function draftPage(text: string): Promise<{ id: Id; slug: string }> {
  counter += 1
  const slug = `paketutkast-${counter}`
  const response = await cms.rest.post('/areas?draft=true', { token: as.editor.token, body: { title: `Paketutkast ${counter}`, slug, teaser: text, body: [resultSet(text)] } })
  expect(response.status, await response.clone().text()).toBe(201)
  return { id: (await response.json()).doc.id, slug }
}

const revisionOf = async (id: Id) => (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).revision

/** A draft edit as a person saves it (with the revision the form loaded). */
async function edit(id: Id, who: Account, fields: Record<string, unknown>) {
  const response = await cms.rest.patch(`/areas/${id}?draft=true`, { token: who.token, body: { ...fields, revision: await revisionOf(id) } })
  expect(response.status, await response.clone().text()).toBe(200)
}

const areaTransition = (who: Account, id: Id, transition: string, extra: object = {}) =>
  cms.rest.post(`/areas/${id}/workflow`, { token: who.token, body: { transition, ...extra } })

async function approve(id: Id, submitter: Account = as.editor, approver: Account = as.reviewer) {
  expect((await areaTransition(submitter, id, 'submit')).status).toBe(200)
  const approved = await areaTransition(approver, id, 'approve')
  expect(approved.status, await approved.clone().text()).toBe(200)
}

/** A live page with an approved new draft: `old` live, `next` waiting in the draft. */
async function pageWithApprovedDraft(old: string, next: string) {
  const page = await livePage(old)
  await edit(page.id, as.editor, { teaser: next, body: [resultSet(next)] })
  await approve(page.id)
  return page
}

async function createRelease(who: Account, name: string, items: Id[]) {
  const response = await cms.rest.post('/releases', { token: who.token, body: { name, items } })
  return { response, body: await response.clone().json() }
}

async function openRelease(name: string, items: Id[]): Promise<Id> {
  const { response, body } = await createRelease(as.editor, name, items)
  expect(response.status, JSON.stringify(body)).toBe(201)
  return body.doc.id
}

const releaseTransition = (who: Account | null, id: Id, transition: string, extra: object = {}) =>
  cms.rest.post(`/releases/${id}/workflow`, { token: who?.token, body: { transition, ...extra } })

async function readyRelease(name: string, items: Id[]): Promise<Id> {
  const id = await openRelease(name, items)
  const ready = await releaseTransition(as.editor, id, 'markReady')
  expect(ready.status, await ready.clone().text()).toBe(200)
  return id
}

const release = (id: Id) => cms.payload.findByID({ collection: 'releases', id, depth: 0, overrideAccess: true })
const areaState = async (id: Id) => (await cms.payload.findByID({ collection: 'areas', id, draft: true, depth: 0, overrideAccess: true })).workflowState

/** What /api/v1 serves for the page now (its teaser holds the marker), or null when it is not live. */
async function served(slug: string): Promise<string | null> {
  const response = await cms.rest.v1(`/areas/${slug}`)
  return response.status === 200 ? String((await response.json()).teaser) : null
}

const count = async (collection: 'webhook-deliveries' | 'payload-jobs' | 'publication-history' | 'audit-log', where: object = {}) =>
  (await cms.payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs

const deliveries = async () =>
  (await cms.payload.find({ collection: 'webhook-deliveries', pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' })).docs.map((doc) => ({
    event: doc.event,
    body: JSON.parse(String(doc.body)),
  }))

describe('putting a release together', () => {
  it('editors create it and change its items while open; the release shows an edit after approval; ready needs every item approved', async () => {
    const first = await pageWithApprovedDraft('R1 gammal', 'R1 ny')
    const second = await pageWithApprovedDraft('R2 gammal', 'R2 ny')
    const { response: byReviewer } = await createRelease(as.reviewer, 'Granskarens paket', [first.id])
    expect(byReviewer.status).toBe(403)

    const id = await openRelease('Höstens resultat', [first.id, second.id])
    const created = await release(id)
    expect(created).toMatchObject({ state: 'open', owner: as.editor.id })
    expect(created.itemStatus).toBe('"Paketsida 1": godkänt och oförändrat\n"Paketsida 2": godkänt och oförändrat')

    // Four eyes: the editor's edit after approval voids the item's approval, and the release says so.
    await edit(second.id, as.editor2, { teaser: 'R2 ändrad efter godkännandet' })
    const shown = await cms.rest.get(`/releases/${id}`, { token: as.reviewer.token })
    const status = (await shown.json()).itemStatus as string
    expect(status).toMatch(/": godkänt och oförändrat\n/)
    expect(status).toMatch(/": inte klart, status är "Utkast"$/)
    const notReady = await releaseTransition(as.editor, id, 'markReady')
    expect(notReady.status).toBe(400)
    const refusal = await notReady.json()
    expect(refusal.rule).toBe('items-not-ready')
    expect(refusal.items.map((item: { id: Id }) => String(item.id))).toEqual([String(second.id)])

    // Removing the item while open is the editors' to do; a reviewer may not.
    expect((await cms.rest.patch(`/releases/${id}`, { token: as.reviewer.token, body: { items: [first.id] } })).status).toBe(403)
    expect((await cms.rest.patch(`/releases/${id}`, { token: as.editor.token, body: { items: [first.id] } })).status).toBe(200)
    expect((await releaseTransition(as.editor, id, 'markReady')).status).toBe(200)
    expect((await release(id)).state).toBe('ready')

    // Ready: its items are fixed until someone opens it again.
    const change = await cms.rest.patch(`/releases/${id}`, { token: as.editor.token, body: { items: [first.id, second.id] } })
    expect(change.status).toBe(403)
    expect(JSON.stringify(await change.json())).toContain('Öppna paketet igen')
    expect((await releaseTransition(as.reviewer, id, 'reopen')).status).toBe(200)
    expect((await release(id)).state).toBe('open')
  })

  it('refuses an area that is already in another open release, naming it, on every path', async () => {
    const page = await pageWithApprovedDraft('K1 gammal', 'K1 ny')
    const other = await draftPage('K2')
    await openRelease('Vårens resultat', [page.id])
    const expected = `"Vårens resultat"`

    const { response, body } = await createRelease(as.editor, 'Andra paketet', [other.id, page.id])
    expect(response.status).toBe(403)
    expect(body.message).toContain(expected)

    const second = await openRelease('Tredje paketet', [other.id])
    const rest = await cms.rest.patch(`/releases/${second}`, { token: as.editor2.token, body: { items: [other.id, page.id] } })
    expect(rest.status).toBe(403)
    expect((await rest.json()).message).toContain(`ingår i publiceringspaketet ${expected}`)

    const graphQL = await cms.rest.graphQL(`mutation { updateRelease(id: ${JSON.stringify(second)}, data: { items: [${JSON.stringify(page.id)}] }) { id } }`, {
      token: as.editor.token,
    })
    expect(JSON.stringify(await graphQL.json())).toContain(`ingår i publiceringspaketet \\"Vårens resultat\\"`)

    // The local API, as a user and as trusted server code: an area is in at most one open release, always.
    await expect(cms.payload.update({ collection: 'releases', id: second, data: { items: [page.id] } as never, user: as.editor.user, overrideAccess: false })).rejects.toThrow(/Vårens resultat/)
    await expect(cms.payload.update({ collection: 'releases', id: second, data: { items: [page.id] } as never, overrideAccess: true })).rejects.toThrow(/Vårens resultat/)
    expect((await release(second)).items).toEqual([other.id])
  })

  it('never lets a client set the state or the record, over REST, GraphQL or the local API (with overrideAccess too)', async () => {
    const page = await pageWithApprovedDraft('S1 gammal', 'S1 ny')
    const id = await openRelease('Statusförsök', [page.id])
    await cms.rest.patch(`/releases/${id}`, { token: as.admin.token, body: { state: 'published', record: { items: [] } } })
    await cms.rest.graphQL(`mutation { updateRelease(id: ${JSON.stringify(id)}, data: { state: published }) { id } }`, { token: as.admin.token })
    await cms.payload.update({ collection: 'releases', id, data: { state: 'published', publishedAt: new Date().toISOString() }, user: as.admin.user, overrideAccess: true })
    expect(await release(id)).toMatchObject({ state: 'open', publishedAt: null, record: null })
    expect(await served(page.slug)).toBe('S1 gammal')
  })
})

describe('four eyes per item', () => {
  it('nobody publishes a release containing an item they changed, admins included; someone else may', async () => {
    const untouched = await pageWithApprovedDraft('F1 gammal', 'F1 ny')
    const byAdmin = await livePage('F2 gammal')
    await edit(byAdmin.id, as.admin, { teaser: 'F2 ny', body: [resultSet('F2 ny')] })
    await approve(byAdmin.id, as.admin, as.reviewer)
    const id = await readyRelease('Fyra ögon', [untouched.id, byAdmin.id])

    const own = await releaseTransition(as.admin, id, 'publish')
    expect(own.status).toBe(403)
    const refusal = await own.json()
    expect(refusal.rule).toBe('four-eyes')
    expect(refusal.message).toMatch(/^Fyra ögon-principen: du har själv ändrat "Paketsida \d+"/)
    expect(refusal.items.map((item: { id: Id }) => String(item.id))).toEqual([String(byAdmin.id)])
    const scheduledByAdmin = await releaseTransition(as.admin, id, 'publish', { publishAt: new Date(Date.now() + 3_600_000).toISOString() })
    expect(scheduledByAdmin.status).toBe(403)
    expect(await served(byAdmin.slug)).toBe('F2 gammal')

    expect((await releaseTransition(as.editor, id, 'publish')).status).toBe(403)
    const published = await releaseTransition(as.reviewer2, id, 'publish')
    expect(published.status, await published.clone().text()).toBe(200)
    expect([await served(untouched.slug), await served(byAdmin.slug)]).toEqual(['F1 ny', 'F2 ny'])
  })
})

describe('publishing is one transaction and one moment', () => {
  it('switches readers polling every page of a 40-page release from all old to all new at once', async () => {
    const pages: { id: Id; slug: string }[] = []
    for (let n = 0; n < 40; n++) pages.push(await pageWithApprovedDraft(`M${n} GAMMAL`, `M${n} NY`))
    const id = await readyRelease('Stort paket', pages.map((page) => page.id))
    const deliveriesBefore = await count('webhook-deliveries')

    const kinds: string[] = []
    let mixed: string[] = []
    const sample = () => {
      // One sample: every page of the release, read from the catalog as it is at this moment.
      const catalog = deliveryState().catalog!
      const seen = new Set(
        pages.map((page) => {
          const response = handleDeliveryRequest({ method: 'GET', url: `/api/v1/areas/${page.slug}` }, catalog, { allowedOrigins: [] })
          const body = String(response?.body)
          return body.includes(' NY"') ? 'new' : body.includes(' GAMMAL"') ? 'old' : `HTTP ${response?.status}`
        }),
      )
      const kind = [...seen].sort().join('+')
      if (seen.size !== 1 && mixed.length === 0) mixed = [...seen]
      if (kinds.at(-1) !== kind) kinds.push(kind)
      return kind
    }
    let samples = 0
    let running = true
    const poll = () => {
      sample()
      samples += 1
      if (running) setImmediate(poll)
    }
    // Between any two steps of the commit, too: from the moment the publish's transaction commits, a reader on
    // the microtask queue (cheap, straight from the catalog) runs between every await of the commit and of what
    // runs after it. Test-only: the adapter's commit is wrapped to start it.
    let microSamples = 0
    let microMixed: string[] = []
    let armed = false
    const micro = (left: number) => {
      const catalog = deliveryState().catalog!
      const seen = new Set(pages.map((page) => catalog.areaPage(page.slug)?.teaser?.split(' ')[1] ?? 'saknas'))
      if (seen.size !== 1 && microMixed.length === 0) microMixed = [...seen]
      microSamples += 1
      if (left > 0) queueMicrotask(() => micro(left - 1))
    }
    const db = cms.payload.db as unknown as { commitTransaction: (id: unknown) => Promise<void> }
    const commit = db.commitTransaction
    db.commitTransaction = async (id) => {
      if (armed) micro(5000)
      return commit(id)
    }
    // The list as the route handler serves it, in one response: also never a mix.
    const listKinds = new Set<string>()
    const pollList = async () => {
      while (running) {
        // A reader arrives with I/O, as a request does: answered from memory, the route would otherwise never yield.
        await new Promise((resolve) => setImmediate(resolve))
        const list = await (await cms.rest.v1('/areas?limit=100')).json()
        const teasers = (list.items as { slug: string; teaser: string }[]).filter((item) => item.slug.startsWith('paketsida-')).map((item) => item.teaser)
        const mine = teasers.filter((teaser) => /^M\d+ /.test(teaser))
        listKinds.add([...new Set(mine.map((teaser) => (teaser.endsWith(' NY') ? 'new' : 'old')))].sort().join('+'))
      }
    }
    expect(sample()).toBe('old')
    poll()
    armed = true
    const listing = pollList()
    const started = performance.now()
    const response = await releaseTransition(as.reviewer, id, 'publish')
    const publishMs = performance.now() - started
    armed = false
    db.commitTransaction = commit
    expect(response.status, await response.clone().text()).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    running = false
    await listing
    console.log(
      `Publiceringspaket med ${pages.length} sidor: publicerat på ${Math.round(publishMs)} ms; ` +
        `${samples} avläsningar av alla sidor genom /api/v1-hanteraren och ${microSamples} mellan stegen efter dess commit.`,
    )

    expect(mixed, 'a sample that saw some pages new and others old').toEqual([])
    expect(microMixed, 'a sample between two steps after the commit that saw some pages new and others old').toEqual([])
    expect(kinds).toEqual(['old', 'new'])
    expect(samples).toBeGreaterThanOrEqual(2)
    expect(microSamples).toBeGreaterThan(1000)
    expect([...listKinds].every((kind) => kind === 'old' || kind === 'new'), [...listKinds].join(', ')).toBe(true)
    expect(await served(pages[39]!.slug)).toBe('M39 NY')
    for (const page of pages.slice(0, 3)) expect(await areaState(page.id)).toBe('published')

    // Each area's own event once, and the release's event with every area's slug.
    const queued = (await deliveries()).slice(deliveriesBefore)
    expect(queued.filter((delivery) => delivery.event === 'area.published')).toHaveLength(40)
    const released = queued.filter((delivery) => delivery.event === 'release.published')
    expect(released).toHaveLength(1)
    expect(released[0]!.body.release.name).toBe('Stort paket')
    expect(released[0]!.body.release.areas.map((area: { slug: string }) => area.slug)).toEqual(pages.map((page) => page.slug))

    const stored = await release(id)
    expect(stored).toMatchObject({ state: 'published', failureReasons: null })
    expect(stored.publishedAt).toBeTruthy()
    expect(await count('audit-log', { and: [{ collectionSlug: { equals: 'releases' } }, { documentId: { equals: String(id) } }, { action: { equals: 'publish' } }] })).toBe(1)

    // A published release is read-only.
    const change = await cms.rest.patch(`/releases/${id}`, { token: as.editor.token, body: { name: 'Nytt namn' } })
    expect(change.status).toBe(403)
    expect(JSON.stringify(await change.json())).toContain('Skrivskyddat')
    expect((await cms.rest.delete(`/releases/${id}`, { token: as.admin.token })).status).toBe(403)
    await expect(cms.payload.delete({ collection: 'releases', id, user: as.admin.user, overrideAccess: true })).rejects.toThrow(/allmän handling/)
  })

  it('is all or nothing: a failure in the last item leaves every item as it was, nothing queued, and the release marked failed with the reason', async () => {
    const taken = await livePage('A0 upptagen')
    const pages = [await pageWithApprovedDraft('A1 gammal', 'A1 ny'), await pageWithApprovedDraft('A2 gammal', 'A2 ny')]
    // The last item's draft takes an address another live page has: its publish cannot be written.
    const last = await livePage('A3 gammal')
    await edit(last.id, as.editor, { teaser: 'A3 ny', slug: taken.slug })
    await approve(last.id)
    const all = [...pages, last]
    const id = await readyRelease('Paket som misslyckas', all.map((page) => page.id))

    const before = {
      deliveries: await count('webhook-deliveries'),
      jobs: await count('payload-jobs'),
      history: await count('publication-history'),
      itemAudit: await count('audit-log', { and: [{ collectionSlug: { equals: 'areas' } }, { action: { equals: 'publish' } }] }),
    }
    const response = await releaseTransition(as.reviewer, id, 'publish')
    expect(response.status).toBe(409)
    const body = await response.json()
    expect(body.message).toMatch(/^Publiceringen misslyckades och inget av paketet publicerades\./)
    expect(body.reasons).toHaveLength(1)
    expect(body.reasons[0]).toMatch(/^"Paketsida \d+" kunde inte publiceras: /)

    for (const [page, old] of [
      [pages[0]!, 'A1 gammal'],
      [pages[1]!, 'A2 gammal'],
      [last, 'A3 gammal'],
    ] as const) {
      expect(await served(page.slug), page.slug).toBe(old)
      expect(await areaState(page.id)).toBe('approved')
    }
    expect(await served(taken.slug)).toBe('A0 upptagen')
    expect({
      deliveries: await count('webhook-deliveries'),
      jobs: await count('payload-jobs'),
      history: await count('publication-history'),
      itemAudit: await count('audit-log', { and: [{ collectionSlug: { equals: 'areas' } }, { action: { equals: 'publish' } }] }),
    }).toEqual(before)

    const failed = await release(id)
    expect(failed.state).toBe('failed')
    expect(failed.failureReasons).toBe(body.reasons[0])
    const entries = await cms.payload.find({ collection: 'audit-log', where: { and: [{ collectionSlug: { equals: 'releases' } }, { documentId: { equals: String(id) } }, { action: { equals: 'releaseFailed' } }] }, overrideAccess: true })
    expect(entries.docs.map((entry) => entry.comment)).toEqual([body.reasons[0]])

    // Fixed and tried again: reopened, the item's address corrected and approved again, ready, published.
    expect((await releaseTransition(as.editor, id, 'reopen')).status).toBe(200)
    await edit(last.id, as.editor, { slug: last.slug })
    await approve(last.id)
    expect((await releaseTransition(as.editor, id, 'markReady')).status).toBe(200)
    expect((await releaseTransition(as.reviewer, id, 'publish')).status).toBe(200)
    expect(await Promise.all(all.map((page) => served(page.slug)))).toEqual(['A1 ny', 'A2 ny', 'A3 ny'])
  })
})

describe('scheduled publishing on the job queue', () => {
  const runJobs = () => cms.payload.jobs.run({ queue: WORKFLOW_QUEUE })
  const soon = () => new Date(Date.now() + 1200).toISOString()

  it('publishes a scheduled release at its time; one whose item was edited since is not published but marked failed with the reason', async () => {
    const pages = [await pageWithApprovedDraft('T1 gammal', 'T1 ny'), await pageWithApprovedDraft('T2 gammal', 'T2 ny')]
    const blocked = [await pageWithApprovedDraft('T3 gammal', 'T3 ny'), await pageWithApprovedDraft('T4 gammal', 'T4 ny')]
    const id = await readyRelease('Schemalagt paket', pages.map((page) => page.id))
    const stopped = await readyRelease('Stoppat paket', blocked.map((page) => page.id))

    expect((await releaseTransition(as.reviewer, id, 'publish', { publishAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(400)
    const at = soon()
    const scheduled = await releaseTransition(as.reviewer, id, 'publish', { publishAt: at })
    expect(scheduled.status, await scheduled.clone().text()).toBe(200)
    expect(await release(id)).toMatchObject({ state: 'scheduled', publishAt: at })
    expect((await releaseTransition(as.reviewer, stopped, 'publish', { publishAt: at })).status).toBe(200)
    await edit(blocked[1]!.id, as.editor2, { teaser: 'T4 ändrad efter godkännandet' })

    // Before its time the job does nothing.
    await runJobs()
    expect(await served(pages[0]!.slug)).toBe('T1 gammal')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await runJobs()

    expect(await release(id)).toMatchObject({ state: 'published' })
    expect(await Promise.all(pages.map((page) => served(page.slug)))).toEqual(['T1 ny', 'T2 ny'])
    const failed = await release(stopped)
    expect(failed.state).toBe('failed')
    expect(failed.failureReasons).toMatch(/^"Paketsida \d+": status är "Utkast"\.$/)
    expect(await Promise.all(blocked.map((page) => served(page.slug)))).toEqual(['T3 gammal', 'T4 gammal'])
    expect(await areaState(blocked[0]!.id)).toBe('approved')
    const audit = await cms.payload.find({ collection: 'audit-log', where: { and: [{ collectionSlug: { equals: 'releases' } }, { documentId: { equals: String(id) } }, { action: { equals: 'publish' } }] }, overrideAccess: true })
    expect(audit.docs.map((entry) => (entry.details as { scheduled?: boolean }).scheduled)).toEqual([true])
  })

  it('a cancelled schedule is not published when its time comes', async () => {
    const page = await pageWithApprovedDraft('C1 gammal', 'C1 ny')
    const id = await readyRelease('Avbrutet paket', [page.id])
    expect((await releaseTransition(as.reviewer, id, 'publish', { publishAt: soon() })).status).toBe(200)
    expect((await releaseTransition(as.reviewer, id, 'cancelScheduledPublish')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await runJobs()
    expect((await release(id)).state).toBe('ready')
    expect(await served(page.slug)).toBe('C1 gammal')
  })
})

describe('recalling a release', () => {
  it('sends every item back to its version before the release (or off the site), in one transaction, recorded with the reason', async () => {
    const wasLive = await pageWithApprovedDraft('Å1 gammal', 'Å1 ny')
    const neverLive = await draftPage('Å2 ny')
    await approve(neverLive.id)
    const id = await readyRelease('Paket att återkalla', [wasLive.id, neverLive.id])
    expect((await releaseTransition(as.reviewer, id, 'publish')).status).toBe(200)
    expect([await served(wasLive.slug), await served(neverLive.slug)]).toEqual(['Å1 ny', 'Å2 ny'])
    const historyBefore = await count('publication-history', { areaId: { equals: String(wasLive.id) } })
    const deliveriesBefore = await count('webhook-deliveries')

    expect((await releaseTransition(as.editor, id, 'recall', { comment: 'Fel' })).status).toBe(403)
    const noReason = await releaseTransition(as.reviewer, id, 'recall')
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).rule).toBe('comment-required')

    const recalled = await releaseTransition(as.reviewer, id, 'recall', { comment: 'Tabellen hade fel år.' })
    expect(recalled.status, await recalled.clone().text()).toBe(200)
    expect([await served(wasLive.slug), await served(neverLive.slug)]).toEqual(['Å1 gammal', null])
    expect(await areaState(wasLive.id)).toBe('published')
    expect(await areaState(neverLive.id)).toBe('unpublished')
    // A new published version in the public record, with the earlier text; the never-live page keeps its record.
    expect(await count('publication-history', { areaId: { equals: String(wasLive.id) } })).toBe(historyBefore + 1)
    const record = await (await cms.rest.v1(`/areas/${wasLive.slug}/versions`)).json()
    expect(record.items).toHaveLength(historyBefore + 1)
    // The record says why: which release was recalled and the reason, then what changed.
    expect(record.items.at(-1).summary).toMatch(/^Publiceringspaketet "Paket att återkalla" återkallades: Tabellen hade fel år\. \S/)
    expect(record.items.at(-2).summary).not.toContain('återkallades')
    expect(await count('publication-history', { areaId: { equals: String(neverLive.id) } })).toBe(1)

    const stored = await release(id)
    expect(stored).toMatchObject({ state: 'recalled', recallReason: 'Tabellen hade fel år.' })
    const queued = (await deliveries()).slice(deliveriesBefore)
    expect(queued.map((delivery) => delivery.event).sort()).toEqual(['area.published', 'area.unpublished', 'release.recalled'])
    expect(queued.find((delivery) => delivery.event === 'release.recalled')!.body.release.areas.map((area: { slug: string }) => area.slug)).toEqual([
      wasLive.slug,
      neverLive.slug,
    ])
    const entries = await cms.payload.find({ collection: 'audit-log', where: { and: [{ collectionSlug: { equals: 'releases' } }, { documentId: { equals: String(id) } }] }, overrideAccess: true, sort: 'createdAt', pagination: false })
    expect(entries.docs.map((entry) => [entry.action, entry.transition ?? null])).toEqual([
      ['save', null],
      ['transition', 'markReady'],
      ['publish', 'publish'],
      ['recall', 'recall'],
    ])
    expect(entries.docs.at(-1)!.comment).toBe('Tabellen hade fel år.')
    const itemComment = await cms.payload.find({ collection: 'comments', where: { documentId: { equals: String(wasLive.id) } }, overrideAccess: true, sort: '-createdAt', limit: 1 })
    expect(itemComment.docs[0]!.text).toBe('Återkallat med publiceringspaketet "Paket att återkalla": Tabellen hade fel år.')

    // Recalled: read-only, and not recalled twice.
    expect((await releaseTransition(as.reviewer, id, 'recall', { comment: 'Igen' })).status).toBe(400)
    expect((await cms.rest.patch(`/releases/${id}`, { token: as.editor.token, body: { name: 'Annat' } })).status).toBe(403)
  })

  it('refuses a recall when an item was published again since, naming it', async () => {
    const page = await pageWithApprovedDraft('Å3 gammal', 'Å3 ny')
    const id = await readyRelease('Paket med senare ändring', [page.id])
    expect((await releaseTransition(as.reviewer, id, 'publish')).status).toBe(200)
    await edit(page.id, as.editor, { teaser: 'Å3 nyare' })
    await approve(page.id)
    expect((await areaTransition(as.reviewer, page.id, 'publish')).status).toBe(200)
    const refused = await releaseTransition(as.reviewer, id, 'recall', { comment: 'Fel' })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ rule: 'changed-since-release', message: /^Kan inte återkallas: "Paketsida \d+"/ })
    expect(await served(page.slug)).toBe('Å3 nyare')
  })
})

describe('who may take a release transition, on every path', () => {
  it('over REST: signed in only, with the role the workflow names', async () => {
    const page = await pageWithApprovedDraft('B1 gammal', 'B1 ny')
    const id = await openRelease('Behörighetspaket', [page.id])
    expect((await releaseTransition(null, id, 'markReady')).status).toBe(401)
    const byReviewer = await releaseTransition(as.reviewer, id, 'markReady')
    expect(byReviewer.status).toBe(403)
    expect((await byReviewer.json()).message).toMatch(/^Behörighet saknas: "Markera som klart" får bara göras av redaktör eller administratör\./)
    expect((await releaseTransition(as.editor2, id, 'markReady')).status).toBe(200)
    expect((await releaseTransition(as.editor, id, 'publish')).status).toBe(403)
    expect((await releaseTransition(as.editor, id, 'nonsense')).status).toBe(400)
    expect((await releaseTransition(as.reviewer, 999_999, 'publish')).status).toBe(404)
    expect(await served(page.slug)).toBe('B1 gammal')
  })

  it('over GraphQL and the local API: a ready release’s items do not change, by any user', async () => {
    const page = await pageWithApprovedDraft('B2 gammal', 'B2 ny')
    const other = await draftPage('B3')
    const id = await readyRelease('Låst paket', [page.id])
    const graphQL = await cms.rest.graphQL(`mutation { updateRelease(id: ${JSON.stringify(id)}, data: { items: [${JSON.stringify(page.id)}, ${JSON.stringify(other.id)}] }) { id } }`, {
      token: as.editor.token,
    })
    expect(JSON.stringify(await graphQL.json())).toContain('Öppna paketet igen')
    const byReviewer = await cms.rest.graphQL(`mutation { updateRelease(id: ${JSON.stringify(id)}, data: { name: "x" }) { id } }`, { token: as.reviewer.token })
    expect((await byReviewer.json()).errors?.[0]?.extensions?.statusCode).toBe(403)
    for (const overrideAccess of [false, true]) {
      await expect(cms.payload.update({ collection: 'releases', id, data: { items: [page.id, other.id] } as never, user: as.admin.user, overrideAccess })).rejects.toThrow(/Öppna paketet igen/)
    }
    expect((await release(id)).items).toEqual([page.id])
  })

  it('GET /api/releases/:id/workflow shows each role what the workflow offers it, and each item’s readiness', async () => {
    const ready = await pageWithApprovedDraft('P1 gammal', 'P1 ny')
    const changed = await pageWithApprovedDraft('P2 gammal', 'P2 ny')
    const id = await openRelease('Panelpaket', [ready.id, changed.id])
    await edit(changed.id, as.editor2, { teaser: 'P2 ändrad efter godkännandet' })
    const panelFor = async (who: Account | null) => {
      const response = await cms.rest.get(`/releases/${id}/workflow`, { token: who?.token })
      return { status: response.status, body: await response.json() }
    }
    expect((await panelFor(null)).status).toBe(401)
    const editors = await panelFor(as.editor)
    expect(editors.status).toBe(200)
    expect(editors.body.stateLabel).toBe('Öppet')
    expect(editors.body.items.map((item: { title: string; ready: boolean; problem: string | null }) => [item.ready, item.problem])).toEqual([
      [true, null],
      [false, 'status är "Utkast"'],
    ])
    expect(editors.body.actions).toEqual([expect.objectContaining({ id: 'markReady', enabled: false, message: expect.stringContaining('status är "Utkast"') })])
    expect((await panelFor(as.reviewer)).body.actions).toEqual([])
    await approve(changed.id, as.editor, as.reviewer)
    expect((await releaseTransition(as.editor, id, 'markReady')).status).toBe(200)
    // editor2 changed the second item: four eyes, shown before the click.
    const changer = await panelFor(as.editor2)
    expect(changer.body.items.map((item: { changedByViewer: boolean }) => item.changedByViewer)).toEqual([false, true])
    const reviewers = (await panelFor(as.reviewer2)).body.actions.map((action: { id: string; enabled: boolean }) => [action.id, action.enabled])
    expect(reviewers).toEqual([
      ['reopen', true],
      ['publish', true],
    ])
    expect((await cms.rest.get('/releases/999999/workflow', { token: as.reviewer.token })).status).toBe(404)
  })
})
