import type { Endpoint, PayloadRequest, TypedUser } from 'payload'

import { isStaff, userHasRole } from '@/access'
import { recordAudit } from '@/audit/record'
import { loadEnv } from '@/env'
import { USERS } from '@/slugs'
import { createFeedKey, FEED_PATH, feedTokenFromFile, feedUrl, hashFeedKey } from './feedKey'
import { serializeCalendar } from './ical'
import { loadCalendarEvents } from './load'

const NO_STORE = { 'Cache-Control': 'no-store' }

const json = (status: number, body: object) => Response.json(body, { status, headers: NO_STORE })

// The same answer for a token that never existed, one that was revoked and one whose owner lost their role: nothing to learn.
const notFound = () => new Response('Kalendern finns inte.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...NO_STORE } })

export const calendarName = (municipality: string) => `Öppna jämförelser – kalender (${municipality})`

/** The user a feed token belongs to, or null. The token is compared by its hash, which is all that is stored. */
async function feedOwner(req: PayloadRequest, token: string): Promise<TypedUser | null> {
  const found = await req.payload.find({
    collection: USERS,
    where: { calendarFeedKeyHash: { equals: hashFeedKey(token) } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const user = found.docs[0]
  return user ? ({ ...user, collection: USERS } as TypedUser) : null
}

/**
 * GET /api/calendar/feed/<token>.ics: the person's calendar for Outlook and
 * other clients, read-only, with what that person may see. No session: the
 * secret address is the credential.
 */
const feedEndpoint: Endpoint = {
  path: `${FEED_PATH}/:file`,
  method: 'get',
  handler: async (req) => {
    const token = feedTokenFromFile(String(req.routeParams?.file ?? ''))
    if (!token) return notFound()
    const owner = await feedOwner(req, token)
    if (!owner || !userHasRole(owner, 'admin', 'editor', 'reviewer')) return notFound()
    const env = loadEnv()
    const events = await loadCalendarEvents(req.payload, owner)
    const body = serializeCalendar(events, { name: calendarName(env.municipality), baseUrl: env.serverUrl, now: new Date() })
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="kalender.ics"',
        // Personal: no shared cache may keep it, and the address must not leak on through a Referer.
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Robots-Tag': 'noindex',
      },
    })
  },
}

/** POST /api/calendar/feed-key: a new secret address for the signed-in person; any old one stops working. Shown once. */
const createKeyEndpoint: Endpoint = {
  path: '/calendar/feed-key',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return json(401, { message: 'Logga in för att skapa en kalenderadress.' })
    if (!isStaff({ req })) return json(403, { message: 'Bara redaktörer, granskare och administratörer har en kalender.' })
    const { token, hash } = createFeedKey()
    const createdAt = new Date().toISOString()
    await req.payload.update({ collection: USERS, id: req.user.id, data: { calendarFeedKeyHash: hash, calendarFeedCreatedAt: createdAt }, overrideAccess: true, depth: 0, req })
    // Who made an address, and when, is on record; the address itself never is.
    await recordAudit(req, { action: 'calendarFeedCreated', collection: USERS, documentId: req.user.id, documentTitle: req.user.name ?? req.user.email })
    return json(201, {
      url: feedUrl(loadEnv().serverUrl, token),
      createdAt,
      message: 'Kalenderadressen är skapad. Kopiera den nu: den visas bara en gång. En tidigare adress fungerar inte längre.',
    })
  },
}

/** DELETE /api/calendar/feed-key: the signed-in person's address stops working at once. */
const revokeKeyEndpoint: Endpoint = {
  path: '/calendar/feed-key',
  method: 'delete',
  handler: async (req) => {
    if (!req.user) return json(401, { message: 'Logga in för att återkalla din kalenderadress.' })
    await req.payload.update({ collection: USERS, id: req.user.id, data: { calendarFeedKeyHash: null, calendarFeedCreatedAt: null }, overrideAccess: true, depth: 0, req })
    await recordAudit(req, { action: 'calendarFeedRevoked', collection: USERS, documentId: req.user.id, documentTitle: req.user.name ?? req.user.email })
    return json(200, { message: 'Kalenderadressen är återkallad. Den slutar fungera direkt.' })
  },
}

export const calendarEndpoints: Endpoint[] = [feedEndpoint, createKeyEndpoint, revokeKeyEndpoint]
