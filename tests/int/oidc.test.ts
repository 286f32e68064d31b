/**
 * Sign-in with the municipality's accounts against a real OpenID provider
 * (oidc-provider on https://127.0.0.1, tests/helpers/oidcProvider.ts),
 * through the CMS's real endpoints: accounts and roles follow the
 * directory, and every failed check of the exchange is refused with
 * nothing created or changed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { REFUSAL_MESSAGES } from '@/sso/signIn'
import { decodeJwt, signHs256, startTestProvider, unsigned, type TestProvider } from '../helpers/oidcProvider'
import { sendCallback, signIn, signInAtProvider, startAtCms, type CallbackRequest } from '../helpers/oidcSignIn'
import type { TestCms } from '../helpers/payload'

const ROLE_MAP = { 'CMS.Admin': 'admin', 'CMS.Redaktor': 'editor', 'CMS.Granskare': 'reviewer' }

let provider: TestProvider
let cms: TestCms

beforeAll(async () => {
  provider = await startTestProvider({
    clientId: 'cms-test',
    clientSecret: 'klienthemlighet-for-test-som-ar-lang-nog-0123456789',
    serverUrl: process.env.SERVER_URL!,
    accounts: {
      redaktor: { email: 'Rut.Redaktor@kalmar.example', name: 'Rut Redaktör', roles: ['CMS.Redaktor', 'Annat.System'] },
      granskare: { email: 'gustav.granskare@kalmar.example', name: 'Gustav Granskare', roles: ['CMS.Granskare'] },
      flyttar: { email: 'frida.flyttar@kalmar.example', name: 'Frida Flyttar', roles: ['CMS.Redaktor'] },
      utanroll: { email: 'ulla.utan@kalmar.example', name: 'Ulla Utan', roles: ['Annat.System'] },
      befintlig: { email: 'bengt.befintlig@kalmar.example', name: 'Bengt Befintlig', roles: ['CMS.Redaktor'] },
      lokal: { email: 'lena.lokal@kalmar.example', name: 'Lena Lokal (katalogen)', roles: ['CMS.Granskare'] },
    },
  })
  Object.assign(process.env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
  })
  // After the env: the config reads it once, at import.
  const { startTestCms } = await import('../helpers/payload')
  cms = await startTestCms()
  // The first account is not made by the directory (firstUserIsAdmin gives it admin).
  const { createUser } = await import('../helpers/users')
  await createUser(cms.payload, ['admin'], 'Reservkonto')
})
afterAll(async () => {
  await cms?.cleanup()
  await provider?.close()
})
beforeEach(() => provider.rewriteIdToken(null))

const findByEmail = async (email: string) =>
  (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0, showHiddenFields: true })).docs[0] as
    | (Record<string, any> & { id: number })
    | undefined
const userCount = async () => (await cms.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
const auditOf = async (action: string) =>
  (await cms.payload.find({ collection: 'audit-log', where: { action: { equals: action } }, sort: '-createdAt', limit: 50, overrideAccess: true, depth: 0 })).docs
const me = async (token: string | undefined) => (await (await cms.rest.get('/users/me', { headers: { cookie: `payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' } })).json()).user

describe('a sign-in through the provider', () => {
  it('the login endpoint sends the browser to the provider with PKCE (S256), state and nonce, and seals them in an HttpOnly cookie', async () => {
    const { authorizationUrl, response } = await startAtCms(cms.rest, '/admin/collections/areas')
    expect(authorizationUrl.origin).toBe(provider.issuer)
    const params = authorizationUrl.searchParams
    expect(params.get('client_id')).toBe('cms-test')
    expect(params.get('redirect_uri')).toBe('http://localhost:3000/api/auth/oidc/callback')
    expect(params.get('response_type')).toBe('code')
    expect(params.get('code_challenge_method')).toBe('S256')
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/)
    const cookie = response.headers.getSetCookie().join('\n')
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    // The verifier is never sent to the provider in the clear.
    expect(authorizationUrl.href).not.toContain(decodeURIComponent(cookie))
  })

  it('a first sign-in creates the editor with the mapped role, starts a session and lands on the path asked for', async () => {
    const before = await userCount()
    const result = await signIn(cms.rest, provider, 'redaktor', '/admin/collections/areas?limit=10')
    expect(result.status).toBe(302)
    expect(result.location).toBe('http://localhost:3000/admin/collections/areas?limit=10')
    expect(result.sessionToken).toBeTruthy()
    expect(await userCount()).toBe(before + 1)
    const user = await findByEmail('rut.redaktor@kalmar.example')
    expect(user).toMatchObject({ name: 'Rut Redaktör', roles: ['editor'], sso: { issuer: provider.issuer, subject: 'redaktor' } })
    expect((await me(result.sessionToken))?.email).toBe('rut.redaktor@kalmar.example')
    const [entry] = await auditOf('ssoSignIn')
    expect(entry).toMatchObject({ documentId: String(user!.id), userName: 'Rut Redaktör' })
    expect(entry!.details).toMatchObject({ claim: 'roles', values: ['CMS.Redaktor', 'Annat.System'], roles: ['editor'], created: true })
  })

  it('a reviewer likewise; the session cookie is HttpOnly and SameSite=Lax', async () => {
    const result = await signIn(cms.rest, provider, 'granskare')
    expect(result.location).toBe('http://localhost:3000/admin')
    expect(result.response.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/)
    expect((await findByEmail('gustav.granskare@kalmar.example'))?.roles).toEqual(['reviewer'])
  })

  it('someone whose claims map to no role is refused with a Swedish message, and nothing is created', async () => {
    const before = await userCount()
    const result = await signIn(cms.rest, provider, 'utanroll')
    expect(result.location).toBe('http://localhost:3000/admin/login?ssoFel=noRole')
    expect(result.sessionToken).toBeUndefined()
    expect(REFUSAL_MESSAGES.noRole).toMatch(/ingen behörighet/)
    expect(await userCount()).toBe(before)
    expect(await findByEmail('ulla.utan@kalmar.example')).toBeUndefined()
    const [entry] = await auditOf('ssoRefused')
    expect(entry!.details).toMatchObject({ reason: 'noRole', claim: 'roles', values: ['Annat.System'], roles: [] })
  })

  it('a local account with the same address is taken over by the directory: its roles follow the claims and its password stops working', async () => {
    const { createUser } = await import('../helpers/users')
    const local = await createUser(cms.payload, ['editor'], 'Lena Lokal')
    await cms.payload.update({ collection: 'users', id: local.id, data: { email: 'lena.lokal@kalmar.example' }, overrideAccess: true })
    expect((await cms.rest.login('lena.lokal@kalmar.example', local.password)).response.status).toBe(200)
    const result = await signIn(cms.rest, provider, 'lokal')
    expect(result.sessionToken).toBeTruthy()
    const user = await findByEmail('lena.lokal@kalmar.example')
    expect(user).toMatchObject({ id: local.id, roles: ['reviewer'], sso: { subject: 'lokal' } })
    const password = await cms.rest.login('lena.lokal@kalmar.example', local.password)
    expect(password.response.status).toBe(403)
    expect(JSON.stringify(password.body)).toContain('loggar in med kommunens konto')
  })
})

describe('roles follow the directory at every sign-in', () => {
  it('a changed group changes the role at the next sign-in, audited with the claim values; losing every role refuses and ends the open sessions', async () => {
    const first = await signIn(cms.rest, provider, 'flyttar')
    const user = await findByEmail('frida.flyttar@kalmar.example')
    expect(user?.roles).toEqual(['editor'])

    provider.accounts.flyttar!.roles = ['CMS.Granskare', 'CMS.Redaktor']
    const second = await signIn(cms.rest, provider, 'flyttar')
    expect(second.sessionToken).toBeTruthy()
    expect((await findByEmail('frida.flyttar@kalmar.example'))?.roles).toEqual(['editor', 'reviewer'])
    const [change] = await auditOf('roleChange')
    expect(change).toMatchObject({ documentId: String(user!.id) })
    expect(change!.details).toMatchObject({ from: ['editor'], to: ['editor', 'reviewer'], source: 'directory', claim: 'roles', values: ['CMS.Granskare', 'CMS.Redaktor'] })
    expect(await me(first.sessionToken)).toBeTruthy()

    provider.accounts.flyttar!.roles = []
    const third = await signIn(cms.rest, provider, 'flyttar')
    expect(third.location).toBe('http://localhost:3000/admin/login?ssoFel=noRole')
    expect(third.sessionToken).toBeUndefined()
    const after = await findByEmail('frida.flyttar@kalmar.example')
    expect(after?.roles).toEqual([])
    expect(after?.sessions ?? []).toEqual([])
    // Both earlier sessions are over at once, not only at their expiry.
    expect(await me(first.sessionToken)).toBeNull()
    expect(await me(second.sessionToken)).toBeNull()
    const [lost] = await auditOf('roleChange')
    expect(lost!.details).toMatchObject({ from: ['editor', 'reviewer'], to: [], source: 'directory', values: [] })
    const [refused] = await auditOf('ssoRefused')
    expect(refused!.details).toMatchObject({ reason: 'noRole', rolesRemoved: ['editor', 'reviewer'], sessionsEnded: true })

    // Back in the group: access again.
    provider.accounts.flyttar!.roles = ['CMS.Redaktor']
    expect((await signIn(cms.rest, provider, 'flyttar')).sessionToken).toBeTruthy()
    expect((await findByEmail('frida.flyttar@kalmar.example'))?.roles).toEqual(['editor'])
  })

  it('an admin cannot change the roles of a directory account over REST (403, Swedish, nothing saved)', async () => {
    const { createUser } = await import('../helpers/users')
    const admin = await createUser(cms.payload, ['admin'], 'Admin')
    const { token } = await cms.rest.login(admin.email, admin.password)
    const target = await findByEmail('gustav.granskare@kalmar.example')
    const response = await cms.rest.patch(`/users/${target!.id}`, { token, body: { roles: ['admin'] } })
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toContain('kommer från kommunens katalog')
    expect((await findByEmail('gustav.granskare@kalmar.example'))?.roles).toEqual(['reviewer'])
  })
})

describe('every failed check of the exchange is refused, nothing created or changed', () => {
  /** Signs in as `befintlig` (an editor the directory has since made a reviewer) with the ID token altered. */
  async function refusedWith(rewrite: ((idToken: string) => string) | null, alter?: (callback: CallbackRequest) => CallbackRequest) {
    const before = await findByEmail('bengt.befintlig@kalmar.example')
    const count = await userCount()
    provider.rewriteIdToken(rewrite)
    const callback = await signInAtProvider(cms.rest, 'befintlig')
    const result = await sendCallback(cms.rest, alter ? alter(callback) : callback)
    provider.rewriteIdToken(null)
    expect(result.status).toBe(302)
    expect(result.location).toMatch(/\/admin\/login\?ssoFel=(invalidResponse|flowMissing)$/)
    expect(result.sessionToken).toBeUndefined()
    expect(await userCount()).toBe(count)
    const after = await findByEmail('bengt.befintlig@kalmar.example')
    expect(after?.roles).toEqual(['editor'])
    expect(after?.sessions?.length).toBe(before?.sessions?.length)
    expect(after?.updatedAt).toBe(before?.updatedAt)
    return (await auditOf('ssoRefused'))[0]!
  }

  beforeAll(async () => {
    await signIn(cms.rest, provider, 'befintlig')
    provider.accounts.befintlig!.roles = ['CMS.Granskare']
  })

  const resign = (change: (claims: Record<string, unknown>) => Record<string, unknown>) => (idToken: string) => {
    const { header, claims } = decodeJwt(idToken)
    return provider.signWithProviderKey(header, change(claims))
  }

  it('a tampered ID token (a claim changed, signature kept)', async () => {
    const entry = await refusedWith((idToken) => {
      const [header, , signature] = idToken.split('.')
      const claims = { ...decodeJwt(idToken).claims, roles: ['CMS.Admin'] }
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    })
    expect(entry.details).toMatchObject({ reason: 'invalidResponse', message: 'JWT signature verification failed' })
  })

  it('a wrong nonce (validly signed by the provider)', async () => {
    const entry = await refusedWith(resign((claims) => ({ ...claims, nonce: 'en-annan-nonce-0123456789' })))
    expect(JSON.stringify(entry.details)).toMatch(/nonce/)
  })

  it('a wrong audience', async () => {
    const entry = await refusedWith(resign((claims) => ({ ...claims, aud: 'ett-annat-system' })))
    expect(JSON.stringify(entry.details)).toMatch(/aud/)
  })

  it('a wrong issuer', async () => {
    const entry = await refusedWith(resign((claims) => ({ ...claims, iss: 'https://evil.example' })))
    expect(JSON.stringify(entry.details)).toMatch(/iss/)
  })

  it('an expired token', async () => {
    const now = Math.floor(Date.now() / 1000)
    const entry = await refusedWith(resign((claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 })))
    expect(JSON.stringify(entry.details)).toMatch(/exp/)
  })

  it('alg: none', async () => {
    const entry = await refusedWith((idToken) => {
      const { header, claims } = decodeJwt(idToken)
      return unsigned({ ...header, kid: undefined }, claims)
    })
    expect(JSON.stringify(entry.details)).toMatch(/alg/)
  })

  it('HS256 signed with the client secret where the provider’s key is expected', async () => {
    const entry = await refusedWith((idToken) => {
      const { header, claims } = decodeJwt(idToken)
      return signHs256(provider.clientSecret, { typ: header.typ }, claims)
    })
    expect(JSON.stringify(entry.details)).toMatch(/alg/)
  })

  it('a wrong state', async () => {
    const entry = await refusedWith(null, (callback) => {
      const url = new URL(callback.url)
      url.searchParams.set('state', 'en-annan-state-0123456789')
      return { ...callback, url }
    })
    expect(JSON.stringify(entry.details)).toMatch(/state/)
  })

  it('an altered flow cookie (another PKCE verifier or nonce)', async () => {
    const entry = await refusedWith(null, (callback) => ({ ...callback, flowCookie: callback.flowCookie.replace(/^./, (c) => (c === 'e' ? 'f' : 'e')) }))
    expect(entry.details).toMatchObject({ reason: 'flowMissing', flow: 'altered' })
  })

  it('a replayed code: the first use signs in, the second is refused and changes nothing', async () => {
    provider.accounts.befintlig!.roles = ['CMS.Redaktor']
    const callback = await signInAtProvider(cms.rest, 'befintlig')
    const first = await sendCallback(cms.rest, callback)
    expect(first.sessionToken).toBeTruthy()
    provider.accounts.befintlig!.roles = ['CMS.Granskare']
    const before = await findByEmail('bengt.befintlig@kalmar.example')
    const replay = await sendCallback(cms.rest, callback)
    expect(replay.location).toBe('http://localhost:3000/admin/login?ssoFel=invalidResponse')
    expect(replay.sessionToken).toBeUndefined()
    const after = await findByEmail('bengt.befintlig@kalmar.example')
    expect(after?.roles).toEqual(['editor'])
    expect(after?.sessions?.length).toBe(before?.sessions?.length)
    expect(JSON.stringify((await auditOf('ssoRefused'))[0]!.details)).toMatch(/invalid_grant/)
  })

  it('the callback is rate-limited per address like the login: 429 with Retry-After', async () => {
    const { AUTH_LIMITS, checkAuthAttempt } = await import('@/auth/securityLogin')
    const address = '203.0.113.99'
    for (let i = 0; i < AUTH_LIMITS.ssoCallback.perAddress.limit; i++) checkAuthAttempt('ssoCallback', { address, account: null })
    const callback = await signInAtProvider(cms.rest, 'befintlig')
    const result = await sendCallback(cms.rest, callback, address)
    expect(result.status).toBe(429)
    expect(Number(result.response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await result.response.text()).toContain('För många inloggningsförsök')
  })
})

