import { expect, request as playwrightRequest, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoAxeViolations } from '../helpers/axe'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * The public pages as a reader meets them: WCAG 2.2 AA and best practices (axe), keyboard only,
 * 320 px wide, headings, and the content of a comparison page.
 */

const SWEDISH_DATE = /\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/

/** Where the accounts of the server under test are written (a dev server may use another data folder). */
const accountsDir = () => process.env.E2E_ACCOUNTS_DIR ?? E2E_DATA_DIR

/** The first comparison page linked from the start page. */
async function firstAreaPath(page: Page): Promise<string> {
  await page.goto('/')
  const href = await page.locator('main a[href^="/jamforelser/"]').first().getAttribute('href')
  expect(href).toBeTruthy()
  return href!
}

/** Heading levels in document order; at most one h1 and no level skipped. */
async function expectHeadingStructure(page: Page): Promise<void> {
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName[1])))
  expect(levels.filter((level) => level === 1), 'exakt en h1').toHaveLength(1)
  expect(levels[0], 'första rubriken är h1').toBe(1)
  levels.forEach((level, index) => {
    if (index > 0) expect(level, `rubriknivå ${level} efter ${levels[index - 1]} (nr ${index + 1})`).toBeLessThanOrEqual(levels[index - 1]! + 1)
  })
}

async function expectLandmarks(page: Page): Promise<void> {
  await expect(page.getByRole('banner')).toHaveCount(1)
  await expect(page.getByRole('navigation')).toHaveCount(1)
  await expect(page.getByRole('main')).toHaveCount(1)
  await expect(page.getByRole('contentinfo')).toHaveCount(1)
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' })).toHaveAttribute('href', '/tillganglighet')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
}

test.describe('axe (WCAG 2.0–2.2 A and AA, best practices), landmarks and headings', () => {
  test('the start page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'Öppna jämförelser' })).toBeVisible()
    await expectLandmarks(page)
    await expectHeadingStructure(page)
    await expectNoAxeViolations(page)
  })

  test('a comparison page found from the start page', async ({ page }) => {
    const path = await firstAreaPath(page)
    const response = await page.goto(path)
    expect(response?.status()).toBe(200)
    await expectLandmarks(page)
    await expectHeadingStructure(page)
    await expectNoAxeViolations(page)
  })

  test('the accessibility statement', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
    await expect(page).toHaveURL(/\/tillganglighet$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Tillsyn' })).toBeVisible()
    await expect(page.getByRole('link', { name: /DIGG/ })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan')
    await expect(page.locator('main a[href^="mailto:"]').first()).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Hur vi testat webbplatsen' })).toBeVisible()
    await expect(page.getByText(/Redogörelsen uppdaterades senast den/)).toContainText(SWEDISH_DATE)
    await expectLandmarks(page)
    await expectHeadingStructure(page)
    await expectNoAxeViolations(page)
  })

  test('an unknown page answers 404 in Swedish with a link home', async ({ page }) => {
    const response = await page.goto('/jamforelser/finns-inte')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible()
    await expect(page.getByRole('main').getByRole('link', { name: 'Till startsidan' })).toHaveAttribute('href', '/')
    await expectLandmarks(page)
    await expectHeadingStructure(page)
    await expectNoAxeViolations(page)

    // Any other unknown address gets the same Swedish page.
    const other = await page.goto('/finns-inte/heller')
    expect(other?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  })
})

test('keyboard only: the skip link comes first and moves focus to main; Tab reaches every link in DOM order', async ({ page }) => {
  const path = await firstAreaPath(page)
  await page.goto(path)

  // The first Tab focuses the skip link, which is then visible; Enter moves focus to main.
  await page.keyboard.press('Tab')
  const skipLink = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' })
  await expect(skipLink).toBeFocused()
  await expect(skipLink).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The next Tab continues inside main (or after it), not back in the header.
  await page.keyboard.press('Tab')
  const afterMain = await page.evaluate(() => {
    const main = document.querySelector('main')!
    const active = document.activeElement!
    return main.contains(active) || Boolean(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
  })
  expect(afterMain).toBe(true)

  // From the top: every a[href] gets focus, in DOM order, with a visible outline.
  await page.goto(path)
  const count = await page.locator('a[href]').evaluateAll((links) => {
    links.forEach((link, index) => link.setAttribute('data-dom-order', String(index)))
    return links.length
  })
  expect(count).toBeGreaterThan(4)
  const reached: number[] = []
  for (let press = 0; press < count + 10 && reached.length < count; press++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const active = document.activeElement
      const order = active?.getAttribute('data-dom-order')
      if (!active || order == null) return null
      const style = getComputedStyle(active)
      return { order: Number(order), outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 }
    })
    // Anything focusable that is not a link (none on these pages) is left out of the comparison.
    if (!focused) continue
    expect(focused.outline, `länk nr ${focused.order} har en synlig fokusram`).toBe(true)
    reached.push(focused.order)
  }
  expect(reached).toEqual(Array.from({ length: count }, (_, index) => index))
})

