/**
 * The OpenID Connect relying party, on openid-client (certified): discovery,
 * the authorization URL with PKCE, state and nonce, and the code exchange,
 * which checks state, PKCE, issuer, audience, expiry, nonce and (with
 * non-repudiation checks on) the ID token's signature against the
 * provider's published keys. Only RS256 is accepted, so `alg: none` and a
 * token signed with the client secret (HS256) are refused.
 */
import * as client from 'openid-client'

import type { OidcConfig } from '@/env'
import type { SignInFlow } from './flowCookie'

export const CALLBACK_PATH = '/api/auth/oidc/callback'
export const LOGIN_PATH = '/api/auth/oidc/login'
export const END_SESSION_PATH = '/api/auth/oidc/logout'
/** Where the provider sends the person after signing out there. */
export const AFTER_LOGOUT_PATH = '/admin/login'

export const ID_TOKEN_ALG = 'RS256'
const REQUEST_TIMEOUT_SECONDS = 10

export const redirectUri = (serverUrl: string) => `${serverUrl}${CALLBACK_PATH}`

let discovered: { key: string; configuration: Promise<client.Configuration> } | undefined

/** The provider's metadata, read once per process (again after a failure). */
export function oidcConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}\n${oidc.clientId}`
  if (discovered?.key !== key) {
    const configuration = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      { client_secret: oidc.clientSecret, id_token_signed_response_alg: ID_TOKEN_ALG },
      client.ClientSecretBasic(oidc.clientSecret),
      { execute: [client.enableNonRepudiationChecks], timeout: REQUEST_TIMEOUT_SECONDS },
    )
    discovered = { key, configuration }
    configuration.catch(() => {
      if (discovered?.configuration === configuration) discovered = undefined
    })
  }
  return discovered.configuration
}

/** A new flow (fresh state, nonce and PKCE verifier) and the provider URL that starts it. */
export async function startSignIn(
  oidc: OidcConfig,
  serverUrl: string,
  returnTo: string,
  now = Date.now(),
  ttlMs: number,
): Promise<{ url: URL; flow: SignInFlow }> {
  const configuration = await oidcConfiguration(oidc)
  const flow: SignInFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    returnTo,
    expiresAt: now + ttlMs,
  }
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(serverUrl),
    scope: 'openid profile email',
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  })
  return { url, flow }
}

/** Thrown for an `error=` callback from the provider (the person cancelled, or it refused the client). */
export class ProviderRefusal extends Error {
  constructor(readonly code: string, readonly description: string | undefined) {
    super(`${code}${description ? `: ${description}` : ''}`)
    this.name = 'ProviderRefusal'
  }
}

/**
 * Exchanges the code of the callback at `callbackSearch` and returns the ID
 * token's claims, validated. Throws on any failed check.
 */
export async function finishSignIn(
  oidc: OidcConfig,
  serverUrl: string,
  callbackSearch: string,
  flow: SignInFlow,
): Promise<Record<string, unknown>> {
  const configuration = await oidcConfiguration(oidc)
  const currentUrl = new URL(`${redirectUri(serverUrl)}${callbackSearch}`)
  const error = currentUrl.searchParams.get('error')
  if (error) throw new ProviderRefusal(error.slice(0, 100), currentUrl.searchParams.get('error_description')?.slice(0, 300))
  const tokens = await client.authorizationCodeGrant(
    configuration,
    currentUrl,
    { pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true },
    { redirect_uri: redirectUri(serverUrl) },
  )
  const claims = tokens.claims()
  if (!claims) throw new Error('Inget ID-token i svaret')
  return claims as Record<string, unknown>
}

/** The provider's sign-out URL, or undefined when it has none. */
export async function endSessionUrl(oidc: OidcConfig, serverUrl: string): Promise<URL | undefined> {
  const configuration = await oidcConfiguration(oidc)
  if (!configuration.serverMetadata().end_session_endpoint) return undefined
  return client.buildEndSessionUrl(configuration, {
    client_id: oidc.clientId,
    post_logout_redirect_uri: `${serverUrl}${AFTER_LOGOUT_PATH}`,
  })
}

/** Whether an error is a network failure reaching the provider (rather than a failed check). */
export function isUnreachable(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause
  const { name, code } = (error ?? {}) as { name?: string; code?: string }
  return name === 'TimeoutError' || name === 'AbortError' || code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT' || (typeof cause?.code === 'string' && /^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|UND_ERR)/.test(cause.code))
}
