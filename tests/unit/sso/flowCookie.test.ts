import { describe, expect, it } from 'vitest'

import { FLOW_TTL_MS, readCookie, sealFlow, unsealFlow, type SignInFlow } from '@/sso/flowCookie'

const secret = 'k'.repeat(64)
const flow: SignInFlow = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43), returnTo: '/admin', expiresAt: 1_000_000 + FLOW_TTL_MS }

describe('the sealed sign-in flow', () => {
  it('opens with the same secret before it expires', () => {
    expect(unsealFlow(sealFlow(flow, secret), secret, 1_000_000)).toEqual({ ok: true, flow })
  })

  it('is refused when missing, altered, sealed with another secret or expired', () => {
    const sealed = sealFlow(flow, secret)
    expect(unsealFlow(undefined, secret)).toEqual({ ok: false, reason: 'missing' })
    const [body, mac] = sealed.split('.')
    const forged = Buffer.from(JSON.stringify({ ...flow, returnTo: '//evil.example' })).toString('base64url')
    expect(unsealFlow(`${forged}.${mac}`, secret, 1_000_000)).toEqual({ ok: false, reason: 'altered' })
    expect(unsealFlow(`${body}.${mac}x`, secret, 1_000_000)).toEqual({ ok: false, reason: 'altered' })
    expect(unsealFlow(sealed, 'x'.repeat(64), 1_000_000)).toEqual({ ok: false, reason: 'altered' })
    expect(unsealFlow(sealed, secret, flow.expiresAt)).toEqual({ ok: false, reason: 'expired' })
  })

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; oj-oidc-flow=abc.def; b=2', 'oj-oidc-flow')).toBe('abc.def')
    expect(readCookie(null, 'oj-oidc-flow')).toBeUndefined()
  })
})
