import { expect, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

test('the printed demo editor logs in and sees the Swedish dashboard', async ({ page }) => {
  const editor = readDemoAccounts(E2E_DATA_DIR).editor
  expect(editor, 'npm start wrote no editor account').toBeDefined()

  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible()

  await logIn(page, editor!, { form: true })
  await expect(page).toHaveTitle(/Översikt.*Kalmar kommun/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByText('Användare').first()).toBeVisible()
})

test('a wrong password gets a Swedish error and no session', async ({ page }) => {
  const editor = readDemoAccounts(E2E_DATA_DIR).editor!
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(editor.email)
  await page.locator('#field-password').fill('fel-lösenord')
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByText(/felaktig|ogiltig/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})

test('opened on another address than SERVER_URL, the admin names the address to use; on its own address it says nothing', async ({ page, baseURL }) => {
  const own = new URL(baseURL!)
  const other = new URL(baseURL!)
  other.hostname = '127.0.0.1'
  await page.goto(`${other.origin}/admin/login`)
  const warning = page.getByRole('alert').filter({ hasText: 'Du har öppnat administrationen på' })
  await expect(warning).toContainText(`Du har öppnat administrationen på ${other.origin}, men den är inställd för ${own.origin}.`)
  await expect(warning.getByRole('link', { name: `Öppna administrationen på ${own.origin}` })).toHaveAttribute('href', `${own.origin}/admin/login`)
  await page.goto('/admin/login')
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible()
  await expect(page.getByText('Du har öppnat administrationen på')).toHaveCount(0)
})
