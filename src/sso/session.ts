import { randomUUID } from 'node:crypto'

import { getFieldsToSign, jwtSign, type PayloadRequest, type SanitizedCollectionConfig } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { USERS } from '@/slugs'

type Session = { id: string; createdAt: Date | string; expiresAt: Date | string }

/**
 * Starts a Payload session for a user the directory signed in, exactly as
 * Payload's own login does (a session entry on the user, a JWT naming it,
 * the `payload-token` cookie), so `me`, refresh, logout and the admin treat
 * it like any other session.
 */
export async function startPayloadSession(req: PayloadRequest, userId: number | string): Promise<{ cookie: string; token: string; exp: number }> {
  const collection = req.payload.collections[USERS].config as SanitizedCollectionConfig
  const user = (await req.payload.db.findOne({ collection: USERS, req, where: { id: { equals: userId } } })) as Record<string, unknown> & {
    id: number | string
    email: string
    sessions?: Session[]
  }
  const now = new Date()
  const sid = randomUUID()
  const live = (user.sessions ?? []).filter((session) => new Date(session.expiresAt).getTime() > now.getTime())
  const sessions = [...live, { id: sid, createdAt: now, expiresAt: new Date(now.getTime() + collection.auth.tokenExpiration * 1000) }]
  await req.payload.db.updateOne({ collection: USERS, id: user.id, data: { ...user, sessions, updatedAt: null }, req, returning: false })
  const fieldsToSign = getFieldsToSign({ collectionConfig: collection, email: user.email, sid, user: { ...user, collection: USERS } as PayloadRequest['user'] })
  const { token, exp } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration: collection.auth.tokenExpiration })
  const cookie = generatePayloadCookie({ collectionAuthConfig: collection.auth, cookiePrefix: req.payload.config.cookiePrefix, token })
  return { cookie, token, exp }
}

/** Ends every session of a user (the directory took away all their roles). */
export async function endAllSessions(req: PayloadRequest, userId: number | string): Promise<void> {
  const user = (await req.payload.db.findOne({ collection: USERS, req, where: { id: { equals: userId } } })) as Record<string, unknown> | null
  if (!user) return
  await req.payload.db.updateOne({ collection: USERS, id: userId, data: { ...user, sessions: [], updatedAt: null }, req, returning: false })
}
