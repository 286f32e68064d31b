/**
 * The secret in a person's calendar feed address. Only its SHA-256 is stored
 * on the user (like a password reset token): a copy of the database does not
 * hand out feeds, and a new key (or none) revokes the old address at once.
 */
import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

export const FEED_PATH = '/calendar/feed'

export function createFeedKey(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashFeedKey(token) }
}

export const hashFeedKey = (token: string) => createHash('sha256').update(token).digest('hex')

/** The token from the last path segment ('<token>.ics'), or null for anything else. */
export function feedTokenFromFile(file: string | undefined): string | null {
  const match = /^(.+)\.ics$/.exec(file ?? '')
  return match && TOKEN.test(match[1]!) ? match[1]! : null
}

/** The address to subscribe to: SERVER_URL/api/calendar/feed/<token>.ics. */
export const feedUrl = (serverUrl: string, token: string) => `${serverUrl.replace(/\/$/, '')}/api${FEED_PATH}/${token}.ics`
