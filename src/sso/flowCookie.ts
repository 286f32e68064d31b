import { createHmac, timingSafeEqual } from 'node:crypto'

import { z } from 'zod'

/**
 * What the browser carries from the start of a sign-in to the callback:
 * state, nonce, PKCE verifier and where to land. Sealed with an HMAC of
 * PAYLOAD_SECRET so it cannot be altered, valid for FLOW_TTL_MS, and removed
 * by the callback. Stateless, so it works with several replicas.
 */
export const FLOW_COOKIE = 'oj-oidc-flow'
export const FLOW_TTL_MS = 10 * 60 * 1000

export type SignInFlow = { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: number }

const flowSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(128),
  returnTo: z.string().startsWith('/').max(2000),
  expiresAt: z.number().int(),
})

const mac = (secret: string, body: string) => createHmac('sha256', `${secret}:oidc-flow`).update(body).digest('base64url')

export function sealFlow(flow: SignInFlow, secret: string): string {
  const body = Buffer.from(JSON.stringify(flow)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export type UnsealResult = { ok: true; flow: SignInFlow } | { ok: false; reason: 'missing' | 'altered' | 'expired' }

export function unsealFlow(sealed: string | undefined, secret: string, now = Date.now()): UnsealResult {
  if (!sealed) return { ok: false, reason: 'missing' }
  const [body, signature, ...rest] = sealed.split('.')
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'altered' }
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'altered' }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'altered' }
  }
  const parsed = flowSchema.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'altered' }
  if (parsed.data.expiresAt <= now) return { ok: false, reason: 'expired' }
  return { ok: true, flow: parsed.data }
}

/** `name=value` from a Cookie header, or undefined. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim()
  }
  return undefined
}

export function flowCookieHeader(value: string, secure: boolean, maxAgeSeconds = FLOW_TTL_MS / 1000): string {
  // Lax: the provider's redirect back is a top-level GET, which carries Lax cookies. Path: only the callback needs it.
  return `${FLOW_COOKIE}=${value}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`
}

export const clearFlowCookieHeader = (secure: boolean): string => flowCookieHeader('', secure, 0)