test('the pages are readable without JavaScript (server-rendered)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Öppna jämförelser' })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Missbruk- och beroendevård' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Missbruk- och beroendevård' })).toBeVisible()
  await expect(page.locator('.result-set dt').first()).toHaveText('Nationellt')
  await expect(page.locator('.page-dates')).toContainText('Publicerad: 4 juli 2017')
  await page.goto('/tillganglighet')
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible()
  // The 404 page too: Next's own notFound() would send an empty shell that only JavaScript fills in.
  for (const path of ['/jamforelser/finns-inte', '/finns-inte/heller']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  }
  await context.close()
})

test.describe('320 px wide (reflow, also 400 % zoom of 1280 px)', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  for (const name of ['start page', 'comparison page', 'accessibility statement'] as const) {
    test(`the ${name} has no horizontal scrolling`, async ({ page }) => {
      const path = name === 'start page' ? '/' : name === 'comparison page' ? await firstAreaPath(page) : '/tillganglighet'
      await page.goto(path)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width).toBeLessThanOrEqual(320)
    })
  }
})

test('a comparison page shows result sets, labelled national/Kalmar pairs, related pages and Swedish dates', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('main').getByRole('link', { name: 'Missbruk- och beroendevård' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Missbruk- och beroendevård' })).toBeVisible()
  await expect(page).toHaveTitle(/Missbruk- och beroendevård/)

  // Result sets, newest first, with their derived headings.
  const resultHeadings = page.getByRole('heading', { level: 2, name: /resultat visar att:$/ })
  await expect(resultHeadings).toHaveText(['Årets resultat visar att:', '2018 års resultat visar att:'])

  // Each bullet: a description list pairing "Nationellt" with the municipality's answer.
  const firstPair = page.locator('.result-set').first().locator('dl').first()
  await expect(firstPair.locator('dt')).toHaveText(['Nationellt', 'Kalmar kommun'])
  await expect(firstPair.locator('dd').first()).toContainText('63 procent av kommunerna')
  await expect(firstPair.locator('dd').nth(1)).toHaveText('Kalmar erbjuder stödprogram för närstående inom missbruks- och beroendevård.')
  const pairsAreWellFormed = await page.locator('.result-set dl').evaluateAll((lists) =>
    lists.every((list) => [...list.querySelectorAll('dt')].every((term) => term.nextElementSibling?.tagName === 'DD')),
  )
  expect(pairsAreWellFormed).toBe(true)

  await expect(page.getByRole('note')).toContainText('OBS!')
  await expect(page.getByRole('heading', { level: 2, name: 'Fler sidor inom jämförelser, service och kvalitet i verksamheter' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Stöd till personer med funktionsnedsättning' })).toBeVisible()
  await expect(page.getByText('Senast uppdaterad:')).toBeVisible()
  await expect(page.locator('.page-dates')).toContainText('Senast uppdaterad: 6 december 2019')
  await expect(page.locator('.page-dates')).toContainText('Publicerad: 4 juli 2017')
  await expect(page.locator('.page-dates time').first()).toHaveText(SWEDISH_DATE)
})

test('active notices show at the top of the pages they concern', async ({ page, baseURL }) => {
  const admin = readDemoAccounts(accountsDir()).admin!
  const api = await playwrightRequest.newContext({ baseURL })
  const login = await api.post('/api/users/login', { data: { email: admin.email, password: admin.password } })
  expect(login.ok()).toBe(true)
  const headers = { Authorization: `JWT ${(await login.json()).token}` }

  const areas = await (await api.get('/api/areas?where[slug][equals]=missbruk-och-beroendevard&depth=0', { headers })).json()
  const sectionId = areas.docs[0]?.section
  expect(sectionId, 'Missbruk- och beroendevård hör till ett avsnitt').toBeTruthy()
  const startsAt = new Date(Date.now() - 60_000).toISOString()
  const endsAt = new Date(Date.now() + 15 * 60_000).toISOString()
  const created: string[] = []
  try {
    for (const data of [
      { text: 'Testmeddelande för hela webbplatsen', body: 'Mer information om meddelandet.', scope: 'site', startsAt, endsAt },
      { text: 'Testmeddelande för avsnittet', scope: 'section', section: sectionId, startsAt, endsAt },
    ]) {
      const response = await api.post('/api/notices', { headers, data })
      expect(response.ok(), await response.text()).toBe(true)
      created.push((await response.json()).doc.id)
    }

    const banner = page.getByRole('region', { name: 'Driftmeddelanden' })
    await expect(async () => {
      await page.goto('/jamforelser/missbruk-och-beroendevard')
      await expect(banner).toContainText('Testmeddelande för hela webbplatsen', { timeout: 1000 })
    }).toPass()
    await expect(banner).toContainText('Testmeddelande för avsnittet')
    await expect(banner).toContainText('Mer information om meddelandet.')
    // At the top: inside the header, before the site name.
    expect(await banner.evaluate((node) => node.closest('header') !== null && node.compareDocumentPosition(document.querySelector('nav')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy()
    await expectNoAxeViolations(page)

    // The start page has only the site-wide notice.
    await page.goto('/')
    await expect(banner).toContainText('Testmeddelande för hela webbplatsen')
    await expect(banner).not.toContainText('Testmeddelande för avsnittet')
  } finally {
    for (const id of created) await api.delete(`/api/notices/${id}`, { headers })
    await api.dispose()
  }
})
