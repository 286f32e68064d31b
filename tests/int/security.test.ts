import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadEnv } from '@/env'
import { MAX_QUERY_DEPTH, MAX_QUERY_COMPLEXITY, tooDeepMessage } from '@/api/graphqlLimits'
import { AUTH_LIMITS, checkAuthAttempt } from '@/auth/securityLogin'
import { REMOTE_ADDRESS_HEADER } from '@/runtime/serverContract.mjs'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

/**
 * Cookies, CSRF, CORS, login rate limits and GraphQL limits, through Payload's
 * real route handlers (RestClient). The server's own origin is SERVER_URL
 * (http://localhost:3000 in tests, tests/helpers/testEnv.ts).
 */

let cms: TestCms
let editor: TestUser
let sessionCookie: string

const OWN_ORIGIN = 'http://localhost:3000'
const FOREIGN_ORIGIN = 'https://evil.example'

beforeAll(async () => {
  cms = await startTestCms()
  editor = await createUser(cms.payload, ['editor'])
  const { response } = await cms.rest.login(editor.email, editor.password)
  sessionCookie = tokenCookie(response)
})
afterAll(async () => cms?.cleanup())

function tokenCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('payload-token='))
  expect(cookie, 'login sets payload-token').toBeDefined()
  return cookie!.split(';')[0]!
}

const nameInDb = async (id: number | string) => (await cms.payload.findByID({ collection: 'users', id, overrideAccess: true })).name
const areasTitled = async (title: string) => (await cms.payload.count({ collection: 'areas', where: { title: { equals: title } }, overrideAccess: true })).totalDocs

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and Secure exactly when SERVER_URL is https', async () => {
    const { response } = await cms.rest.login(editor.email, editor.password)
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('payload-token='))!
    // Browsers read attribute names only for HttpOnly and Secure (Payload writes "HttpOnly=true").
    const attributes = new Map(
      cookie
        .split(';')
        .slice(1)
        .map((part) => part.trim().split('=') as [string, string | undefined])
        .map(([name, value]) => [name.toLowerCase(), value?.toLowerCase()]),
    )
    expect(attributes.has('httponly')).toBe(true)
    expect(attributes.get('samesite')).toBe('lax')
    expect(attributes.has('secure')).toBe(loadEnv().serverUrl.startsWith('https://'))
    expect(attributes.get('path')).toBe('/')
  })
})

describe('CSRF: the cookie counts only from the CMS’s own origin (and CSRF_ORIGINS)', () => {
  it('takes SERVER_URL into Payload’s csrf list', async () => {
    expect((await cms.config).csrf).toContain(OWN_ORIGIN)
    expect((await cms.config).csrf).not.toContain(FOREIGN_ORIGIN)
  })

  it('refuses a cookie-authenticated PATCH from a foreign Origin and writes nothing', async () => {
    const before = await nameInDb(editor.id)
    const response = await cms.rest.patch(`/users/${editor.id}`, {
      headers: { Cookie: sessionCookie, Origin: FOREIGN_ORIGIN },
      body: { name: 'Ändrad av främmande sida' },
    })
    expect(response.status).toBe(403)
    expect(await nameInDb(editor.id)).toBe(before)
  })

  it('refuses a cookie-authenticated POST marked Sec-Fetch-Site: cross-site, and one with neither header', async () => {
    for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, {}] as Record<string, string>[]) {
      const title = `CSRF-prov ${JSON.stringify(headers)}`
      const response = await cms.rest.post('/areas', { headers: { Cookie: sessionCookie, ...headers }, body: { title, body: [] } })
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect(await areasTitled(title)).toBe(0)
    }
  })

  it('refuses a cookie-authenticated GraphQL mutation from a foreign Origin', async () => {
    const response = await cms.rest.graphQL(`mutation { createArea(data: { title: "CSRF via GraphQL" }) { id } }`, {
      headers: { Cookie: sessionCookie, Origin: FOREIGN_ORIGIN },
    })
    const body = await response.json()
    expect(body.data?.createArea ?? null).toBeNull()
    expect(graphQLErrorMessages(body).length).toBeGreaterThan(0)
    expect(await areasTitled('CSRF via GraphQL')).toBe(0)
  })

  it('accepts the same cookie from the server’s own Origin, or marked same-origin', async () => {
    const patch = await cms.rest.patch(`/users/${editor.id}`, { headers: { Cookie: sessionCookie, Origin: OWN_ORIGIN }, body: { name: 'Egen ändring' } })
    expect(patch.status).toBe(200)
    expect(await nameInDb(editor.id)).toBe('Egen ändring')
    const post = await cms.rest.post('/areas', { headers: { Cookie: sessionCookie, 'Sec-Fetch-Site': 'same-origin' }, body: { title: 'Eget utkast', body: [] } })
    expect(post.status).toBe(201)
    expect(await areasTitled('Eget utkast')).toBe(1)
  })

  it('leaves JWT header authentication alone, whatever the Origin', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.patch(`/users/${editor.id}`, { token, headers: { Origin: FOREIGN_ORIGIN }, body: { name: 'Via JWT' } })
    expect(response.status).toBe(200)
    expect(await nameInDb(editor.id)).toBe('Via JWT')
  })
})

