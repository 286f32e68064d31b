import { generateExpiredPayloadCookie } from 'payload/shared'
import { logoutOperation, type Endpoint, type PayloadRequest } from 'payload'

import { loadEnv, usesHttps, type Env, type OidcConfig } from '@/env'
import { auditSsoRefusal, applySignIn } from '@/sso/applySignIn'
import { endSessionUrl, finishSignIn, isUnreachable, ProviderRefusal, startSignIn, AFTER_LOGOUT_PATH } from '@/sso/client'
import { clearFlowCookieHeader, FLOW_COOKIE, FLOW_TTL_MS, flowCookieHeader, readCookie, sealFlow, unsealFlow } from '@/sso/flowCookie'
import { isDirectoryAccount } from '@/sso/passwordLogin'
import { safeReturnPath } from '@/sso/returnTo'
import { REFUSAL_PARAM, type RefusalReason } from '@/sso/signIn'
import { checkAuthAttempt, requestClientAddress } from '@/auth/securityLogin'
import { formatWait, retryAfterSeconds } from '@/auth/rateLimit'
import { USERS } from '@/slugs'

const NO_STORE = { 'Cache-Control': 'no-store' }

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, ...NO_STORE, 'Referrer-Policy': 'no-referrer' })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { status: 302, headers })
}

const refusedTo = (env: Env, reason: RefusalReason) => `${env.serverUrl}/admin/login?${REFUSAL_PARAM}=${reason}`

function configured(): { env: Env; oidc: OidcConfig } | Response {
  const env = loadEnv()
  if (!env.oidc) return Response.json({ message: 'Inloggning med kommunens konto är inte inställd (OIDC_ISSUER saknas).' }, { status: 404, headers: NO_STORE })
  return { env, oidc: env.oidc }
}

/** GET /api/auth/oidc/login?returnTo=/admin/…: to the provider, with a fresh state, nonce and PKCE verifier. */
const login: Endpoint = {
  path: '/auth/oidc/login',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const setup = configured()
    if (setup instanceof Response) return setup
    const { env, oidc } = setup
    const returnTo = safeReturnPath(req.searchParams.get('returnTo'))
    try {
      const { url, flow } = await startSignIn(oidc, env.serverUrl, returnTo, Date.now(), FLOW_TTL_MS)
      return redirect(url.href, [flowCookieHeader(sealFlow(flow, req.payload.secret), usesHttps(env))])
    } catch (error) {
      req.payload.logger.error({ msg: `Inloggningstjänsten ${oidc.issuer} svarar inte`, err: error })
      return redirect(refusedTo(env, 'unavailable'))
    }
  },
}

/**
 * What check failed, for the audit log: openid-client's code and message,
 * the claim or parameter it names (nonce, aud, iss, exp, state) and the
 * provider's error (invalid_grant for a code used twice). Never a token.
 */
function failedCheck(error: unknown): Record<string, unknown> {
  type Failure = { name?: string; message?: string; code?: string; cause?: unknown; error?: string; claim?: string; parameter?: string }
  const outer = error as Failure
  // openid-client wraps oauth4webapi's error, whose own cause names the claim or parameter.
  const inner = (outer.cause && typeof outer.cause === 'object' ? outer.cause : undefined) as Failure | undefined
  const facts = (inner?.cause && typeof inner.cause === 'object' ? inner.cause : undefined) as Failure | undefined
  const named = facts?.claim ?? facts?.parameter ?? inner?.claim ?? inner?.parameter
  return {
    error: outer.code ?? outer.name,
    message: (inner?.message ?? outer.message)?.slice(0, 300),
    ...(typeof named === 'string' ? { check: named } : {}),
    ...(typeof outer.error === 'string' ? { providerError: outer.error } : {}),
  }
}

function tooManyAttempts(env: Env, retryAfterMs: number): Response {
  const wait = formatWait(retryAfterMs)
  const body = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>För många inloggningsförsök</title><main><h1>För många inloggningsförsök</h1><p>Vänta ${wait} och <a href="${env.serverUrl}/admin/login">försök sedan igen</a>.</p></main></html>`
  return new Response(body, { status: 429, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfterSeconds(retryAfterMs)), ...NO_STORE } })
}

/** GET /api/auth/oidc/callback: the provider's redirect back; every check, then the account and its session. */
const callback: Endpoint = {
  path: '/auth/oidc/callback',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const setup = configured()
    if (setup instanceof Response) return setup
    const { env, oidc } = setup
    const secure = usesHttps(env)
    const clear = clearFlowCookieHeader(secure)
    const limit = checkAuthAttempt('ssoCallback', { address: requestClientAddress(req), account: null })
    if (!limit.allowed) return tooManyAttempts(env, limit.retryAfterMs)

    const sealed = unsealFlow(readCookie(req.headers.get('cookie'), FLOW_COOKIE), req.payload.secret)
    const search = new URL(req.url ?? '', env.serverUrl).search
    const refuse = async (reason: RefusalReason, details: Record<string, unknown>) => {
      await auditSsoRefusal(req.payload, { reason, ...details }, null)
      return redirect(refusedTo(env, reason), [clear])
    }
    if (!sealed.ok) return refuse(sealed.reason === 'expired' ? 'flowExpired' : 'flowMissing', { flow: sealed.reason })

    let claims: Record<string, unknown>
    try {
      claims = await finishSignIn(oidc, env.serverUrl, search, sealed.flow)
    } catch (error) {
      if (error instanceof ProviderRefusal) return refuse('providerError', { error: error.code, description: error.description })
      const reason = isUnreachable(error) ? 'unavailable' : 'invalidResponse'
      const check = failedCheck(error)
      req.payload.logger.info({ msg: `Inloggning med kommunens konto nekad: ${JSON.stringify(check)}` })
      return refuse(reason, check)
    }
    const outcome = await applySignIn(req.payload, claims, oidc)
    if (!outcome.ok) return redirect(refusedTo(env, outcome.reason), [clear])
    return redirect(`${env.serverUrl}${sealed.flow.returnTo}`, [outcome.cookie, clear])
  },
}

/**
 * GET /api/auth/oidc/logout: ends the local session (as Payload's logout
 * does) and, for a directory account, continues to the provider's
 * end-session endpoint when it has one, which returns to the login page.
 */
const logout: Endpoint = {
  path: '/auth/oidc/logout',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const env = loadEnv()
    const collection = req.payload.collections[USERS]
    const fromDirectory = isDirectoryAccount(req.user as never)
    if (req.user) await logoutOperation({ collection, req })
    const expired = generateExpiredPayloadCookie({ collectionAuthConfig: collection.config.auth, cookiePrefix: req.payload.config.cookiePrefix })
    let next = `${env.serverUrl}${AFTER_LOGOUT_PATH}`
    if (env.oidc && fromDirectory) {
      const url = await endSessionUrl(env.oidc, env.serverUrl).catch(() => undefined)
      if (url) next = url.href
    }
    return redirect(next, [expired])
  },
}

export const oidcEndpoints: Endpoint[] = [login, callback, logout]
