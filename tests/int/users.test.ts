import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_LOGIN_ATTEMPTS } from '@collections/Users/config'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let admin: TestUser
let editor: TestUser
let reviewer: TestUser

beforeAll(async () => {
  cms = await startTestCms()
  admin = await createUser(cms.payload, ['admin'])
  editor = await createUser(cms.payload, ['editor'])
  reviewer = await createUser(cms.payload, ['reviewer'])
})
afterAll(async () => cms?.cleanup())

const rolesInDb = async (id: number | string) =>
  (await cms.payload.findByID({ collection: 'users', id, overrideAccess: true })).roles

describe('roles over REST', () => {
  it('an editor cannot make themself admin: 403 with a Swedish message, nothing changed', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.patch(`/users/${editor.id}`, { token, body: { roles: ['admin', 'editor'] } })
    expect(response.status).toBe(403)
    const body = await response.json()
    expect(JSON.stringify(body)).toContain('Bara en administratör kan ändra roller')
    expect(await rolesInDb(editor.id)).toEqual(['editor'])
  })

  it('an editor cannot change roles together with an allowed field either, and the name is not saved', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.patch(`/users/${editor.id}`, { token, body: { name: 'Nytt namn', roles: ['reviewer'] } })
    expect(response.status).toBe(403)
    const user = await cms.payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })
    expect(user.roles).toEqual(['editor'])
    expect(user.name).not.toBe('Nytt namn')
  })

  it('an editor may still change their own name when roles are unchanged', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.patch(`/users/${editor.id}`, { token, body: { name: 'Erik Redaktör', roles: ['editor'] } })
    expect(response.status).toBe(200)
    expect((await cms.payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })).name).toBe('Erik Redaktör')
  })

  it('a reviewer cannot edit another user at all', async () => {
    const { token } = await cms.rest.login(reviewer.email, reviewer.password)
    const response = await cms.rest.patch(`/users/${editor.id}`, { token, body: { roles: ['admin'] } })
    expect([403, 404]).toContain(response.status)
    expect(await rolesInDb(editor.id)).toEqual(['editor'])
  })

  it('a non-admin cannot create users', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.post('/users', {
      token,
      body: { email: 'ny@kalmar.example', password: 'Lösenord-123456', name: 'Ny', roles: ['admin'] },
    })
    expect(response.status).toBe(403)
    const { totalDocs } = await cms.payload.count({ collection: 'users', where: { email: { equals: 'ny@kalmar.example' } } })
    expect(totalDocs).toBe(0)
  })

  it('an admin can change another user’s roles', async () => {
    const { token } = await cms.rest.login(admin.email, admin.password)
    const response = await cms.rest.patch(`/users/${reviewer.id}`, { token, body: { roles: ['reviewer', 'editor'] } })
    expect(response.status).toBe(200)
    expect(await rolesInDb(reviewer.id)).toEqual(['reviewer', 'editor'])
  })

  it('the last admin cannot remove their own admin role', async () => {
    const { token } = await cms.rest.login(admin.email, admin.password)
    const response = await cms.rest.patch(`/users/${admin.id}`, { token, body: { roles: ['editor'] } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('minst en administratör')
    expect(await rolesInDb(admin.id)).toEqual(['admin'])
  })

  it('anonymous requests cannot list users', async () => {
    const response = await cms.rest.get('/users')
    expect(response.status).toBe(403)
  })

  it('staff see colleagues by name, address and roles, and only their own directory link and calendar feed', async () => {
    // Their own accounts: a directory link turns off password sign-in, which the other tests use.
    const colleague = await createUser(cms.payload, ['reviewer'], 'Greta Granskare')
    const me = await createUser(cms.payload, ['editor'])
    const { token } = await cms.rest.login(me.email, me.password)
    const now = new Date().toISOString()
    for (const account of [me, colleague]) {
      await cms.payload.update({ collection: 'users', id: account.id, data: { sso: { issuer: 'https://idp.example', subject: `sub-${account.id}`, lastSignInAt: now }, calendarFeedCreatedAt: now } as never, overrideAccess: true })
    }
    const listed = await (await cms.rest.get('/users?limit=100&depth=0', { token })).json()
    const byId = new Map<string, Record<string, unknown>>(listed.docs.map((user: { id: unknown }) => [String(user.id), user]))
    expect([...byId.keys()]).toEqual(expect.arrayContaining([String(admin.id), String(editor.id), String(reviewer.id), String(colleague.id), String(me.id)]))
    const other = byId.get(String(colleague.id))!
    expect(other).toMatchObject({ name: 'Greta Granskare', email: colleague.email, roles: ['reviewer'] })
    expect(other).not.toHaveProperty('sso')
    expect(other).not.toHaveProperty('calendarFeedCreatedAt')
    expect(other).not.toHaveProperty('calendarFeedKeyHash')
    // Read one by one, likewise; their own account keeps everything.
    expect(await (await cms.rest.get(`/users/${colleague.id}`, { token })).json()).not.toHaveProperty('sso')
    const own = await (await cms.rest.get(`/users/${me.id}`, { token })).json()
    expect(own.sso).toMatchObject({ subject: `sub-${me.id}` })
    expect(own.calendarFeedCreatedAt).toBeTruthy()
    // An admin sees a colleague's directory link too.
    const { token: adminToken } = await cms.rest.login(admin.email, admin.password)
    expect((await (await cms.rest.get(`/users/${colleague.id}`, { token: adminToken })).json()).sso).toMatchObject({ subject: `sub-${colleague.id}` })
  })

  it('a colleague’s account is read, not written: an editor cannot change another’s name', async () => {
    const { token } = await cms.rest.login(editor.email, editor.password)
    const response = await cms.rest.patch(`/users/${reviewer.id}`, { token, body: { name: 'Kapat namn' } })
    expect(response.status).toBe(403)
    expect((await cms.payload.findByID({ collection: 'users', id: reviewer.id, overrideAccess: true })).name).not.toBe('Kapat namn')
  })
})