describe('CORS on Payload’s own API', () => {
  it('lets no foreign origin read it from a browser, with or without credentials', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.get('/users/me', { token, headers: { Origin: FOREIGN_ORIGIN } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

describe('login rate limits', () => {
  const fromAddress = (address: string, extra: Record<string, string> = {}) => ({ [REMOTE_ADDRESS_HEADER]: address, ...extra })
  const login = (email: string, password: string, headers: Record<string, string>) =>
    cms.rest.post('/users/login', { headers, body: { email, password } })

  it(`refuses login number ${AUTH_LIMITS.login.perAccount.limit + 1} for one account, even with the right password, with 429, Retry-After and a Swedish message`, async () => {
    const account = await createUser(cms.payload, ['editor'])
    // All but the last two attempts counted directly (a login takes about a second here); the
    // last two go over REST, from ever new addresses: only the account's own limit can stop the next.
    for (let i = 0; i < AUTH_LIMITS.login.perAccount.limit - 2; i++) {
      expect(checkAuthAttempt('login', { address: `198.51.100.${i + 1}`, account: account.email }).allowed).toBe(true)
    }
    for (const address of ['198.51.100.101', '198.51.100.102']) {
      expect((await login(account.email, account.password, fromAddress(address))).status, address).toBe(200)
    }
    const refused = await login(account.email, account.password, fromAddress('198.51.100.200'))
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(AUTH_LIMITS.login.perAccount.windowMs / 1000)
    const body = await refused.json()
    expect(JSON.stringify(body)).toMatch(/För många inloggningsförsök\. Vänta \d+ minut(er)? och försök sedan igen\./)
    expect(body.token).toBeUndefined()
    expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith('payload-token='))).toBe(false)

    // Also over GraphQL; the local API (scripts) is not limited.
    const graphql = await cms.rest.graphQL(`mutation { loginUser(email: "${account.email}", password: "${account.password}") { token } }`)
    const graphqlBody = await graphql.json()
    expect(graphqlBody.data?.loginUser?.token ?? null).toBeNull()
    expect(JSON.stringify(graphqlBody.errors)).toContain('För många inloggningsförsök')
    const local = await cms.payload.login({ collection: 'users', data: { email: account.email, password: account.password } })
    expect(local.token).toBeTruthy()
  })

  it(`refuses login number ${AUTH_LIMITS.login.perAddress.limit + 1} from one address across accounts; X-Forwarded-For does not get round it`, async () => {
    const address = fromAddress('203.0.113.50')
    for (let i = 0; i < AUTH_LIMITS.login.perAddress.limit; i++) {
      const response = await login(`okand-${i}@kalmar.example`, 'fel', address)
      expect(response.status, `försök ${i + 1}`).toBe(401)
    }
    // X-Forwarded-For is not trusted without TRUST_PROXY: a client cannot pick a fresh address with it.
    const refused = await login('okand-sista@kalmar.example', 'fel', fromAddress('203.0.113.50', { 'X-Forwarded-For': '192.0.2.99' }))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(await refused.json())).toContain('För många inloggningsförsök')

    // Another address is not affected.
    expect((await login(editor.email, editor.password, fromAddress('203.0.113.51'))).status).toBe(200)
  })

  it('a refused attempt does not reach Payload: no audit entry, no lockout count', async () => {
    const account = await createUser(cms.payload, ['editor'])
    for (let i = 0; i < AUTH_LIMITS.login.perAccount.limit; i++) checkAuthAttempt('login', { address: `192.0.2.${i + 1}`, account: account.email })
    const refused = await login(account.email, 'fel-lösenord', fromAddress('192.0.2.100'))
    expect(refused.status).toBe(429)
    const user = await cms.payload.findByID({ collection: 'users', id: account.id, overrideAccess: true, showHiddenFields: true })
    expect(user.loginAttempts ?? 0).toBe(0)
    const { totalDocs } = await cms.payload.count({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'loginFailed' } }, { documentTitle: { equals: account.email } }] },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it(`refuses forgot-password request number ${AUTH_LIMITS.forgotPassword.perAccount.limit + 1} for one account`, async () => {
    const account = await createUser(cms.payload, ['editor'])
    // The allowed requests are counted directly in the limiter the hook uses: a forgot-password
    // that goes through waits on SQLite's write turn (see the report on sqliteTransactions).
    for (let i = 0; i < AUTH_LIMITS.forgotPassword.perAccount.limit; i++) {
      expect(checkAuthAttempt('forgotPassword', { address: `192.0.2.${150 + i}`, account: account.email }).allowed).toBe(true)
    }
    const refused = await cms.rest.post('/users/forgot-password', { headers: fromAddress('192.0.2.200'), body: { email: account.email } })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(JSON.stringify(await refused.json())).toContain('För många begäranden om nytt lösenord')
  })
})

/**
 * Error messages of a GraphQL response. Validation errors come as { errors } from the
 * Next build, where graphql is one external package; under Vitest the depth rule's
 * GraphQLError is from graphql's ESM build and graphql-http's check is against its
 * CommonJS build, so graphql-http sends them as a bare array.
 */
function graphQLErrorMessages(body: unknown): string[] {
  const errors = Array.isArray(body) ? body : ((body as { errors?: unknown[] })?.errors ?? [])
  return errors.map((error) => String((error as { message?: unknown }).message))
}

describe('GraphQL limits', () => {
  /** area → section → members → area …: real relationships, `levels` fields deep. */
  function nestedQuery(levels: number): string {
    let inner = 'id'
    let depth = 4 // Areas { docs { section { … } } } plus the innermost field
    while (depth < levels) {
      inner = `members { value { ... on Area { section { ${inner} } } } }`
      depth += 3
    }
    return `{ Areas { docs { section { ${inner} } } } }`
  }

  it(`refuses a query nested 20 deep with a Swedish message (limit ${MAX_QUERY_DEPTH})`, async () => {
    const response = await cms.rest.graphQL(nestedQuery(20))
    const body = await response.json()
    expect(body.data ?? null).toBeNull()
    expect(graphQLErrorMessages(body)).toContain(tooDeepMessage(MAX_QUERY_DEPTH))
  })

  it('answers a query within the limits', async () => {
    const response = await cms.rest.graphQL(nestedQuery(7))
    const body = await response.json()
    expect(body.errors).toBeUndefined()
    expect(body.data.Areas.docs).toBeInstanceOf(Array)
  })

  it(`refuses a query whose complexity exceeds ${MAX_QUERY_COMPLEXITY}`, async () => {
    // Each alias of a relationship costs 10: 60 of them pass Payload's default of 1000, not ours.
    const fields = Array.from({ length: 60 }, (_, i) => `s${i}: section { id }`).join(' ')
    const body = await (await cms.rest.graphQL(`{ Areas { docs { ${fields} } } }`)).json()
    expect(body.data ?? null).toBeNull()
    expect(graphQLErrorMessages(body).join('\n')).toMatch(new RegExp(`maximum complexity of ${MAX_QUERY_COMPLEXITY}\\b`))
  })

  it('allows introspection in development and refuses it when NODE_ENV=production', async () => {
    const query = '{ __schema { queryType { name } } }'
    const allowed = await (await cms.rest.graphQL(query)).json()
    expect(allowed.data.__schema.queryType.name).toBe('Query')

    const env = process.env as Record<string, string | undefined>
    const previous = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const refused = await (await cms.rest.graphQL(query)).json()
      expect(refused.data ?? null).toBeNull()
      expect(graphQLErrorMessages(refused).join('\n')).toContain('introspection is not allowed')
      const typeQuery = await (await cms.rest.graphQL('{ __type(name: "Area") { name } }')).json()
      expect(graphQLErrorMessages(typeQuery).join('\n')).toContain('introspection is not allowed')
    } finally {
      env.NODE_ENV = previous
    }
  })
})
