import { expect, request as playwrightRequest, test, type Page, type Response } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Content-Security-Policy as a browser meets it: every public page (the
 * preview and the 404 page too) has no script at all, neither loaded nor
 * inline, carries the policy that lets none run, and loads with no
 * violation; the admin keeps a policy it works with.
 */

/** Where the accounts of the server under test are written (a dev server may use another data folder). */
const accountsDir = () => process.env.E2E_ACCOUNTS_DIR ?? E2E_DATA_DIR

type Watch = { violations: () => Promise<string[]>; problems: string[] }

/** Records CSP violations (from the page itself, before any of its scripts), CSP console errors and uncaught errors. */
async function watch(page: Page): Promise<Watch> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample.slice(0, 60)})`)
    })
  })
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return { violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []), problems }
}

function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  )
}

/** No script may run, the one stylesheet is allowed by its hash, nothing is fetched, framed or posted elsewhere. */
async function expectNoScriptPolicy(response: Response | null, path: string): Promise<void> {
  expect(response, path).not.toBeNull()
  const policy = response!.headers()['content-security-policy'] ?? null
  expect(policy, `${path}: Content-Security-Policy`).toBeTruthy()
  expect(policy, path).not.toMatch(/unsafe-|nonce-|strict-dynamic/)
  const byName = directives(policy)
  expect(byName['default-src'], path).toEqual(["'none'"])
  expect(byName['script-src'], path).toEqual(["'none'"])
  expect(byName['style-src'], path).toHaveLength(1)
  expect(byName['style-src']![0], path).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/)
  expect(byName['base-uri'], path).toEqual(["'none'"])
  expect(byName['form-action'], path).toEqual(["'none'"])
  expect(byName['frame-ancestors'], path).toEqual(["'self'"])
  const html = await response!.text()
  // Text that quotes markup is escaped (&lt;script): only a real element starts with "<script".
  expect(html, `${path}: inline script or script element`).not.toMatch(/<script/i)
}

/** Loads a page as a reader's browser does: no script requested or present, no CSP violation, nothing from another host. */
async function expectCleanLoad(page: Page, seen: Watch, path: string, status = 200): Promise<void> {
  const requested: { type: string; url: string }[] = []
  const record = (request: { resourceType: () => string; url: () => string }) => requested.push({ type: request.resourceType(), url: request.url() })
  page.on('request', record)
  const response = await page.goto(path, { waitUntil: 'networkidle' })
  page.off('request', record)
  expect(response?.status(), path).toBe(status)
  await expectNoScriptPolicy(response, path)
  expect(requested.filter((request) => request.type === 'script'), `${path}: skript som laddades`).toEqual([])
  const origin = new URL(page.url()).origin
  expect(requested.filter((request) => new URL(request.url).origin !== origin), `${path}: andra värdar`).toEqual([])
  expect(await page.evaluate(() => document.scripts.length), `${path}: <script> i dokumentet`).toBe(0)
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
  )
  expect(handlers, `${path}: händelseattribut (on…)`).toEqual([])
  expect(await seen.violations(), `${path}: CSP-överträdelser`).toEqual([])
  expect(seen.problems, path).toEqual([])
}

/** The public pages a reader can reach, found from the start page as a reader would. */
async function publicPaths(page: Page): Promise<string[]> {
  await page.goto('/')
  const area = await page.locator('main a[href^="/jamforelser/"]').first().getAttribute('href')
  expect(area).toBeTruthy()
  await page.goto(`${area}/historik`)
  const version = await page.locator('main a[href*="/historik/"]').first().getAttribute('href')
  expect(version, 'historiken länkar till en version').toBeTruthy()
  return ['/', area!, `${area}/historik`, version!, '/tillganglighet']
}

test('no public page loads or holds a script, and each loads with no CSP violation', async ({ page }) => {
  test.setTimeout(120_000)
  const paths = await publicPaths(page)
  const seen = await watch(page)
  for (const path of paths) await expectCleanLoad(page, seen, path)
  await expectCleanLoad(page, seen, '/finns-inte/heller', 404)
  // A malformed link is refused with 400 and a Swedish explanation, on the same kind of page.
  await expectCleanLoad(page, seen, '/forhandsgranska?token=ogiltig', 400)
})

test('a page served from memory is the same page, with the same policy, in every encoding', async ({ page, request }) => {
  const [, area] = await publicPaths(page)
  const first = await request.get(area!)
  const second = await request.get(area!)
  expect(second.headers()['x-delivery-path']).toBe('memory-html')
  expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy'])
  expect(await second.text()).toBe(await first.text())
  for (const encoding of ['gzip', 'br']) {
    const encoded = await request.get(area!, { headers: { 'Accept-Encoding': encoding } })
    expect(encoded.headers()['content-encoding']).toBe(encoding)
    expect(encoded.headers()['content-security-policy']).toBe(first.headers()['content-security-policy'])
    expect(await encoded.text()).toBe(await first.text())
  }
})

test('every answer carries the security headers, whichever path wrote it', async ({ page, request }) => {
  const [, area] = await publicPaths(page)
  await request.get(area!)
  const answers = {
    'memory-html': await request.get(area!),
    memory: await request.get('/api/v1/areas?limit=1'),
    next: await request.get('/admin/login'),
  }
  for (const [path, response] of Object.entries(answers)) {
    const headers = response.headers()
    if (path !== 'next') expect(headers['x-delivery-path'], path).toBe(path)
    expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy'], path).toContain('camera=()')
    // One policy per answer: a page's replaces the admin's, never beside it.
    expect(headers['content-security-policy'], path).not.toContain(', ')
  }
  expect(answers['memory-html'].headers()['content-security-policy']).toContain("script-src 'none'")
})

test('interactive parts still work under the policy: skip link, then following a link to the next page', async ({ page }) => {
  const seen = await watch(page)
  const [, area] = await publicPaths(page)
  await page.goto(area!)
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Hoppa till huvudinnehållet' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click()
  await expect(page).toHaveURL(/\/tillganglighet$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible()
  expect(await seen.violations()).toEqual([])
  expect(seen.problems).toEqual([])
})

test('a real draft preview has no script either and loads with no CSP violation', async ({ page, baseURL }) => {
  const editor = readDemoAccounts(accountsDir()).editor!
  const api = await playwrightRequest.newContext({ baseURL })
  try {
    const login = await api.post('/api/users/login', { data: { email: editor.email, password: editor.password } })
    expect(login.ok()).toBe(true)
    const headers = { Authorization: `JWT ${(await login.json()).token}` }
    const { docs } = await (await api.get('/api/areas?limit=1&depth=0', { headers })).json()
    expect(docs[0], 'det finns en sida').toBeTruthy()
    const redirect = await api.get(`/api/areas/${docs[0].id}/preview`, { headers, maxRedirects: 0 })
    expect(redirect.status()).toBe(302)
    const location = redirect.headers()['location']!
    expect(location).toMatch(/^\/forhandsgranska\?token=/)
    const seen = await watch(page)
    await expectCleanLoad(page, seen, location)
    await expect(page.getByRole('region', { name: 'Förhandsgranskning' })).toBeVisible()
  } finally {
    await api.dispose()
  }
})

test('the admin keeps a policy it works with: login and dashboard with no CSP violation', async ({ page }) => {
  const seen = await watch(page)
  const response = await page.goto('/admin/login')
  const byName = directives(response!.headers()['content-security-policy'] ?? null)
  expect(byName).toEqual({
    'frame-ancestors': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  })
  await logIn(page, readDemoAccounts(accountsDir()).editor!, { form: true })
  await expect(page).toHaveTitle(/Översikt/)
  expect(await seen.violations()).toEqual([])
  expect(seen.problems).toEqual([])
})
