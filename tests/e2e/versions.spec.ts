import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts, type PrintedAccount } from '../helpers/demoAccounts'
import { apiAs, publishedArea } from '../helpers/publishedArea'

/**
 * Issue 21: the version view's obvious button restores, as a draft, a
 * published version and the copy a save conflict kept (a draft version);
 * the reviewer's "Jämför med publicerad version" compares the draft with the
 * published text and leads with it.
 */
type Area = { id: number | string; revision: number }

const bullet = (local: string) => [{ blockType: 'resultSet', surveyYear: 2024, lead: 'visar att', bullets: [{ national: 'Nationellt resultat.', local }] }]

async function working(context: APIRequestContext, headers: Record<string, string>, id: Area['id']): Promise<Area & { teaser?: string; body: { bullets: { local: string }[] }[] }> {
  const response = await context.get(`/api/areas/${id}?draft=true&depth=0`, { headers })
  expect(response.ok(), await response.text()).toBe(true)
  return response.json()
}

const publishedPage = (baseURL: string, title: string, local: string, slug: string) => publishedArea(baseURL, { title, slug, body: bullet(local) })

async function saveDraft(baseURL: string, account: PrintedAccount, id: Area['id'], local: string, revision?: number) {
  const as = await apiAs(baseURL, account)
  const at = revision ?? (await working(as.context, as.headers, id)).revision
  const response = await as.context.patch(`/api/areas/${id}?draft=true`, { headers: as.headers, data: { body: bullet(local), revision: at } })
  const body = await response.json()
  await as.context.dispose()
  return { status: response.status(), body }
}

/** Confirms Payload's restore dialog with the version view's main button. */
async function restoreFromVersionView(page: Page) {
  await page.getByRole('button', { name: 'Återställ den här versionen som utkast' }).click()
  const dialog = page.locator('.confirmation-modal')
  await expect(dialog).toContainText('som ett utkast')
  await dialog.getByRole('button', { name: 'Bekräfta' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/areas\/[^/]+$/)
}

test('an editor restores the published version with the obvious button: a draft with the published text, the live page unchanged', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const title = `Återställ publicerad ${Date.now()}`
  const id = await publishedPage(baseURL!, title, 'Den publicerade texten.', `aterstall-publicerad-${Date.now()}`)
  expect((await saveDraft(baseURL!, accounts.editor!, id, 'Ett utkast som ska bort.')).status).toBe(200)

  await logIn(page, accounts.editor!)
  await openFromList(page, 'areas', title)
  await expect(page.locator('#field-body__0__bullets__0__local')).toHaveValue('Ett utkast som ska bort.')
  await page.getByRole('link', { name: /^Versioner/ }).click()
  await page.locator('.table tbody tr', { hasText: 'Publicerad' }).first().locator('a').first().click()
  await expect(page).toHaveURL(/\/versions\/[^/?]+/)
  await restoreFromVersionView(page)

  await expect(page.locator('#field-body__0__bullets__0__local')).toHaveValue('Den publicerade texten.')
  await expect(page.locator('.workflow-panel').getByTestId('workflow-state')).toHaveText('Utkast')
  await expect(page.locator('.payload-toast-container')).not.toContainText('problem')
  const anonymous = await playwrightRequest.newContext({ baseURL })
  const live = await (await anonymous.get(`/api/areas/${id}?depth=0`)).json()
  expect(live.body[0].bullets[0].local).toBe('Den publicerade texten.')
  await anonymous.dispose()
})

test('an editor whose save lost a conflict restores the kept copy from its version', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const title = `Återställ konflikt ${Date.now()}`
  const id = await publishedPage(baseURL!, title, 'Utgångstext.', `aterstall-konflikt-${Date.now()}`)
  const as = await apiAs(baseURL!, accounts.editor!)
  const { revision } = await working(as.context, as.headers, id)
  await as.context.dispose()
  // The admin saves first; the editor's save from the same revision is refused and kept as a version.
  expect((await saveDraft(baseURL!, accounts.admin!, id, 'Administratörens text.', revision)).status).toBe(200)
  const refused = await saveDraft(baseURL!, accounts.editor!, id, 'Redaktörens text som inte fick plats.', revision)
  expect(refused.status).toBe(409)
  const versionId = refused.body.errors[0].data.conflict.versionId
  expect(versionId).toBeDefined()

  await logIn(page, accounts.editor!)
  await page.goto(`/admin/collections/areas/${id}/versions/${versionId}`)
  await restoreFromVersionView(page)
  await expect(page.locator('#field-body__0__bullets__0__local')).toHaveValue('Redaktörens text som inte fick plats.')
  await expect(page.locator('.workflow-panel').getByTestId('workflow-state')).toHaveText('Utkast')
})

test('a reviewer’s "Jämför med publicerad version" shows the published text beside the draft, content first', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const title = `Jämför ${Date.now()}`
  const id = await publishedPage(baseURL!, title, 'Texten som är publicerad.', `jamfor-${Date.now()}`)
  expect((await saveDraft(baseURL!, accounts.editor!, id, 'Texten i utkastet.')).status).toBe(200)
  // A second step after the edit (the workflow's own rows would lead the comparison before).
  const editor = await apiAs(baseURL!, accounts.editor!)
  expect((await editor.context.post(`/api/areas/${id}/workflow`, { headers: editor.headers, data: { transition: 'submit' } })).ok()).toBe(true)
  await editor.context.dispose()

  await logIn(page, accounts.reviewer!)
  await openFromList(page, 'areas', title)
  await page.locator('.workflow-panel').getByRole('link', { name: 'Jämför med publicerad version' }).click()
  await expect(page).toHaveURL(/\/versions\/[^/?]+\?versionFrom=/)
  const diff = page.locator('.render-field-diffs').first()
  await expect(diff).toContainText('Texten som är publicerad.')
  await expect(diff).toContainText('Texten i utkastet.')
  // The server's bookkeeping is left out: the first field compared is content.
  for (const bookkeeping of ['Arbetsflöde', 'Har ändrat utkastet', 'Senast sparad av', 'Block Name', 'Artikel']) await expect(diff).not.toContainText(bookkeeping)
  await expect(diff.locator('.field-diff-label, .diff-collapser__label').first()).toContainText(/Innehåll|Resultat/)
})
