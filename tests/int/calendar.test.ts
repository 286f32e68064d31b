/**
 * The admin's calendar feed end to end: a scheduled publish, a scheduled
 * unpublish, a scheduled release and a review-by date reach a person's
 * iCalendar feed; a revoked or unknown address answers 404 with nothing to
 * learn; each address shows only what its owner may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashFeedKey } from '@/calendar/feedKey'
import { ensureCatalog } from '@/delivery/catalogLoader'
import { startTestCms, type TestCms } from '../helpers/payload'
import { signedInUsers, type TestUser } from '../helpers/users'

type Account = TestUser & { token: string }
type Id = number | string

let cms: TestCms
const as = {} as Record<'admin' | 'editor' | 'reviewer', Account>

beforeAll(async () => {
  cms = await startTestCms()
  Object.assign(
    as,
    await signedInUsers(
      cms,
      [
        ['admin', ['admin']],
        ['editor', ['editor']],
        ['reviewer', ['reviewer']],
      ],
      (key) => `Kalender ${key}`,
    ),
  )
  await ensureCatalog(cms.payload)
})
afterAll(async () => cms?.cleanup())

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
const resultSet = (text: string) => ({ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt', local: text }] })

const areaTransition = (who: Account, id: Id, transition: string, extra: object = {}) =>
  cms.rest.post(`/areas/${id}/workflow`, { token: who.token, body: { transition, ...extra } })
const releaseTransition = (who: Account, id: Id, transition: string, extra: object = {}) =>
  cms.rest.post(`/releases/${id}/workflow`, { token: who.token, body: { transition, ...extra } })

async function expectOk(response: Response, status = 200) {
  expect(response.status, await response.clone().text()).toBe(status)
  return response
}

/** A never-published draft by the editor, submitted and approved. */
async function approvedDraft(title: string): Promise<Id> {
  const created = await expectOk(await cms.rest.post('/areas?draft=true', { token: as.editor.token, body: { title, body: [resultSet(title)] } }), 201)
  const id = (await created.json()).doc.id as Id
  await expectOk(await areaTransition(as.editor, id, 'submit'))
  await expectOk(await areaTransition(as.reviewer, id, 'approve'))
  return id
}

async function createFeedKey(who: Account): Promise<string> {
  const response = await expectOk(await cms.rest.post('/calendar/feed-key', { token: who.token }), 201)
  expect(response.headers.get('cache-control')).toBe('no-store')
  const body = await response.json()
  expect(body.message).toMatch(/visas bara en gång/)
  return String(body.url)
}

/** GET of a feed address, through the real REST route (the path after /api). */
const getFeed = (url: string) => cms.rest.get(new URL(url).pathname.replace(/^\/api/, '') as `/${string}`)

/** The feed's lines with RFC 5545's folding undone. */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n')

