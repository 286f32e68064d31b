import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Script in content never runs: an editor writes script and HTML into every
 * text of a page (title, teaser, intro rich text, bullets, a note, a text
 * section, other links), it goes through review and is published; then the
 * public page, its history, the draft preview and the admin's edit and list
 * views are opened with a `dialog` listener, and the payloads must show as
 * text, with no element or `javascript:` address made from them.
 *
 * A page of its own (unique slug and title), so it depends on no other spec
 * and disturbs none, whatever order they run in.
 */

const accountsDir = () => process.env.E2E_ACCOUNTS_DIR ?? E2E_DATA_DIR

const RUN = Date.now().toString(36)
const SLUG = `skriptinjektion-${RUN}`
const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const SVG = '<svg onload=alert(1)>'
const TITLE = `Skripttest ${RUN} ${SCRIPT}`
const TEASER = `Ingress ${IMG}`
const INTRO_TEXT = `Inledning ${IMG} och ${SCRIPT}`
const NATIONAL = `Nationellt ${SCRIPT} resultat`
const LOCAL = `Kalmar ${IMG} svar`
const NOTE = `OBS ${SVG}`
const LINK_TITLE = `Länk ${SCRIPT}`

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children })
const link = (url: string, label: string) => ({ type: 'link', version: 3, direction: 'ltr', format: '', indent: 0, fields: { url, linkType: 'custom', newTab: false }, children: [text(label)] })
const lexical = (...children: object[]) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } })

function area(intro: object) {
  return {
    title: TITLE,
    slug: SLUG,
    teaser: TEASER,
    intro,
    body: [
      { blockType: 'resultSet', surveyYear: 2023, lead: 'visar att', bullets: [{ national: NATIONAL, local: LOCAL }] },
      { blockType: 'note', text: NOTE },
      { blockType: 'textSection', heading: `Rubrik ${IMG}`, content: lexical(paragraph(text(`Avsnitt ${SCRIPT}`))) },
    ],
    otherLinks: [{ title: LINK_TITLE, url: 'https://kalmar.se/?q="><script>alert(1)</script>' }],
  }
}

async function apiAs(baseURL: string, account: { email: string; password: string }): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL })
  const login = await api.post('/api/users/login', { data: { email: account.email, password: account.password } })
  expect(login.ok(), await login.text()).toBe(true)
  return { api, headers: { Authorization: `JWT ${(await login.json()).token}` } }
}

/** Fails the test on any dialog (alert, confirm, prompt) the page opens; dismisses it so the page goes on. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  return dialogs
}

/** No element, handler or address was made from the payloads: they are text. */
async function expectInert(page: Page, where: string) {
  // An injected <script> would have the payload's body as its whole text; Next's own scripts carry it only inside JSON strings.
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on') && attribute.value.includes('alert'))).length,
    javascriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((element) =>
      ['href', 'src', 'action', 'formaction'].some((name) => /^\s*javascript:/i.test(element.getAttribute(name) ?? '')),
    ).length,
    scripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.trim() === 'alert(1)').length,
  }))
  expect(injected, where).toEqual({ images: 0, svgs: 0, handlers: 0, javascriptLinks: 0, scripts: 0 })
}

