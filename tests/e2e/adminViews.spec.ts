import { expect, test, type Page } from '@playwright/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Issue 21: what a screen reader says in the admin. Every accessible name,
 * `aria-label` and `title` on the views editors and reviewers use, read as
 * the browser computes them; none may be "[object Object]" (a label object
 * Payload printed as is, fixed in src/fields/labels.ts) or "Namnlös - ID"
 * (a person the reader could not see, fixed by staff reading colleagues).
 */
const NAMED = 'a, button, input, select, textarea, [role], [aria-label], [title]'

/** Every name on the page: its accessible name as the browser computes it (aria-label, labels, text), and its title. */
async function namesOn(page: Page): Promise<string[]> {
  const names = new Set<string>()
  for (const element of await page.locator(NAMED).all()) {
    const [label, title] = await Promise.all([element.getAttribute('aria-label'), element.getAttribute('title')])
    if (label) names.add(label)
    if (title) names.add(title)
  }
  // The computed names of buttons and links (text or labels), as the accessibility tree gives them.
  const snapshot = await page.locator('body').ariaSnapshot()
  for (const match of snapshot.matchAll(/- (?:button|link|checkbox|textbox|combobox|columnheader|cell) "([^"]*)"/g)) names.add(match[1]!)
  return [...names]
}

const WRONG = [/\[object Object\]/, /Namnlös - ID/]

async function expectSwedishNames(page: Page, view: string) {
  await page.waitForLoadState('networkidle')
  const wrong = (await namesOn(page)).filter((name) => WRONG.some((pattern) => pattern.test(name)))
  expect(wrong, `${view} (${page.url()}): namn som en skärmläsare läser fel`).toEqual([])
}

for (const role of ['editor', 'reviewer'] as const) {
  test(`as ${role === 'editor' ? 'redaktör' : 'granskare'}: the dashboard, the lists and an area's edit view name nothing "[object Object]"`, async ({ page }) => {
    await logIn(page, readDemoAccounts(E2E_DATA_DIR)[role]!)
    await page.goto('/admin')
    await expectSwedishNames(page, 'Översikten')
    for (const collection of ['areas', 'releases', 'comments', 'users']) {
      await page.goto(`/admin/collections/${collection}`)
      await expect(page.locator('h1').first()).toBeVisible()
      await expectSwedishNames(page, `Listan ${collection}`)
    }
    await openFromList(page, 'areas', 'Psykisk funktionsnedsättning - socialpsykiatri')
    await expectSwedishNames(page, 'Redigeringsvyn')
  })
}
