import { expect, type Page } from '@playwright/test'

import type { PrintedAccount } from './demoAccounts'

/** Logs in through the admin's own login form, as a person would. */
export async function logIn(page: Page, account: PrintedAccount): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page).not.toHaveURL(/\/admin\/login/)
}
