import { expect, request as playwrightRequest, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn, openFromList } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'
import { expectNoAxeViolations } from '../helpers/axe'

/**
 * A reviewer's preview of a draft (/forhandsgranska?token=…). Ekonomiskt
 * bistånd, not the page the workflow spec walks through: the draft saved here
 * stays a draft (never submitted), and the live page is never touched.
 */

const SLUG = 'ekonomiskt-bistand'
const TITLE = 'Ekonomiskt bistånd'
const DRAFT_TEXT = `Utkasttext för förhandsgranskning ${Date.now()}`

/** Where the accounts of the server under test are written (a dev server may use another data folder). */
const accountsDir = () => process.env.E2E_ACCOUNTS_DIR ?? E2E_DATA_DIR

test('a reviewer previews an editor\'s draft; the public page and a tampered link do not show it', async ({ browser, baseURL }) => {
  // Two logins and the admin's edit view: more than the default minute on a cold server.
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(accountsDir())

  // The editor saves a draft with a distinctive answer through the REST API.
  const api = await playwrightRequest.newContext({ baseURL })
  const login = await api.post('/api/users/login', { data: { email: accounts.editor!.email, password: accounts.editor!.password } })
  expect(login.ok()).toBe(true)
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  const found = await (await api.get(`/api/areas?where[slug][equals]=${SLUG}&depth=0&draft=true`, { headers })).json()
  const area = found.docs[0]
  expect(area, `${SLUG} finns`).toBeTruthy()
  const body = structuredClone(area.body) as { blockType: string; bullets?: { local?: string | null }[] }[]
  const resultSet = body.find((block) => block.blockType === 'resultSet' && block.bullets?.length)
  expect(resultSet, 'sidan har en resultatpunkt').toBeTruthy()
  resultSet!.bullets![0]!.local = DRAFT_TEXT
  // With the revision it was read at, as the edit form sends it (optimistic concurrency, src/concurrency).
  const saved = await api.patch(`/api/areas/${area.id}?draft=true`, { headers, data: { body, revision: area.revision } })
  expect(saved.ok(), await saved.text()).toBe(true)
  await api.dispose()

  // The reviewer logs in through the admin and opens the page, changing nothing.
  const context = await browser.newContext()
  const page = await context.newPage()
  await logIn(page, accounts.reviewer!)
  await openFromList(page, 'areas', TITLE)
  await expect(page).toHaveURL(new RegExp(`/admin/collections/areas/${area.id}`))

  // "Förhandsgranska" in the edit view opens the draft in a new tab through a fresh signed link.
  const button = page.getByRole('link', { name: 'Förhandsgranska' })
  await expect(button).toHaveAttribute('href', `/api/areas/${area.id}/preview`)
  const [tab] = await Promise.all([page.waitForEvent('popup'), button.click()])
  await expect(tab).toHaveURL(/\/forhandsgranska\?token=[\w.-]+$/)
  await expect(tab.getByText(DRAFT_TEXT)).toBeVisible()
  await tab.close()

  // The preview endpoint answers the signed-in reviewer with a redirect to a signed link.
  // A browser sends Sec-Fetch-Site with the cookie; Payload's CSRF check ignores a cookie without it.
  const redirect = await page.request.get(`/api/areas/${area.id}/preview`, { maxRedirects: 0, headers: { 'Sec-Fetch-Site': 'same-origin' } })
  expect(redirect.status()).toBe(302)
  const location = redirect.headers()['location']!
  expect(location).toMatch(/^\/forhandsgranska\?token=[\w.-]+$/)

  await page.goto(location)
  await expect(page.getByRole('region', { name: 'Förhandsgranskning' })).toContainText('Förhandsgranskning – utkastet är inte publicerat')
  await expect(page.getByRole('region', { name: 'Förhandsgranskning' })).toContainText(/Länken gäller till \d{1,2} \p{L}+ \d{4} kl\. \d{2}\.\d{2}/u)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(page.getByText(DRAFT_TEXT)).toBeVisible()
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expectNoAxeViolations(page)

  // The published page does not show the draft.
  const reader = await (await browser.newContext()).newPage()
  const live = await reader.goto(`/jamforelser/${SLUG}`)
  expect(live?.status()).toBe(200)
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(reader.getByText(DRAFT_TEXT)).toHaveCount(0)

  // One changed character in the signature: a Swedish error, not the draft.
  const token = new URL(location, baseURL).searchParams.get('token')!
  const dot = token.lastIndexOf('.')
  const tampered = `${token.slice(0, dot + 1)}${token[dot + 1] === 'A' ? 'B' : 'A'}${token.slice(dot + 2)}`
  await reader.goto(`/forhandsgranska?token=${tampered}`)
  await expect(reader.getByRole('heading', { level: 1, name: 'Förhandsgranskningen kan inte visas' })).toBeVisible()
  await expect(reader.getByRole('main')).toContainText(/förhandsgransk/i)
  await expect(reader.getByRole('main').getByRole('link', { name: 'Till startsidan' })).toHaveAttribute('href', '/')
  await expect(reader.getByText(DRAFT_TEXT)).toHaveCount(0)
  await expect(reader.getByRole('region', { name: 'Förhandsgranskning' })).toHaveCount(0)
})