describe('the personal calendar feed', () => {
  let publishId: Id
  let unpublishId: Id
  let reviewId: Id
  let trashedId: Id
  let releaseId: Id
  let editorFeed: string

  beforeAll(async () => {
    publishId = await approvedDraft('Kalender: Hemtjänst, publiceras')
    await expectOk(await areaTransition(as.reviewer, publishId, 'publish', { publishAt: inHours(24) }))

    const live = await cms.payload.create({ collection: 'areas', data: { title: 'Kalender; avpubliceras', body: [resultSet('live')], _status: 'published' } as never, overrideAccess: true })
    unpublishId = live.id
    await expectOk(await areaTransition(as.reviewer, unpublishId, 'unpublish', { comment: 'Inaktuell.', publishAt: inHours(48) }))

    const review = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Kalender: ses över', body: [], reviewBy: inHours(24 * 20) } as never, overrideAccess: true })
    reviewId = review.id
    const trashed = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Kalender: i papperskorgen', body: [], reviewBy: inHours(24 * 21) } as never, overrideAccess: true })
    trashedId = trashed.id
    await expectOk(await cms.rest.patch(`/areas/${trashedId}`, { token: as.admin.token, body: { deletedAt: new Date().toISOString() } }))

    const itemId = await approvedDraft('Kalender: i paketet')
    const created = await expectOk(await cms.rest.post('/releases', { token: as.editor.token, body: { name: 'Kalenderpaketet', items: [itemId] } }), 201)
    releaseId = (await created.json()).doc.id
    await expectOk(await releaseTransition(as.editor, releaseId, 'markReady'))
    await expectOk(await releaseTransition(as.reviewer, releaseId, 'publish', { publishAt: inHours(72) }))

    editorFeed = await createFeedKey(as.editor)
  })

  it('answers text/calendar with the scheduled publish, unpublish, release and review-by date', async () => {
    const response = await expectOk(await getFeed(editorFeed))
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const text = await response.text()
    const lines = unfold(text)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines.some((line) => line.startsWith('X-WR-CALNAME:Öppna jämförelser – kalender'))).toBe(true)
    const uids = lines.filter((line) => line.startsWith('UID:')).map((line) => line.slice(4).split('@')[0])
    expect(uids).toEqual(
      expect.arrayContaining([`areas-${publishId}-publish`, `areas-${unpublishId}-unpublish`, `areas-${reviewId}-reviewBy`, `releases-${releaseId}-release`]),
    )
    expect(uids.filter((uid) => uid?.startsWith(`areas-${trashedId}-`))).toEqual([])
    expect(lines).toContain('SUMMARY:Publicering: Kalender: Hemtjänst\\, publiceras')
    expect(lines).toContain('SUMMARY:Avpublicering: Kalender\\; avpubliceras')
    expect(lines).toContain('SUMMARY:Publiceringspaket: Kalenderpaketet')
    expect(lines.some((line) => /^DTSTART;VALUE=DATE:\d{8}$/.test(line))).toBe(true)
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })

  it('is the same calendar for another member of the staff, on their own address', async () => {
    const reviewerFeed = await createFeedKey(as.reviewer)
    expect(reviewerFeed).not.toBe(editorFeed)
    const lines = unfold(await (await expectOk(await getFeed(reviewerFeed))).text())
    expect(lines.filter((line) => line.startsWith('UID:'))).toHaveLength(4)
  })

  it('keeps the key secret: only its hash is stored, and no API shows it', async () => {
    const token = editorFeed.split('/').at(-1)!.replace(/\.ics$/, '')
    const stored = await cms.payload.findByID({ collection: 'users', id: as.editor.id, overrideAccess: true, showHiddenFields: true, depth: 0 })
    expect(stored.calendarFeedKeyHash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.calendarFeedKeyHash).not.toContain(token)
    const me = await (await cms.rest.get(`/users/${as.editor.id}`, { token: as.editor.token })).json()
    expect(me.calendarFeedKeyHash).toBeUndefined()
    expect(me.calendarFeedCreatedAt).toEqual(expect.any(String))
    // Nor can anyone write it over the API, not even an admin.
    await cms.rest.patch(`/users/${as.editor.id}`, { token: as.admin.token, body: { calendarFeedKeyHash: 'x'.repeat(64) } })
    const after = await cms.payload.findByID({ collection: 'users', id: as.editor.id, overrideAccess: true, showHiddenFields: true, depth: 0 })
    expect(after.calendarFeedKeyHash).toBe(stored.calendarFeedKeyHash)
    // The audit log says who made an address, never the address.
    const audit = await cms.payload.find({ collection: 'audit-log', where: { action: { equals: 'calendarFeedCreated' } }, overrideAccess: true, depth: 0 })
    expect(audit.docs.map((entry) => entry.documentId)).toContain(String(as.editor.id))
    expect(JSON.stringify(audit.docs)).not.toContain(token)
  })

  it('answers 404 without details for an unknown, malformed, replaced or revoked address', async () => {
    const unknown = editorFeed.replace(/[^/]{43}\.ics$/, `${'A'.repeat(43)}.ics`)
    for (const url of [unknown, editorFeed.replace(/\.ics$/, ''), `${new URL(editorFeed).origin}/api/calendar/feed/x.ics`]) {
      const response = await getFeed(url)
      expect(response.status, url).toBe(404)
      expect(await response.text()).toBe('Kalendern finns inte.\n')
    }
    const replaced = await createFeedKey(as.editor)
    expect((await getFeed(editorFeed)).status).toBe(404)
    expect((await getFeed(replaced)).status).toBe(200)
    await expectOk(await cms.rest.delete('/calendar/feed-key', { token: as.editor.token }))
    expect((await getFeed(replaced)).status).toBe(404)
  })

  it('gives an address only to signed-in staff, and shows nothing to an account without a role', async () => {
    expect((await cms.rest.post('/calendar/feed-key')).status).toBe(401)
    // A directory account whose groups gave no role: it may see nothing, so its address (however it got one) answers 404.
    const nobody = await cms.payload.create({
      collection: 'users',
      data: { email: 'utan-roll@kalmar.example', password: 'Lösenord-utan-roll-1', name: 'Utan roll', roles: [], sso: { issuer: 'https://idp.kalmar.example', subject: 'utan-roll' } } as never,
      overrideAccess: true,
    })
    const token = 'B'.repeat(43)
    await cms.payload.update({ collection: 'users', id: nobody.id, data: { calendarFeedKeyHash: hashFeedKey(token) }, overrideAccess: true })
    expect((await getFeed(`${new URL(editorFeed).origin}/api/calendar/feed/${token}.ics`)).status).toBe(404)
  })
})
