import { describe, expect, it } from 'vitest'

import { createPreviewToken, PREVIEW_TTL_SECONDS, verifyPreviewToken } from '@/preview/token'

const secret = 'a'.repeat(40)
const now = new Date('2026-11-23T10:00:00Z')
const token = createPreviewToken({ collection: 'areas', id: 12, userId: 3 }, secret, now)

describe('preview tokens', () => {
  it('are valid for at most one hour', () => {
    expect(verifyPreviewToken(token, secret, now)).toEqual({ ok: true, claims: { c: 'areas', id: '12', u: '3', exp: now.getTime() / 1000 + 3600 } })
    expect(verifyPreviewToken(token, secret, new Date(now.getTime() + 3599_000)).ok).toBe(true)
    expect(verifyPreviewToken(token, secret, new Date(now.getTime() + 3600_000))).toMatchObject({ ok: false, reason: 'expired', message: expect.stringMatching(/gått ut/) })
    const long = createPreviewToken({ collection: 'areas', id: 1, userId: 1 }, secret, now, 10 * PREVIEW_TTL_SECONDS)
    expect(verifyPreviewToken(long, secret, new Date(now.getTime() + 3601_000)).ok).toBe(false)
  })

  it('refuse any changed character, another secret, and a missing or malformed token', () => {
    for (let index = 0; index < token.length; index += 7) {
      const changed = token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1)
      expect(verifyPreviewToken(changed, secret, now).ok, changed).toBe(false)
    }
    expect(verifyPreviewToken(token, 'b'.repeat(40), now)).toMatchObject({ ok: false, reason: 'signature' })
    expect(verifyPreviewToken(undefined, secret, now)).toMatchObject({ ok: false, reason: 'missing' })
    expect(verifyPreviewToken('abc', secret, now)).toMatchObject({ ok: false, reason: 'malformed' })
    expect(verifyPreviewToken(`${token}.x`, secret, now)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('cannot be forged by changing the claims', () => {
    const [, signature] = token.split('.')
    const claims = Buffer.from(JSON.stringify({ c: 'areas', id: '13', u: '3', exp: 9_999_999_999 })).toString('base64url')
    expect(verifyPreviewToken(`${claims}.${signature}`, secret, now)).toMatchObject({ ok: false, reason: 'signature' })
  })
})
