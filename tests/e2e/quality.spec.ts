import { expect, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

// A page no other spec edits (seed/kalmar/003_…); only drafts are saved here, nothing is published.
const TITLE = 'Missbruk- och beroendevård'
const ANSWER = '#field-body__0__bullets__0__local'
const BROKEN = 'Kalmar erbjuder stödprogram för närstående till personer som använder beroendeframkal- lande medel.'
const FIXED = 'Kalmar erbjuder stödprogram för närstående till personer som använder beroendeframkallande medel.'
const FIX_BUTTON = 'Rätta: beroendeframkal- lande → beroendeframkallande'

const panel = (page: Page) => page.locator('.quality-panel')

const openArea = (page: Page) => openFromList(page, 'areas', TITLE)

/** The check has answered (the first call loads the dictionary, a few seconds). */
async function checked(page: Page) {
  await expect(panel(page).getByTestId('quality-counts')).toBeVisible({ timeout: 30_000 })
}

test('an editor sees a line-break hyphen in the quality check, goes to the field and fixes it with one click', async ({ page }) => {
  await logIn(page, readDemoAccounts(E2E_DATA_DIR).editor!)
  await openArea(page)
  await expect(panel(page).getByRole('heading', { name: 'Kvalitetskontroll' })).toBeVisible()
  await checked(page)

  // A hyphen left over from a line break, saved as a draft.
  await page.locator(ANSWER).fill(BROKEN)
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(page.locator('.workflow-panel').getByTestId('workflow-state')).toHaveText('Utkast')

  await panel(page).getByRole('button', { name: 'Kontrollera igen' }).click()
  await checked(page)
  const finding = panel(page).getByRole('listitem').filter({ hasText: '"beroendeframkal- lande" ser ut att vara avstavat' })
  await expect(finding).toHaveCount(1)
  // The severity is written out, not only shown as a colour.
  await expect(finding.getByText('Varning', { exact: true })).toBeVisible()

  // The link moves focus to the field.
  await finding.getByRole('link', { name: 'Resultat 2019, punkt 1, svar' }).click()
  await expect(page.locator(ANSWER)).toBeFocused()

  // One click fixes the form field; nothing is saved until the editor saves.
  await finding.getByRole('button', { name: FIX_BUTTON, exact: true }).click()
  await expect(page.locator(ANSWER)).toHaveValue(FIXED)
  await expect(finding.getByText('Rättat i formuläret – spara för att behålla.')).toBeVisible()

  // Saved, the draft is checked again on its own and the finding is gone.
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(panel(page).getByRole('listitem').filter({ hasText: '"beroendeframkal- lande"' })).toHaveCount(0, { timeout: 30_000 })
  await checked(page)
  await page.reload()
  await expect(page.locator(ANSWER)).toHaveValue(FIXED)
})
