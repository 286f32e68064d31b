import { expect, request as playwrightRequest, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoSeriousAxeViolationsIn } from '../helpers/axe'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Kalender as an editor meets it: a page's review-by date in the month and
 * in the list, the month changed with the keyboard, and a personal feed
 * address made, read as iCalendar and revoked.
 */
/** A draft of its own, so the seed pages other specs use stay as they are. */
const TITLE = 'Kalendertest: boende för äldre'
const VIEW = 'section[aria-labelledby="manad"], section[aria-labelledby="kommande"], section[aria-labelledby="prenumerera"]'

/** A day later this month on the Stockholm calendar (or next month's 5th near the month's end), as YYYY-MM-DD. */
function dayAhead(): { date: string; monthKey: string } {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date())
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const target = day <= 25 ? new Date(Date.UTC(year, month - 1, day + 2)) : new Date(Date.UTC(year, month, 5))
  const date = target.toISOString().slice(0, 10)
  return { date, monthKey: date.slice(0, 7) }
}

test('an editor sees a review-by date in Kalender, moves between months by keyboard, and makes, reads and revokes a feed address', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const { date, monthKey } = dayAhead()

  // The page's owner sets when it must next be looked over.
  const api = await playwrightRequest.newContext({ baseURL })
  const login = await (await api.post('/api/users/login', { data: { email: accounts.editor!.email, password: accounts.editor!.password } })).json()
  const auth = { Authorization: `JWT ${login.token}` }
  const created = await api.post('/api/areas?draft=true', {
    headers: auth,
    data: {
      title: TITLE,
      slug: 'kalendertest',
      reviewBy: `${date}T10:00:00.000Z`,
      body: [{ blockType: 'resultSet', surveyYear: 2025, lead: 'visar att', bullets: [{ national: 'Nationellt', local: 'Kalmar' }] }],
    },
  })
  expect(created.status(), await created.text()).toBe(201)

  await logIn(page, accounts.editor!)
  await page.goto('/admin')
  // The navigation is a drawer at this width: opened as a person opens it.
  const menu = page.getByRole('button', { name: 'Öppna Meny' })
  if (await menu.isVisible()) await menu.click()
  await page.getByRole('link', { name: 'Kalender', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible()
  await page.goto(`/admin/kalender?month=${monthKey}`)
  const month = page.locator('section[aria-labelledby="manad"]')
  await expect(month.locator('table caption')).toBeVisible()
  await expect(month.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible()
  await expect(page.locator('section[aria-labelledby="kommande"]')).toContainText(TITLE)
  await expectNoSeriousAxeViolationsIn(page, VIEW)

  // Next month by keyboard: focus the link, Enter; the caption names the new month.
  const caption = await month.locator('table caption').textContent()
  const next = month.getByRole('link', { name: /^Nästa månad: / })
  await next.focus()
  await expect(next).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(month.locator('table caption')).not.toHaveText(caption!)
  await expect(month.getByRole('link', { name: new RegExp(TITLE) })).toHaveCount(0)

  // A personal address: shown once, read as iCalendar by anyone holding it, revoked.
  const feed = page.locator('section[aria-labelledby="prenumerera"]')
  await feed.getByRole('button', { name: /Skapa kalenderadress|Byt till en ny adress/ }).click()
  const address = await feed.getByLabel('Din kalenderadress (visas bara nu)').inputValue()
  expect(address).toMatch(/\/api\/calendar\/feed\/[^/]+\.ics$/)
  const anonymous = await playwrightRequest.newContext()
  const ics = await anonymous.get(address)
  expect(ics.status()).toBe(200)
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/)
  const text = await ics.text()
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
  expect(text.replace(/\r\n[ \t]/g, '')).toContain(TITLE)
  await expectNoSeriousAxeViolationsIn(page, VIEW)
  await feed.getByRole('button', { name: 'Återkalla adressen' }).click()
  await expect(feed.getByRole('status')).not.toBeEmpty()
  await expect.poll(async () => (await anonymous.get(address)).status()).toBe(404)
  await anonymous.dispose()
  await api.dispose()
})
