import type { Payload } from 'payload'

import type { Role } from '@/access'

export type TestUser = { id: number | string; email: string; password: string; roles: Role[] }

let counter = 0

/** Creates a user through the local API (as the system), for tests to log in with. */
export async function createUser(payload: Payload, roles: Role[], name = roles.join('+') || 'ingen roll'): Promise<TestUser> {
  counter += 1
  const email = `${roles.join('-') || 'none'}-${counter}@kalmar.example`
  const password = `Test-lösenord-${counter}-${Math.random().toString(36).slice(2)}`
  const user = await payload.create({ collection: 'users', data: { email, password, name, roles }, overrideAccess: true })
  return { id: user.id, email, password, roles }
}

export type SignedInUser = TestUser & { token: string }

/**
 * One account per key, created in the order given and signed in over REST.
 * Put the admin first: the first account of a system always becomes an
 * administrator, so a test that wants one makes it one on purpose.
 */
export async function signedInUsers<Key extends string>(
  cms: { payload: Payload; rest: { login: (email: string, password: string) => Promise<{ token?: string | null }> } },
  roles: readonly (readonly [Key, readonly Role[]])[],
  name?: (key: Key) => string,
): Promise<Record<Key, SignedInUser>> {
  const users = {} as Record<Key, SignedInUser>
  for (const [key, keyRoles] of roles) {
    const user = await createUser(cms.payload, [...keyRoles], name?.(key))
    users[key] = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  }
  return users
}
