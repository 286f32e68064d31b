import { expect, request as playwrightRequest, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoSeriousAxeViolationsIn } from '../helpers/axe'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Issue 18 as the people do it: an editor updates three pages and puts them
 * in a release, a reviewer approves each item, opens the preview of the whole
 * release and schedules it; the job publishes all three at once; the reviewer
 * recalls it with a reason.
 */
const TITLES = ['Stöd till personer med funktionsnedsättning', 'Missbruk- och beroendevård', 'Ekonomiskt bistånd']
const MARK = 'Uppdaterat med publiceringspaketet i test.'
const RELEASE = 'Juni-uppdateringen (test)'
const ANSWER = '#field-body__0__bullets__0__local'

const workflowBox = (page: Page) => page.locator('.workflow-panel')

const openArea = (page: Page, title: string) => openFromList(page, 'areas', title, { exact: true })

async function act(page: Page, label: string) {
  await workflowBox(page).getByRole('button', { name: label, exact: true }).click()
  await page.waitForLoadState('load')
}

/** Each page's public address and the first answer it shows now (published only). */
async function published(baseURL: string): Promise<{ title: string; url: string; answer: string }[]> {
  const anonymous = await playwrightRequest.newContext({ baseURL })
  const list = await (await anonymous.get('/api/v1/areas?limit=100')).json()
  const pages = []
  for (const title of TITLES) {
    const item = list.items.find((entry: { title: string }) => entry.title === title)
    const page = await (await anonymous.get(`/api/v1/areas/${item.slug}`)).json()
    const first = page.body.find((block: { type: string }) => block.type === 'resultSet')
    pages.push({ title, url: item.url as string, answer: first.bullets[0].local as string })
  }
  await anonymous.dispose()
  return pages
}

/** A datetime-local value `seconds` from now, on the browser's (= this machine's) clock. */
function localTimeIn(seconds: number): string {
  const at = new Date(Date.now() + seconds * 1000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

test('editor builds a release of three pages, reviewer approves each, previews, schedules; the job publishes all; the reviewer recalls it', async ({ browser, baseURL }) => {
  test.setTimeout(420_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const editorPage = await (await browser.newContext()).newPage()
  const reviewerContext = await browser.newContext()
  const reviewerPage = await reviewerContext.newPage()
  const before = await published(baseURL!)

  // The editor updates each page's first answer and sends it to review.
  await logIn(editorPage, accounts.editor!)
  for (const page of before) {
    await openArea(editorPage, page.title)
    await editorPage.locator(ANSWER).fill(`${page.answer} ${MARK}`)
    await editorPage.getByRole('button', { name: 'Spara utkast' }).click()
    await expect(workflowBox(editorPage).getByTestId('workflow-state')).toHaveText('Utkast')
    await act(editorPage, 'Skicka till granskning')
    await expect(workflowBox(editorPage).getByTestId('workflow-state')).toHaveText('Granskas')
  }

  // … and puts the three in a release.
  await editorPage.goto('/admin/collections/releases/create')
  await editorPage.locator('#field-name').fill(RELEASE)
  const items = editorPage.locator('#field-items')
  for (const title of TITLES) {
    // The field's text box (react-select's combobox), not its middle: that is a chosen area once there are some.
    const search = items.getByRole('combobox')
    await search.click()
    await search.fill(title.slice(0, 10))
    await editorPage.getByRole('option', { name: title }).click()
  }
  await expect(items.locator('.rs__multi-value')).toHaveCount(3)
  await editorPage.getByRole('button', { name: 'Spara', exact: true }).click()
  const releasePanel = workflowBox(editorPage)
  await expect(releasePanel.getByTestId('release-state')).toHaveText('Öppet')
  await expect(releasePanel.getByTestId('release-items').getByRole('listitem')).toHaveCount(3)
  await expect(releasePanel.getByTestId('release-items')).toContainText('inte klart: status är "Granskas"')
  await expect(releasePanel.getByRole('button', { name: 'Markera som klart' })).toBeDisabled()
  await expectNoSeriousAxeViolationsIn(editorPage, '.workflow-panel')
  const releaseUrl = editorPage.url()

  // The reviewer approves each item on its own page.
  await logIn(reviewerPage, accounts.reviewer!)
  for (const title of TITLES) {
    await openArea(reviewerPage, title)
    await act(reviewerPage, 'Godkänn')
    await expect(workflowBox(reviewerPage).getByTestId('workflow-state')).toHaveText('Godkänd')
  }

  // Now the editor may mark it ready; nothing is public yet.
  await editorPage.goto(releaseUrl)
  await expect(releasePanel.getByTestId('release-items')).not.toContainText('inte klart')
  await releasePanel.getByRole('button', { name: 'Markera som klart' }).click()
  await expect(releasePanel.getByTestId('release-state')).toHaveText('Klart för publicering')
  expect((await published(baseURL!)).map((page) => page.answer)).toEqual(before.map((page) => page.answer))

  // The reviewer opens the release, previews the whole site with it, and schedules it.
  await reviewerPage.goto(releaseUrl)
  const reviewerPanel = workflowBox(reviewerPage)
  await expect(reviewerPanel.getByTestId('release-state')).toHaveText('Klart för publicering')
  await expectNoSeriousAxeViolationsIn(reviewerPage, '.workflow-panel')
  const [preview] = await Promise.all([reviewerContext.waitForEvent('page'), reviewerPanel.getByRole('link', { name: /Förhandsgranska webbplatsen med paketet/ }).click()])
  await preview.waitForLoadState('load')
  await expect(preview.getByRole('region', { name: 'Förhandsgranskning av publiceringspaket' })).toContainText(RELEASE)
  for (const title of TITLES) {
    await preview.getByRole('region', { name: 'Förhandsgranskning av publiceringspaket' }).getByRole('link', { name: title }).click()
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(preview.locator('main')).toContainText(MARK)
  }
  // Every other link stays in the preview: the start page as it will be.
  await preview.getByRole('link', { name: /Öppna jämförelser/ }).first().click()
  expect(new URL(preview.url()).pathname).toBe('/forhandsgranska')
  await preview.close()

  await reviewerPanel.locator('input[type="datetime-local"]').fill(localTimeIn(20))
  await reviewerPanel.getByRole('button', { name: 'Publicera paketet' }).click()
  await expect(reviewerPanel.getByTestId('release-state')).toHaveText('Schemalagt')
  expect((await published(baseURL!)).map((page) => page.answer)).toEqual(before.map((page) => page.answer))

  // The job publishes all three at once: each public page shows the new answer.
  await expect
    .poll(async () => (await published(baseURL!)).map((page) => page.answer.endsWith(MARK)), { timeout: 120_000, intervals: [2000] })
    .toEqual([true, true, true])
  for (const page of before) {
    await reviewerPage.goto(page.url)
    await expect(reviewerPage.locator('main')).toContainText(MARK)
  }

  // The reviewer recalls it, with a reason: every page is back as it was.
  await reviewerPage.goto(releaseUrl)
  await expect(reviewerPanel.getByTestId('release-state')).toHaveText('Publicerat')
  await reviewerPanel.locator('textarea').fill('Fel tabell från Socialstyrelsen.')
  await reviewerPanel.getByRole('button', { name: 'Återkalla paketet' }).click()
  await expect(reviewerPanel.getByTestId('release-state')).toHaveText('Återkallat')
  expect((await published(baseURL!)).map((page) => page.answer)).toEqual(before.map((page) => page.answer))
  await expectNoSeriousAxeViolationsIn(reviewerPage, '.workflow-panel')
})
