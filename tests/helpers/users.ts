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
