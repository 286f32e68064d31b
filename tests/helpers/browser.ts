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

/**
 * Opens a document from its collection's list by clicking its title, as a person would. The list
 * rewrites its own address once it has loaded, and a click in that moment is lost: when the edit
 * view has not opened, the click is made again (what a person does too).
 */
export async function openFromList(page: Page, collection: string, title: string, options: { exact?: boolean } = {}): Promise<void> {
  await page.goto(`/admin/collections/${collection}`)
  const link = page.getByRole('link', { name: title, exact: options.exact }).first()
  const editView = new RegExp(`/admin/collections/${collection}/[^/?]+(\\?|$)`)
  await expect(async () => {
    if (!editView.test(page.url())) await link.click()
    await expect(page).toHaveURL(editView, { timeout: 10_000 })
  }).toPass({ timeout: 40_000 })
  await expect(page.locator('#field-title')).toHaveValue(title)
}
