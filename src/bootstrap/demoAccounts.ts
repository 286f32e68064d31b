import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Role } from '@/access'
import { USERS } from '@/slugs'

export type DemoAccount = { role: Role; email: string; name: string; password: string }

const DEMO_USERS: Omit<DemoAccount, 'password'>[] = [
  { role: 'admin', email: 'admin@kalmar.example', name: 'Anna Administratör' },
  { role: 'editor', email: 'redaktor@kalmar.example', name: 'Erik Redaktör' },
  { role: 'reviewer', email: 'granskare@kalmar.example', name: 'Greta Granskare' },
]

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt'

/** 18 random bytes: long enough that nobody guesses it, short enough to type. */
export const generatePassword = (): string => randomBytes(18).toString('base64url')

/** One line per account: `<role> <email> <password>`. */
export const formatDemoAccounts = (accounts: readonly DemoAccount[]): string =>
  accounts.map((account) => `${account.role} ${account.email} ${account.password}`).join('\n') + '\n'

export type PrintedAccount = { role: string; email: string; password: string }

/** The accounts `npm start` wrote to `dataDir` (formatDemoAccounts), by role: for the tests and the scripts that sign in as them. */
export function readDemoAccounts(dataDir: string): Record<string, PrintedAccount> {
  const accounts: Record<string, PrintedAccount> = {}
  for (const line of fs.readFileSync(path.join(dataDir, DEMO_ACCOUNTS_FILE), 'utf8').split('\n')) {
    const [role, email, password] = line.split(' ')
    if (role && email && password) accounts[role] = { role, email, password }
  }
  return accounts
}

/**
 * On an empty database outside production: three accounts with random
 * passwords, returned once and written to the data folder (mode 600).
 * Returns null when the database already has users.
 */
export async function createDemoAccounts(payload: Payload, dataDir: string): Promise<DemoAccount[] | null> {
  const { totalDocs } = await payload.count({ collection: USERS, overrideAccess: true })
  if (totalDocs > 0) return null
  const accounts = DEMO_USERS.map((user) => ({ ...user, password: generatePassword() }))
  for (const account of accounts) {
    await payload.create({
      collection: USERS,
      overrideAccess: true,
      data: { email: account.email, name: account.name, password: account.password, roles: [account.role] },
    })
  }
  const file = path.join(dataDir, DEMO_ACCOUNTS_FILE)
  fs.mkdirSync(dataDir, { recursive: true })
  fs.rmSync(file, { force: true })
  fs.writeFileSync(file, formatDemoAccounts(accounts), { mode: 0o600 })
  return accounts
}
