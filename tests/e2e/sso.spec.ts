import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '../helpers/test'

import { E2E_OIDC } from '../helpers/oidcE2e'

/**
 * Sign-in with the municipality's account, as a person does it: the button
 * on the login page, the provider's own login form (the certified
 * oidc-provider on https://127.0.0.1, started by playwright.config.ts), back
 * into the Swedish admin with the role the directory gives.
 */

// The test provider's certificate is self-signed; the CMS itself is plain http here.
test.use({ ignoreHTTPSErrors: true })

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function signInAtProvider(page: Page, login: string) {
  await page.getByRole('link', { name: E2E_OIDC.loginLabel }).click()
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC.issuer.replace(/[.]/g, '\\.')}/interaction/`))
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('valfritt-lösenord')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

test('the login page offers the municipality’s sign-in first, passes axe (WCAG 2.2 AA), and the password form works with password managers', async ({ page }) => {
  await page.goto('/admin/login')
  const button = page.getByRole('link', { name: E2E_OIDC.loginLabel })
  await expect(button).toBeVisible()
  // First: before the e-mail field in the page's order (and so in tab order).
  const before = await button.evaluate((link) => {
    const email = document.querySelector('#field-email')
    return Boolean(email && link.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING)
  })
  expect(before).toBe(true)
  await expect(page.locator('#field-password')).toHaveAttribute('autocomplete', 'current-password')
  await expect(page.locator('#field-email')).toHaveAttribute('autocomplete', 'email')
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
})

test('an editor signs in at the provider and lands where they were going, in the Swedish admin, as a redaktör', async ({ page }) => {
  const started = Date.now()
  await page.goto('/admin/collections/areas')
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)
  await signInAtProvider(page, 'sso-redaktor')
  await expect(page).toHaveURL(/\/admin\/collections\/areas/)
  await expect(page.getByRole('heading', { name: 'Jämförelseområden' }).first()).toBeVisible()
  console.log(`Inloggning med kommunens konto, klick till inloggad sida: ${Date.now() - started} ms`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')

  await page.goto('/admin')
  await expect(page).toHaveTitle(/Översikt/)
  await expect(page.getByRole('heading', { name: /Mina utkast/ })).toBeVisible()
  // An editor's navigation has no audit log (admins and reviewers only).
  await expect(page.getByRole('link', { name: 'Händelselogg', exact: true })).toHaveCount(0)

  await page.goto('/admin/account')
  await expect(page.getByText('Sara Redaktör').first()).toBeVisible()
  const roles = page.locator('#field-roles')
  await expect(roles).toContainText('Redaktör')
  // Roles come from the directory: shown, not editable.
  await expect(page.locator('.field-type.select.read-only').filter({ hasText: 'Redaktör' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('konto-redaktor.png'), fullPage: true })
  await expect(page.getByText('Kommunens konto').first()).toBeVisible()
})

test('a reviewer likewise lands in the admin as a granskare', async ({ page }) => {
  await page.goto('/admin/login')
  await signInAtProvider(page, 'sso-granskare')
  await expect(page).toHaveURL(/\/admin\/?$/)
  await expect(page.getByRole('heading', { name: /Att granska/ })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Händelselogg', exact: true })).toBeAttached()
  await page.goto('/admin/account')
  await expect(page.locator('#field-roles')).toContainText('Granskare')
})

test('someone whose groups give no role sees the Swedish refusal and is not signed in', async ({ page }) => {
  await page.goto('/admin/login')
  await signInAtProvider(page, 'sso-utan-roll')
  await expect(page).toHaveURL(/\/admin\/login\?ssoFel=noRole/)
  const alert = page.getByRole('alert').filter({ hasText: 'Inloggningen nekades' })
  await expect(alert).toContainText('ingen behörighet till Öppna jämförelser')
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
})

test('logout ends the session here and at the provider, and returns to the login page', async ({ page }) => {
  await page.goto('/admin/login')
  await signInAtProvider(page, 'sso-redaktor')
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.getByRole('button', { name: 'Öppna Meny' }).click()
  await page.getByRole('link', { name: 'Logga ut', exact: true }).click()
  // The provider's own sign-out confirmation (RP-initiated logout).
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC.issuer.replace(/[.]/g, '\\.')}/session/end`))
  await page.getByRole('button', { name: 'Yes, sign me out' }).click()
  await expect(page).toHaveURL(/\/admin\/login/)
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  // Signed out at the provider too: the next sign-in asks for the login again.
  await page.getByRole('link', { name: E2E_OIDC.loginLabel }).click()
  await expect(page.locator('input[name="login"]')).toBeVisible()
})
