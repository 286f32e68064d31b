import { expect, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoSeriousAxeViolationsIn } from '../helpers/axe'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Issue 21: every admin view editors, reviewers and admins use, as each of
 * them: axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing critical or serious in
 * the whole page, Payload's own components included; and no accessible name,
 * `aria-label` or `title` reads "[object Object]" (a label object printed as
 * is, src/fields/labels.ts), "Namnlös - ID" (a person the reader could not
 * see), a field path, or one of the English names Payload's components
 * hard-code (renamed in src/admin/payloadRepairs.ts).
 */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const AREA = 'Psykisk funktionsnedsättning - socialpsykiatri'
const NAMED = 'a, button, input, select, textarea, [role], [aria-label], [title]'

const WRONG = [
  /\[object Object\]/,
  /Namnlös - ID/,
  // A field path such as body.0.bullets.0.indicator.nationalPercentSuggested.
  /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/,
  /^(Add block|Drag to move|Edit link|Remove link|Insert Paragraph|select-all|Collapse|Expand)$/,
  /^Edit /,
  /^Notifications/,
]

/** Every name on the page: aria-label and title as written, and the names the accessibility tree computes. */
async function namesOn(page: Page): Promise<string[]> {
  const written = await page.evaluate((selector) => {
    const names: string[] = []
    for (const element of document.querySelectorAll(selector)) {
      for (const attribute of ['aria-label', 'title']) {
        const value = element.getAttribute(attribute)
        if (value) names.push(value)
      }
    }
    return names
  }, NAMED)
  const names = new Set(written)
  const snapshot = await page.locator('body').ariaSnapshot()
  for (const match of snapshot.matchAll(/- (?:button|link|checkbox|textbox|combobox|columnheader|cell|region|group) "([^"]*)"/g)) names.add(match[1]!)
  return [...names]
}

async function expectAccessibleView(page: Page, view: string): Promise<void> {
  await page.waitForLoadState('networkidle')
  // The repairs (src/admin/payloadRepairs.ts) run on the animation frame after the admin draws something.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const wrong = (await namesOn(page)).filter((name) => WRONG.some((pattern) => pattern.test(name)))
  expect(wrong, `${view} (${page.url()}): namn som en skärmläsare läser fel`).toEqual([])
  await expectNoSeriousAxeViolationsIn(page, 'body', WCAG)
}

/** Opens the first row of the list on screen (a document or a version), retrying a click the list's first render swallows. */
async function openFirstRow(page: Page, editView: RegExp): Promise<void> {
  const link = page.locator('.table tbody tr').first().locator('a').first()
  await expect(async () => {
    if (!editView.test(page.url())) await link.click()
    await expect(page).toHaveURL(editView, { timeout: 10_000 })
  }).toPass({ timeout: 40_000 })
}

type Role = 'editor' | 'reviewer' | 'admin'
type View = { name: string; roles: readonly Role[]; open: (page: Page) => Promise<void> }

const STAFF: readonly Role[] = ['editor', 'reviewer', 'admin']
const list = (collection: string, roles: readonly Role[] = STAFF): View => ({
  name: `listan ${collection}`,
  roles,
  open: async (page) => {
    await page.goto(`/admin/collections/${collection}`)
    await expect(page.locator('h1').first()).toBeVisible()
  },
})
const firstDocument = (collection: string, roles: readonly Role[] = STAFF): View => ({
  name: `första dokumentet i ${collection}`,
  roles,
  open: async (page) => {
    await page.goto(`/admin/collections/${collection}`)
    await openFirstRow(page, new RegExp(`/admin/collections/${collection}/[^/?]+(\\?|$)`))
    await expect(page.locator('.document-fields').first()).toBeVisible()
  },
})
const adminView = (path: string, heading: RegExp, roles: readonly Role[]): View => ({
  name: path,
  roles,
  open: async (page) => {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  },
})

const EDITOR_AND_REVIEWER: readonly Role[] = ['editor', 'reviewer']

const VIEWS: readonly View[] = [
  { name: 'översikten', roles: STAFF, open: (page) => page.goto('/admin').then(() => undefined) },
  ...['areas', 'releases', 'comments', 'sections', 'links', 'indicators', 'notices', 'result-mappings', 'users'].map((collection) => list(collection, EDITOR_AND_REVIEWER)),
  list('audit-log', ['reviewer']),
  { name: 'ett område', roles: EDITOR_AND_REVIEWER, open: (page) => openFromList(page, 'areas', AREA) },
  {
    name: 'ett områdes versioner och en version jämförd',
    roles: EDITOR_AND_REVIEWER,
    open: async (page) => {
      await openFromList(page, 'areas', AREA)
      await page.getByRole('link', { name: /^Versioner/ }).click()
      await expect(page).toHaveURL(/\/versions(\?|$)/)
      await expectAccessibleView(page, 'versionerna')
      await openFirstRow(page, /\/versions\/[^/?]+/)
      await expect(page.locator('.render-field-diffs').first()).toBeVisible()
    },
  },
  { name: 'nytt publiceringspaket', roles: ['editor'], open: (page) => page.goto('/admin/collections/releases/create').then(() => expect(page.locator('#field-name')).toBeVisible()) },
  { name: 'ny indikator', roles: ['editor'], open: (page) => page.goto('/admin/collections/indicators/create').then(() => expect(page.locator('.document-fields').first()).toBeVisible()) },
  firstDocument('sections', EDITOR_AND_REVIEWER),
  firstDocument('links', EDITOR_AND_REVIEWER),
  firstDocument('audit-log', ['reviewer']),
  { name: 'det egna kontot', roles: EDITOR_AND_REVIEWER, open: (page) => page.goto('/admin/account').then(() => expect(page.locator('#field-email')).toBeVisible()) },
  adminView('/admin/kalender', /Kalender/, EDITOR_AND_REVIEWER),
  adminView('/admin/importera-resultat', /Importera/, ['editor']),
  adminView('/admin/utkorg', /Utkorg/, ['admin']),
  { name: 'Ordlistan', roles: ['editor', 'admin'], open: (page) => page.goto('/admin/globals/spelling-words').then(() => expect(page.locator('.document-fields').first()).toBeVisible()) },
]

test('the login view has nothing critical or serious and names everything in Swedish', async ({ page }) => {
  await page.goto('/admin/login')
  await expect(page.locator('#field-email')).toBeVisible()
  await expectAccessibleView(page, 'inloggningen')
})

for (const role of STAFF) {
  const person = { editor: 'redaktör', reviewer: 'granskare', admin: 'administratör' }[role]
  for (const view of VIEWS.filter((candidate) => candidate.roles.includes(role))) {
    test(`as ${person}: ${view.name} has nothing critical or serious and names everything in Swedish`, async ({ page }) => {
      await logIn(page, readDemoAccounts(E2E_DATA_DIR)[role]!)
      await view.open(page)
      await expectAccessibleView(page, view.name)
    })
  }
}
