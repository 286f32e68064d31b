/**
 * PASSWORD_LOGIN=admins: the password login stays only for administrators'
 * break-glass accounts. Checked after the password, so a refusal tells
 * nothing about which addresses exist.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { TestCms } from '../helpers/payload'
import type { TestUser } from '../helpers/users'

let cms: TestCms
let admin: TestUser
let editor: TestUser

beforeAll(async () => {
  Object.assign(process.env, {
    OIDC_ISSUER: 'https://login.example/katalog/v2.0',
    OIDC_CLIENT_ID: 'cms',
    OIDC_CLIENT_SECRET: 'hemlig',
    OIDC_ROLE_MAP: '{"CMS.Redaktor":"editor"}',
    PASSWORD_LOGIN: 'admins',
  })
  const { startTestCms } = await import('../helpers/payload')
  const { createUser } = await import('../helpers/users')
  cms = await startTestCms()
  admin = await createUser(cms.payload, ['admin'])
  editor = await createUser(cms.payload, ['editor'])
})
afterAll(async () => cms?.cleanup())

it('an administrator signs in with a password', async () => {
  const { response, token } = await cms.rest.login(admin.email, admin.password)
  expect(response.status).toBe(200)
  expect(token).toBeTruthy()
})

it('an editor with the right password is refused (403, Swedish) and gets no session', async () => {
  const { response, body, token } = await cms.rest.login(editor.email, editor.password)
  expect(response.status).toBe(403)
  expect(JSON.stringify(body)).toContain('bara administratörers reservkonton')
  expect(token).toBeUndefined()
  const user = await cms.payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true, showHiddenFields: true })
  expect((user as { sessions?: unknown[] }).sessions ?? []).toEqual([])
})

it('a wrong password gets the ordinary answer, the same for an editor as for an admin', async () => {
  const forEditor = await cms.rest.login(editor.email, 'fel-lösenord')
  const forAdmin = await cms.rest.login(admin.email, 'fel-lösenord')
  expect(forEditor.response.status).toBe(forAdmin.response.status)
  expect(forEditor.body).toEqual(forAdmin.body)
})
