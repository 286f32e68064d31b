import { expect, test, type Page, type Request } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoSeriousAxeViolationsIn } from '../helpers/axe'
import { apiToken, logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts, type PrintedAccount } from '../helpers/demoAccounts'

/**
 * Issue 21: the audit log ("Händelselogg") reads in words, and no admin page
 * fetches anything from a host other than the CMS's own (Payload's JSON
 * editor loaded Monaco from cdn.jsdelivr.net: offline it never appeared).
 */

const RUN = Date.now().toString(36)
const TITLE = `Händelseloggtest ${RUN}`
const KALMAR_PAGE = 'Psykisk funktionsnedsättning - socialpsykiatri'

/** The lists editors and reviewers use (Payload's own collections are hidden). */
const LISTS = ['areas', 'releases', 'sections', 'links', 'indicators', 'notices', 'comments', 'result-mappings', 'publication-history', 'users']

/**
 * Records every request the page makes to another origin and stops it
 * there (this machine has no way out anyway: a stopped request cannot hang
 * the test). data: and blob: URLs are the page's own.
 */
function watchForeignRequests(page: Page, own: string): string[] {
  const foreign: string[] = []
  const isForeign = (url: string) => /^(https?|wss?):/.test(url) && new URL(url).origin !== own
  page.on('request', (request: Request) => {
    if (isForeign(request.url())) foreign.push(`${request.url()} (från ${page.url()})`)
  })
  void page.route((url) => isForeign(url.href), (route) => route.abort())
  return foreign
}

/** Opens an admin page and waits until nothing more loads (Monaco was loaded lazily, after the page). */
async function visit(page: Page, path: string) {
  await page.goto(path)
  await expect(page).not.toHaveURL(/\/admin\/login/)
  // The dashboard has no h1 (Payload's), only its sections' headings.
  await expect(page.locator('h1, h2').first()).toBeVisible()
  await page.waitForLoadState('networkidle')
}

/** The editor makes a page, changes its teaser and sends it to review, as the API lets any client. */
async function editorChanges(baseURL: string, editor: PrintedAccount): Promise<void> {
  const headers = { Authorization: `JWT ${await apiToken(baseURL, editor)}`, 'Content-Type': 'application/json' }
  const call = async (path: string, method: string, body?: object) => {
    const response = await fetch(`${baseURL}/api${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
    expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true)
    return response.json()
  }
  const { doc } = await call('/areas?draft=true', 'POST', {
    title: TITLE,
    body: [{ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt', local: 'Ja' }] }],
  })
  const stored = await call(`/areas/${doc.id}?draft=true&depth=0`, 'GET')
  await call(`/areas/${doc.id}?draft=true`, 'PATCH', { teaser: 'Händelseloggen ska visa att ingressen ändrades.', revision: stored.revision })
  await call(`/areas/${doc.id}/workflow`, 'POST', { transition: 'submit' })
}

for (const role of ['editor', 'reviewer'] as const) {
  test(`as ${role === 'editor' ? 'redaktör' : 'granskare'}: no admin page requests anything from another host`, async ({ page, baseURL }) => {
    test.setTimeout(180_000)
    const foreign = watchForeignRequests(page, new URL(baseURL!).origin)
    await logIn(page, readDemoAccounts(E2E_DATA_DIR)[role]!)
    await visit(page, '/admin')
    for (const collection of LISTS) await visit(page, `/admin/collections/${collection}`)
    // A results mapping's form, with the JSON field that used to be Payload's Monaco editor (editors only create one).
    if (role === 'editor') await visit(page, '/admin/collections/result-mappings/create')

    await openFromList(page, 'areas', KALMAR_PAGE)
    await page.waitForLoadState('networkidle')
    const areaPath = new URL(page.url()).pathname
    await visit(page, `${areaPath}/versions`)

    // A published version in the public record: two JSON fields.
    await page.goto('/admin/collections/publication-history')
    await page.locator('tbody tr a').first().click()
    await expect(page).toHaveURL(/\/admin\/collections\/publication-history\/[^/]+$/)
    await expect(page.getByText('Sidan som publicerades')).toBeVisible()
    await page.waitForLoadState('networkidle')

    if (role === 'reviewer') {
      await visit(page, '/admin/collections/audit-log')
      await page.locator('tbody tr a').first().click()
      await expect(page).toHaveURL(/\/admin\/collections\/audit-log\/[^/]+$/)
      await expect(page.getByText('Detaljer', { exact: true })).toBeVisible()
      await page.waitForLoadState('networkidle')
    }
    expect(foreign, 'förfrågningar till andra värdar än CMS:ets egen').toEqual([])
  })
}

test('the audit log names states in Swedish, who did it and which fields changed; axe finds nothing serious in it', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  await editorChanges(baseURL!, accounts.editor!)

  await logIn(page, accounts.reviewer!)
  await visit(page, '/admin/collections/audit-log')
  await expect(page.getByRole('columnheader', { name: /Ändrade fält/ })).toBeVisible()

  const rows = page.locator('tbody tr', { hasText: TITLE })
  const submitted = rows.filter({ hasText: 'Arbetsflöde' }).first()
  await expect(submitted).toContainText('Utkast')
  await expect(submitted).toContainText('Granskas')
  const saved = rows.filter({ hasText: 'Ingress i länklistor' }).first()
  await expect(saved).toContainText('Sparad')
  // Who: the editor's name, not an id or an address.
  await expect(saved).toContainText('Erik Redaktör')
  // No codes and no "<Ingen Till>": empty reads "–".
  const table = await page.locator('table').innerText()
  expect(table).not.toMatch(/inReview|changesRequested|<Ingen /)
  await expectNoSeriousAxeViolationsIn(page, '.audit-log-cell')

  // The entry: every field in words, "Detaljer" as a list, not an editor.
  await saved.locator('a').first().click()
  await expect(page).toHaveURL(/\/admin\/collections\/audit-log\/[^/]+$/)
  const field = (label: string) => page.locator('.audit-log-field', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('> dd')
  await expect(field('Händelse')).toHaveText('Sparad')
  await expect(field('Samling')).toHaveText('Jämförelseområde')
  await expect(field('Till')).toHaveText('Utkast')
  await expect(field('Ändrade fält')).toHaveText('Ingress i länklistor')
  await expect(field('Kommentar')).toHaveText('–')
  await expect(page.locator('.monaco-editor, .code-editor')).toHaveCount(0)
  await expectNoSeriousAxeViolationsIn(page, '.audit-log-field')
})
