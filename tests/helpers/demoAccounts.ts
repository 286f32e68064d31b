import fs from 'node:fs'
import path from 'node:path'

import { DEMO_ACCOUNTS_FILE } from '@/bootstrap/demoAccounts'

export type PrintedAccount = { role: string; email: string; password: string }

/** Reads the accounts `npm start` printed and wrote (`<role> <email> <password>` per line). */
export function readDemoAccounts(dataDir: string): Record<string, PrintedAccount> {
  const text = fs.readFileSync(path.join(dataDir, DEMO_ACCOUNTS_FILE), 'utf8')
  const accounts: Record<string, PrintedAccount> = {}
  for (const line of text.split('\n').filter(Boolean)) {
    const [role, email, password] = line.split(' ')
    if (role && email && password) accounts[role] = { role, email, password }
  }
  return accounts
}
