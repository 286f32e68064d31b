/**
 * PASSWORD_LOGIN=off: with the municipality's sign-in configured, no
 * password opens a session by any way in: the REST and GraphQL login,
 * forgot-password and reset all refuse, not only the hidden form.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { TestCms } from '../helpers/payload'
import type { TestUser } from '../helpers/users'

let cms: TestCms
let admin: TestUser

beforeAll(async () => {
  Object.assign(process.env, {
    OIDC_ISSUER: 'https://login.example/katalog/v2.0',
    OIDC_CLIENT_ID: 'cms',
    OIDC_CLIENT_SECRET: 'hemlig',
    OIDC_ROLE_MAP: '{"CMS.Redaktor":"editor"}',
    PASSWORD_LOGIN: 'off',
  })
  const { startTestCms } = await import('../helpers/payload')
  const { createUser } = await import('../helpers/users')
  cms = await startTestCms()
  admin = await createUser(cms.payload, ['admin'])
})
afterAll(async () => cms?.cleanup())

it('the REST login refuses even the right password: 403, Swedish, no token, audited', async () => {
  const { response, body, token } = await cms.rest.login(admin.email, admin.password)
  expect(response.status).toBe(403)
  expect(JSON.stringify(body)).toContain('Inloggning med lösenord är avstängd')
  expect(token).toBeUndefined()
  const { docs } = await cms.payload.find({ collection: 'audit-log', where: { action: { equals: 'loginFailed' } }, overrideAccess: true })
  expect(docs[0]?.details).toMatchObject({ refused: expect.stringContaining('avstängd') })
})

it('the GraphQL login refuses too', async () => {
  const response = await cms.rest.graphQL('mutation($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }', {
    variables: { e: admin.email, p: admin.password },
  })
  const body = await response.json()
  expect(body.data?.loginUser?.token ?? null).toBeNull()
  expect(JSON.stringify(body.errors)).toContain('Inloggning med lösenord är avstängd')
})

it('forgot-password and reset-password refuse (no mail, no new password)', async () => {
  const forgot = await cms.rest.post('/users/forgot-password', { body: { email: admin.email } })
  expect(forgot.status).toBe(403)
  const reset = await cms.rest.post('/users/reset-password', { body: { token: 'x'.repeat(40), password: 'Nytt-lösenord-123456' } })
  expect(reset.status).toBe(403)
})
