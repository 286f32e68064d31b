import { expect, request as playwrightRequest, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { apiToken, logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

const SLUG = 'psykisk-funktionsnedsattning-socialpsykiatri'
const TITLE = 'Psykisk funktionsnedsättning - socialpsykiatri'
const OLD = 'I Kalmar erbjuds inte social färdighetsträning enligt ESL-modellen'
const NEW = 'I Kalmar erbjuds social färdighetsträning enligt ESL-modellen sedan hösten (granskad i test).'

/** What an anonymous reader of the API gets: the first bullet's answer of the live page. */
async function liveAnswer(baseURL: string): Promise<string> {
  const anonymous = await playwrightRequest.newContext({ baseURL })
  const response = await anonymous.get(`/api/areas?where[slug][equals]=${SLUG}&depth=0`)
  const body = await response.json()
  await anonymous.dispose()
  return body.docs[0].body[0].bullets[0].local
}

const openArea = (page: Page) => openFromList(page, 'areas', TITLE)

const panel = (page: Page) => page.locator('.workflow-panel')

async function act(page: Page, label: string, comment?: string) {
  if (comment) await panel(page).locator('textarea').fill(comment)
  await panel(page).getByRole('button', { name: label, exact: true }).click()
  await page.waitForLoadState('load')
}

test('editor submits, reviewer requests changes, editor resubmits, reviewer approves and publishes', async ({ browser, baseURL }) => {
  // Two people, two logins and about forty steps through the admin: 60 s is too tight on two busy cores.
  test.setTimeout(150_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const editorPage = await (await browser.newContext()).newPage()
  const reviewerPage = await (await browser.newContext()).newPage()

  expect(await liveAnswer(baseURL!)).toBe(OLD)

  // The editor changes Kalmar's answer and saves a draft: the live page is unchanged.
  await logIn(editorPage, accounts.editor!)
  await openArea(editorPage)
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Publicerad')
  await editorPage.locator('#field-body__0__bullets__0__local').fill(NEW)
  await editorPage.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Utkast')
  expect(await liveAnswer(baseURL!)).toBe(OLD)

  await act(editorPage, 'Skicka till granskning')
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Granskas')
  // An editor has no way to approve or publish, in the workflow box or Payload's own buttons.
  await expect(panel(editorPage).getByRole('button', { name: 'Godkänn' })).toHaveCount(0)
  await expect(editorPage.getByRole('button', { name: 'Publicera ändringar' })).toHaveCount(0)
  expect(await liveAnswer(baseURL!)).toBe(OLD)

  // The reviewer finds it in "Att granska", opens the comparison, and asks for changes.
  await logIn(reviewerPage, accounts.reviewer!)
  await reviewerPage.goto('/admin')
  // Other specs share the e2e database (the results import leaves a page in review), so look for this page's row, not a count.
  const queue = reviewerPage.getByRole('region', { name: /Att granska \(\d+\)/ })
  await expect(queue.getByRole('row', { name: new RegExp(`^${TITLE} Erik Redaktör`) })).toBeVisible()
  await queue.getByRole('link', { name: TITLE }).click()
  await expect(panel(reviewerPage).getByTestId('workflow-state')).toHaveText('Granskas')
  await expect(panel(reviewerPage).getByRole('link', { name: 'Jämför med publicerad version' })).toBeVisible()
  await act(reviewerPage, 'Begär ändringar', 'Ange vilket år insatsen startade.')
  await expect(panel(reviewerPage).getByTestId('workflow-state')).toHaveText('Ändringar begärda')
  expect(await liveAnswer(baseURL!)).toBe(OLD)

  // The editor changes the text again and resubmits.
  await editorPage.reload()
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Ändringar begärda')
  await expect(panel(editorPage).getByText('Ange vilket år insatsen startade.')).toBeVisible()
  await editorPage.locator('#field-body__0__bullets__0__local').fill(`${NEW} Startår 2024.`)
  await editorPage.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Utkast')
  await act(editorPage, 'Skicka till granskning')
  await expect(panel(editorPage).getByTestId('workflow-state')).toHaveText('Granskas')
  expect(await liveAnswer(baseURL!)).toBe(OLD)

  // The reviewer approves and publishes; now anonymous readers see the new text.
  await reviewerPage.reload()
  await act(reviewerPage, 'Godkänn')
  await expect(panel(reviewerPage).getByTestId('workflow-state')).toHaveText('Godkänd')
  expect(await liveAnswer(baseURL!)).toBe(OLD)
  await act(reviewerPage, 'Publicera')
  await expect(panel(reviewerPage).getByTestId('workflow-state')).toHaveText('Publicerad')
  expect(await liveAnswer(baseURL!)).toBe(`${NEW} Startår 2024.`)
})

test('a second editor opening a page another editor is editing is told who holds it', async ({ browser }) => {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const first = await (await browser.newContext()).newPage()
  const second = await (await browser.newContext()).newPage()
  await logIn(first, accounts.editor!)
  await openArea(first)
  // Payload locks the document when the first editor starts changing it.
  await first.locator('#field-teaser').fill('Pågående ändring')
  await first.waitForTimeout(1500)

  await logIn(second, accounts.admin!)
  await openArea(second)
  await expect(second.getByText('Dokument låst')).toBeVisible()
  // Payload's lock dialog names the holder by e-mail address.
  await expect(second.getByText(accounts.editor!.email).first()).toBeVisible()
  await expect(second.getByRole('button', { name: 'Ta över' })).toBeVisible()
})

test('an admin reads the notifications in the outbox (no SMTP here)', async ({ page }) => {
  await logIn(page, readDemoAccounts(E2E_DATA_DIR).admin!)
  await page.goto('/admin')
  // The link sits in the navigation (closed at this window size); follow its address.
  const link = page.getByRole('link', { name: 'Utkorg (e-post)', includeHidden: true })
  await expect(link).toHaveAttribute('href', '/admin/utkorg')
  await page.goto('/admin/utkorg')
  await expect(page.getByRole('heading', { name: 'Utkorg' })).toBeVisible()
  await expect(page.getByRole('cell', { name: `Att granska: ${TITLE}` }).first()).toBeVisible()
  await expect(page.getByRole('cell', { name: `Publicerad: ${TITLE}` }).first()).toBeVisible()
})

test('a reviewer who presses Payload’s own publish on a draft nobody approved reads the server’s four-eyes message in the toast', async ({ page, baseURL }) => {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  // The editor writes a new page (a draft, never submitted) through the REST API.
  const api = await playwrightRequest.newContext({ baseURL })
  const headers = { Authorization: `JWT ${await apiToken(baseURL!, accounts.editor!)}` }
  const title = `Fyra ögon i test ${Date.now()}`
  const created = await api.post('/api/areas?draft=true', {
    headers,
    data: { title, slug: `fyra-ogon-${Date.now()}`, body: [{ blockType: 'resultSet', surveyYear: 2024, bullets: [{ national: 'Nationellt resultat.', local: 'I Kalmar ett svar.' }] }] },
  })
  expect(created.ok(), await created.text()).toBe(true)
  await api.dispose()

  await logIn(page, accounts.reviewer!)
  await openFromList(page, 'areas', title)
  // Payload's publish button in the top bar, not the workflow panel.
  await page.getByRole('button', { name: /^Publicera( ändringar)?$/ }).first().click()
  const toast = page.locator('.payload-toast-container')
  await expect(toast).toContainText('Fyra ögon-principen: innehåll kan bara publiceras efter godkännande av en granskare.')
  await expect(toast).not.toContainText('Något gick fel')
  // Nothing went live.
  const anonymous = await playwrightRequest.newContext({ baseURL })
  expect((await (await anonymous.get(`/api/v1/areas?limit=100`)).json()).items.map((item: { title: string }) => item.title)).not.toContain(title)
  await anonymous.dispose()
})
