import { expect, type Cookie, type Page } from '@playwright/test'

import type { PrintedAccount } from './demoAccounts'

/**
 * Sessions made by logIn, by e-mail address. The server allows 20 sign-ins per account and 60 per
 * address in 15 minutes (src/auth/securityLogin.ts), and the suite signs in more often than that
 * from 127.0.0.1: a test that only needs to be signed in reuses the session its account already
 * has, as a person's browser does. Playwright runs the files one after another in one worker.
 */
const sessions = new Map<string, Cookie[]>()

/**
 * Signs in as `account`: with the session the account already has when it is still valid, else
 * through the admin's own login form, as a person would. `{ form: true }` always uses the form.
 */
export async function logIn(page: Page, account: PrintedAccount, options: { form?: boolean } = {}): Promise<void> {
  const saved = options.form ? undefined : sessions.get(account.email)
  if (saved) {
    await page.context().addCookies(saved)
    await page.goto('/admin')
    if (!/\/admin\/login/.test(page.url())) return
    await page.context().clearCookies()
  }
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page).not.toHaveURL(/\/admin\/login/)
  sessions.set(account.email, (await page.context().cookies()).filter((cookie) => cookie.name === 'payload-token'))
}

const tokens = new Map<string, string>()

/** An API token for `account` (`Authorization: JWT <token>`): signs in once per account and reuses the token while it is valid. */
export async function apiToken(baseURL: string, account: PrintedAccount): Promise<string> {
  const known = tokens.get(account.email)
  if (known && (await (await fetch(`${baseURL}/api/users/me`, { headers: { Authorization: `JWT ${known}` } })).json()).user) return known
  const response = await fetch(`${baseURL}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) })
  const body = await response.json()
  if (!body.token) throw new Error(`Inloggningen som ${account.email} misslyckades: ${response.status} ${JSON.stringify(body)}`)
  tokens.set(account.email, body.token)
  return body.token
}

/**
 * Opens a document from its collection's list by clicking its title, as a person would. The list
 * rewrites its own address once it has loaded, and a click in that moment is lost: when the edit
 * view has not opened, the click is made again (what a person does too).
 */
export async function openFromList(page: Page, collection: string, title: string, options: { exact?: boolean } = {}): Promise<void> {
  // A hundred rows: the suite's own pages would push the seeded ones to the list's second page.
  await page.goto(`/admin/collections/${collection}?limit=100`)
  const link = page.getByRole('link', { name: title, exact: options.exact }).first()
  const editView = new RegExp(`/admin/collections/${collection}/[^/?]+(\\?|$)`)
  await expect(async () => {
    if (!editView.test(page.url())) await link.click()
    await expect(page).toHaveURL(editView, { timeout: 10_000 })
  }).toPass({ timeout: 40_000 })
  await expect(page.locator('#field-title')).toHaveValue(title)
}
