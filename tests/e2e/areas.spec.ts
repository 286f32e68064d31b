import { expect, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

test('an editor opens the imported socialpsykiatri page and sees its result sets and bullets in Swedish', async ({ page }) => {
  await logIn(page, readDemoAccounts(E2E_DATA_DIR).editor!)
  await openFromList(page, 'areas', 'Psykisk funktionsnedsättning - socialpsykiatri')
  await expect(page.locator('#field-body__0__surveyYear')).toHaveValue('2023')
  await expect(page.locator('#field-body__0__bullets__0__national')).toHaveValue(/Social färdighetsträning enligt ESL-modellen/)
  await expect(page.locator('#field-body__0__bullets__0__local')).toHaveValue('I Kalmar erbjuds inte social färdighetsträning enligt ESL-modellen')
  await expect(page.locator('#field-body__0__bullets__5__local')).toHaveValue(/IBIC vid alla utredningar och uppföljningar/)
  await expect(page.getByText('Nationellt resultat').first()).toBeVisible()
  await expect(page.getByText('Kommunens svar').first()).toBeVisible()
  await expect(page.getByText('Undersökningsår').first()).toBeVisible()
  // Each result set's header names its year, not an empty block name ("Resultat Namnlös").
  await expect(page.locator('.result-set-label').first()).toHaveText('Resultat 2023')
  await expect(page.locator('.blocks-field__block-header').filter({ hasText: 'Namnlös' })).toHaveCount(0)
  await expect(page.getByText('Senast uppdaterad').first()).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
})

for (const role of ['editor', 'reviewer'] as const) {
  test(`the list offers a ${role === 'editor' ? 'redaktör' : 'granskare'} no bulk edit, publish or unpublish: pages go through their workflow or a release`, async ({ page }) => {
    await logIn(page, readDemoAccounts(E2E_DATA_DIR)[role]!)
    await page.goto('/admin/collections/areas')
    const row = page.getByRole('row').filter({ hasText: 'Psykisk funktionsnedsättning - socialpsykiatri' })
    await row.getByRole('checkbox').check()
    // The selection is made (the bar counts it) …
    await expect(page.getByText('1 har valts')).toBeVisible()
    // … and offers none of the actions the workflow would refuse or that would overwrite content.
    for (const action of ['Redigera', 'Publicera', 'Avpublicera']) {
      await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0)
    }
  })
}