test('script and HTML in every text field stay text on the public page, in the history, the preview and the admin', async ({ browser, baseURL }) => {
  // Two API logins, the workflow, five pages and the admin's views on a cold server.
  test.setTimeout(180_000)
  const accounts = readDemoAccounts(accountsDir())
  const editor = await apiAs(baseURL!, accounts.editor!)
  const reviewer = await apiAs(baseURL!, accounts.reviewer!)

  try {
    // A javascript: link in rich text is refused with a Swedish message naming the field.
    const refused = await editor.api.post('/api/areas?draft=true', {
      headers: editor.headers,
      data: area(lexical(paragraph(text('Läs '), link('javascript:alert(1)', 'här')))),
    })
    expect(refused.status(), await refused.text()).toBe(400)
    expect(JSON.stringify(await refused.json())).toMatch(/Inledning|intro/)

    // The page itself: script in every text, and a link whose address and text carry script
    // (an address with spaces is refused by Lexical's own link check, so the markup has none).
    const created = await editor.api.post('/api/areas?draft=true', {
      headers: editor.headers,
      data: area(lexical(paragraph(text(INTRO_TEXT)), paragraph(text('Läs '), link('https://kalmar.se/?x="><svg/onload=alert(1)>', `länk ${SCRIPT}`)))),
    })
    expect(created.status(), await created.text()).toBe(201)
    const id = (await created.json()).doc.id as number | string

    // Through the workflow: the editor submits, the reviewer approves and publishes.
    for (const [who, transition] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
      [reviewer, 'publish'],
    ] as const) {
      const response = await who.api.post(`/api/areas/${id}/workflow`, { headers: who.headers, data: { transition } })
      expect(response.status(), `${transition}: ${await response.text()}`).toBe(200)
    }

    // A signed preview link, as "Förhandsgranska" makes it.
    const redirect = await editor.api.get(`/api/areas/${id}/preview`, { headers: editor.headers, maxRedirects: 0 })
    expect(redirect.status()).toBe(302)
    const previewPath = redirect.headers()['location']!

    const reader = await (await browser.newContext()).newPage()
    const readerDialogs = watchDialogs(reader)

    // The public page: every payload visible as text.
    await expect(async () => {
      const response = await reader.goto(`/jamforelser/${SLUG}`)
      expect(response?.status()).toBe(200)
    }).toPass({ timeout: 20_000 })
    await expect(reader.getByRole('heading', { level: 1 })).toContainText(SCRIPT)
    for (const payload of [INTRO_TEXT, NATIONAL, LOCAL, NOTE, `Avsnitt ${SCRIPT}`, `Rubrik ${IMG}`, LINK_TITLE, `länk ${SCRIPT}`]) {
      await expect(reader.getByText(payload, { exact: false }).first(), payload).toBeVisible()
    }
    await expectInert(reader, 'public page')

    // The history and the first published version.
    await reader.goto(`/jamforelser/${SLUG}/historik`)
    await expect(reader.getByRole('heading', { level: 1 })).toContainText(`Publicerade versioner: ${TITLE}`)
    await expectInert(reader, 'history')
    await reader.goto(`/jamforelser/${SLUG}/historik/1`)
    await expect(reader.getByText(NATIONAL, { exact: false }).first()).toBeVisible()
    await expectInert(reader, 'history version 1')

    // The draft preview (the signed link works without a session).
    await reader.goto(previewPath)
    await expect(reader.getByText(INTRO_TEXT, { exact: false }).first()).toBeVisible()
    await expectInert(reader, 'preview')

    // The start page lists the teaser; the content API serves the intro's HTML escaped.
    await reader.goto('/')
    await expectInert(reader, 'start page')
    const page = await (await reader.request.get(`/api/v1/areas/${SLUG}`)).json()
    expect(page.intro.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.intro.html).not.toMatch(/<script|<img|javascript:/i)
    // Give any late handler a moment before judging.
    await reader.waitForTimeout(500)
    expect(readerDialogs).toEqual([])

    // The admin: the editor's edit view and list view.
    const staff = await (await browser.newContext()).newPage()
    const staffDialogs = watchDialogs(staff)
    await logIn(staff, accounts.editor!)
    await staff.goto(`/admin/collections/areas/${id}`)
    await expect(staff.locator('#field-title')).toHaveValue(TITLE)
    await expect(staff.locator('#field-teaser')).toHaveValue(TEASER)
    // The rich text editor loads after the form: give it time on a busy machine.
    await expect(staff.getByText(INTRO_TEXT, { exact: false }).first()).toBeVisible({ timeout: 45_000 })
    await expectInert(staff, 'admin edit view')
    await staff.goto('/admin/collections/areas?limit=100')
    await expect(staff.getByText(TITLE, { exact: false }).first()).toBeVisible()
    await expectInert(staff, 'admin list view')
    await staff.waitForTimeout(500)
    expect(staffDialogs).toEqual([])
  } finally {
    await editor.api.dispose()
    await reviewer.api.dispose()
  }
})