describe('the return path', () => {
  it.each([
    ['/admin/collections/areas', 'http://localhost:3000/admin/collections/areas'],
    ['//evil.example', 'http://localhost:3000/admin'],
    ['https://evil.example', 'http://localhost:3000/admin'],
    ['/\\evil.example', 'http://localhost:3000/admin'],
  ])('returnTo=%s lands on %s', async (returnTo, expected) => {
    provider.accounts.granskare!.roles = ['CMS.Granskare']
    const result = await signIn(cms.rest, provider, 'granskare', returnTo)
    expect(result.sessionToken).toBeTruthy()
    expect(result.location).toBe(expected)
  })
})

describe('a directory session lasts at most SESSION_HOURS from its sign-in', () => {
  it('refresh renews a young session, and refuses one signed in at the provider more than SESSION_HOURS (8) ago', async () => {
    provider.accounts.granskare!.roles = ['CMS.Granskare']
    const { sessionToken } = await signIn(cms.rest, provider, 'granskare')
    const refresh = () => cms.rest.post('/users/refresh-token', { token: sessionToken, body: {} })
    expect((await refresh()).status).toBe(200)

    const user = await findByEmail('gustav.granskare@kalmar.example')
    const stored = (await cms.payload.db.findOne({ collection: 'users', where: { id: { equals: user!.id } } })) as Record<string, any>
    const sid = JSON.parse(Buffer.from(sessionToken!.split('.')[1]!, 'base64url').toString()).sid
    const nineHoursAgo = new Date(Date.now() - 9 * 3600_000)
    const sessions = stored.sessions.map((session: { id: string }) => (session.id === sid ? { ...session, createdAt: nineHoursAgo } : session))
    await cms.payload.db.updateOne({ collection: 'users', id: user!.id, data: { ...stored, sessions }, returning: false })
    expect((await refresh()).status).toBe(403)
  })
})

describe('password login beside SSO (PASSWORD_LOGIN=on)', () => {
  it('a directory account cannot sign in with a password, even one set for it', async () => {
    const user = await findByEmail('rut.redaktor@kalmar.example')
    await cms.payload.update({ collection: 'users', id: user!.id, data: { password: 'Ett-lösenord-som-någon-satte-1' }, overrideAccess: true })
    const { response, body } = await cms.rest.login('rut.redaktor@kalmar.example', 'Ett-lösenord-som-någon-satte-1')
    expect(response.status).toBe(403)
    expect(JSON.stringify(body)).toContain('loggar in med kommunens konto')
    expect(response.headers.getSetCookie().some((c) => /^payload-token=[^;]+/.test(c) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/.test(c))).toBe(false)
  })
})
