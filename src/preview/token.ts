/**
 * Signed, expiring preview links: `<claims>.<signature>`, both base64url, the
 * signature an HMAC-SHA256 of the claims with a key derived from
 * PAYLOAD_SECRET. No database lookup is needed to check one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

export const PREVIEW_TTL_SECONDS = 60 * 60

const ClaimsSchema = z.object({
  /** Collection slug. */
  c: z.string().min(1),
  /** Document id. */
  id: z.string().min(1),
  /** Who asked for the link (for the audit of who looked). */
  u: z.string(),
  /** Expiry, seconds since the epoch. */
  exp: z.number().int(),
})

export type PreviewClaims = z.infer<typeof ClaimsSchema>

export type PreviewTokenResult =
  | { ok: true; claims: PreviewClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired'; message: string }

const key = (secret: string) => createHmac('sha256', secret).update('oppna-jamforelser/preview/v1').digest()

const sign = (claims: string, secret: string) => createHmac('sha256', key(secret)).update(claims).digest('base64url')

export function createPreviewToken(
  subject: { collection: string; id: string | number; userId: string | number },
  secret: string,
  now: Date = new Date(),
  ttlSeconds = PREVIEW_TTL_SECONDS,
): string {
  const claims: PreviewClaims = {
    c: subject.collection,
    id: String(subject.id),
    u: String(subject.userId),
    exp: Math.floor(now.getTime() / 1000) + Math.min(ttlSeconds, PREVIEW_TTL_SECONDS),
  }
  const encoded = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${encoded}.${sign(encoded, secret)}`
}

const MESSAGES = {
  missing: 'Länken saknar förhandsgranskningsnyckel. Öppna förhandsgranskningen från sidan i administrationen.',
  malformed: 'Förhandsgranskningslänken är ofullständig eller felaktig. Öppna förhandsgranskningen på nytt från administrationen.',
  signature: 'Förhandsgranskningslänken är inte giltig (den har ändrats). Öppna förhandsgranskningen på nytt från administrationen.',
  expired: 'Förhandsgranskningslänken har gått ut (den gäller i en timme). Öppna förhandsgranskningen på nytt från administrationen.',
} as const

const fail = (reason: keyof typeof MESSAGES): PreviewTokenResult => ({ ok: false, reason, message: MESSAGES[reason] })

export function verifyPreviewToken(token: string | null | undefined, secret: string, now: Date = new Date()): PreviewTokenResult {
  if (!token) return fail('missing')
  const [encoded, signature, extra] = token.split('.')
  if (!encoded || !signature || extra !== undefined) return fail('malformed')
  const expected = Buffer.from(sign(encoded, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('signature')
  let claims: PreviewClaims
  try {
    claims = ClaimsSchema.parse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')))
  } catch {
    return fail('malformed')
  }
  if (claims.exp * 1000 <= now.getTime()) return fail('expired')
  return { ok: true, claims }
}