describe('login lockout', () => {
  it(`locks the account after ${MAX_LOGIN_ATTEMPTS} wrong passwords, even for the right password`, async () => {
    const victim = await createUser(cms.payload, ['editor'])
    for (let attempt = 1; attempt <= MAX_LOGIN_ATTEMPTS; attempt++) {
      const { response } = await cms.rest.login(victim.email, `fel-${attempt}`)
      expect(response.status).toBe(401)
    }
    const locked = await cms.rest.login(victim.email, victim.password)
    expect(locked.response.status).toBe(401)
    expect(locked.token).toBeUndefined()
    expect(JSON.stringify(locked.body)).toMatch(/låst/i)

    const other = await cms.rest.login(editor.email, editor.password)
    expect(other.token).toBeDefined()
  })

  it('an admin can unlock the account', async () => {
    const victim = await createUser(cms.payload, ['editor'])
    for (let attempt = 1; attempt <= MAX_LOGIN_ATTEMPTS; attempt++) await cms.rest.login(victim.email, 'fel')
    const { token } = await cms.rest.login(admin.email, admin.password)
    const unlock = await cms.rest.post('/users/unlock', { token, body: { email: victim.email } })
    expect(unlock.status).toBe(200)
    expect((await cms.rest.login(victim.email, victim.password)).token).toBeDefined()
  })
})

describe('audit log of accounts', () => {
  it('records a role change with who made it and the roles before and after', async () => {
    const target = await createUser(cms.payload, ['editor'])
    const { token } = await cms.rest.login(admin.email, admin.password)
    await cms.rest.patch(`/users/${target.id}`, { token, body: { roles: ['editor', 'reviewer'] } })
    const { docs } = await cms.payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'roleChange' } }, { documentId: { equals: String(target.id) } }] },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]!.details).toEqual({ from: ['editor'], to: ['editor', 'reviewer'] })
    expect(String((docs[0]!.user as { id?: unknown })?.id ?? docs[0]!.user)).toBe(String(admin.id))
  })

  it('records failed logins with the address that was tried', async () => {
    await cms.rest.login('okand@kalmar.example', 'fel')
    const { docs } = await cms.payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'loginFailed' } }, { documentTitle: { equals: 'okand@kalmar.example' } }] },
    })
    expect(docs).toHaveLength(1)
  })
})
