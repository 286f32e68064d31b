/**
 * The whole access matrix (tests/int/accessMatrix.test.ts) again, with
 * every actor an account created by signing in through the test OpenID
 * provider, its roles from the directory's claims, and its session the one
 * the callback started: SSO users get exactly the same rights.
 */
import { afterAll } from 'vitest'

import type { Role } from '@/access'
import { useMatrixAccounts } from '../helpers/matrixAccounts'
import { startTestProvider } from '../helpers/oidcProvider'
import { signIn } from '../helpers/oidcSignIn'

const ROLE_VALUES: Record<Role, string> = { admin: 'Matris.Admin', editor: 'Matris.Redaktor', reviewer: 'Matris.Granskare' }

const provider = await startTestProvider({
  clientId: 'cms-matris',
  clientSecret: 'matris-klienthemlighet-0123456789abcdef',
  serverUrl: process.env.SERVER_URL!,
  accounts: {},
})
afterAll(() => provider.close())
Object.assign(process.env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
  OIDC_ROLE_MAP: JSON.stringify(Object.fromEntries(Object.entries(ROLE_VALUES).map(([role, value]) => [value, role]))),
})

let counter = 0
useMatrixAccounts(async ({ payload, rest, roles, name }) => {
  counter += 1
  const login = `matris-${counter}`
  const email = `matris-${counter}@kalmar.example`
  provider.accounts[login] = { email, name, roles: [...roles.map((role) => ROLE_VALUES[role]), 'Annat.System'] }
  const result = await signIn(rest, provider, login)
  if (!result.sessionToken) throw new Error(`Inloggningen av ${login} nekades: ${result.location}`)
  const user = (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]!
  if (!user.sso?.subject) throw new Error(`${email} skapades inte av katalogen`)
  return { id: user.id, email, token: result.sessionToken }
})

// The matrix itself, unchanged; its config is loaded now, with the OIDC variables set.
await import('./accessMatrix.test')
