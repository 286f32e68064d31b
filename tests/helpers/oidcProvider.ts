/**
 * A real OpenID provider for the tests: the certified `oidc-provider`, over
 * https on 127.0.0.1, with test accounts whose claims a test may change
 * (as a directory administrator would), its development login form, and
 * one confidential client. `rewriteIdToken` lets a test alter the ID token
 * in the token endpoint's answer, as a compromised network or provider
 * would, to prove each check of the relying party; the client library
 * itself is never replaced.
 */
import { createHmac, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'

import Provider, { type Configuration } from 'oidc-provider'

import { ensureTestCertificate } from './oidcCertificate.mjs'

export type TestAccount = { email?: string; name?: string; roles?: unknown; groups?: unknown }

export type TestProviderOptions = {
  port?: number
  clientId: string
  clientSecret: string
  /** The CMS's SERVER_URL: the callback and the page after sign-out are registered under it. */
  serverUrl: string
  accounts: Record<string, TestAccount>
}

export type TestProvider = {
  issuer: string
  clientId: string
  clientSecret: string
  accounts: Record<string, TestAccount>
  /** Alters the next ID tokens the token endpoint returns; null restores them. */
  rewriteIdToken: (rewrite: ((idToken: string) => string) | null) => void
  /** Signs a JWT with the provider's own key (for altered but validly signed tokens). */
  signWithProviderKey: (header: Record<string, unknown>, claims: Record<string, unknown>) => string
  close: () => Promise<void>
}

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown>; signature: string } {
  const [header, claims, signature] = token.split('.')
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(claims!, 'base64url').toString()),
    signature: signature ?? '',
  }
}

export function signRs256(key: KeyObject, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const input = `${base64url({ ...header, alg: 'RS256' })}.${base64url(claims)}`
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`
}

export function signHs256(secret: string, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const input = `${base64url({ ...header, alg: 'HS256' })}.${base64url(claims)}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

export const unsigned = (header: Record<string, unknown>, claims: Record<string, unknown>): string =>
  `${base64url({ ...header, alg: 'none' })}.${base64url(claims)}.`

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const certificate = ensureTestCertificate()
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomBytes(8).toString('hex')
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
  const accounts = options.accounts

  const server = https.createServer({ cert: fs.readFileSync(certificate.certFile), key: fs.readFileSync(certificate.keyFile) })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [`${options.serverUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${options.serverUrl}/admin/login`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [jwk as never] },
    async findAccount(_ctx, sub) {
      const account = accounts[sub]
      if (!account) return undefined
      return { accountId: sub, claims: async () => ({ sub, ...account }) }
    },
    // Like Entra ID: the app roles (and groups) are in the ID token itself.
    claims: { openid: ['sub', 'roles', 'groups'], email: ['email'], profile: ['name'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // No consent screen: the municipality's own application is pre-approved, as in Entra ID.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId })
      grant.addOIDCScope('openid profile email')
      await grant.save()
      return grant
    },
  }
  const provider = new Provider(issuer, configuration)
  let rewrite: ((idToken: string) => string) | null = null
  provider.use(async (ctx, next) => {
    await next()
    const body = ctx.body as { id_token?: unknown } | undefined
    if (rewrite && ctx.path === '/token' && body && typeof body.id_token === 'string') ctx.body = { ...body, id_token: rewrite(body.id_token) }
  })
  server.on('request', provider.callback())

  return {
    issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    accounts,
    rewriteIdToken: (next) => {
      rewrite = next
    },
    signWithProviderKey: (header, claims) => signRs256(privateKey, { ...header, kid }, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A browser's side of the provider's login form, for tests without a browser: cookies kept per provider origin. */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>()

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, index).trim(), pair!.slice(index + 1).trim())
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() } })
    this.keep(response)
    return response
  }

  /**
   * Follows the provider's redirects from the authorization URL, fills in its
   * login form as `login`, and returns the URL it finally sends the browser
   * to (the CMS's callback).
   */
  async signIn(authorizationUrl: string, login: string): Promise<URL> {
    let url = authorizationUrl
    for (let step = 0; step < 10; step++) {
      const response = await this.request(url)
      if (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get('location')!, url)
        if (next.origin !== new URL(authorizationUrl).origin) return next
        url = next.href
        continue
      }
      const html = await response.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
      if (!action || !/name="login"/.test(html)) throw new Error(`Oväntat svar från inloggningstjänsten (${response.status}): ${html.replace(/<style[\s\S]*<\/style>/, "").slice(0, 1500)}`)
      const submitted = await this.request(new URL(action, url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'valfritt' }).toString(),
      })
      url = new URL(submitted.headers.get('location')!, url).href
    }
    throw new Error('För många omdirigeringar hos inloggningstjänsten')
  }
}
