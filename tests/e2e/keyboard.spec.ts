import { expect, request as playwrightRequest, test, type Locator, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'
import { publishedArea } from '../helpers/publishedArea'

/**
 * Issue 21: the yearly job by keyboard only. An editor adds a result set and
 * a bullet, saves, runs the quality check and submits; a reviewer compares
 * with the published version, approves and publishes. Every control is
 * reached with Tab (or Shift+Tab) and used with Enter or typing, and each one
 * shows where the focus is.
 */
const NATIONAL = '41 procent av kommunerna erbjuder stöd i hemmet till personer med psykisk funktionsnedsättning.'
const LOCAL = 'I Kalmar erbjuds stöd i hemmet.'

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  await target.waitFor()
  const key = options.backwards ? 'Shift+Tab' : 'Tab'
  for (let presses = 0; presses < (options.max ?? 400); presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      await expectVisibleFocus(page, target)
      return
    }
    await page.keyboard.press(key)
  }
  throw new Error(`${key} nådde aldrig ${target}`)
}

/** The focused control shows it: an outline, a ring (box-shadow) or, for a text field, a changed border. */
async function expectVisibleFocus(page: Page, target: Locator): Promise<void> {
  const indicator = await target.evaluate((element) => {
    // react-select draws the focus on its control around the input.
    const drawn = element.closest('.react-select') ? element.closest('.rs__control--is-focused') : element
    if (!drawn) return null
    const style = getComputedStyle(drawn)
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth} ${style.outlineStyle}`
    if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`
    return null
  })
  expect(indicator, `fokus syns inte på ${await target.evaluate((element) => element.outerHTML.slice(0, 160))}`).not.toBeNull()
}

test('an editor and a reviewer do the yearly job with the keyboard alone, seeing the focus at every step', async ({ browser, baseURL }) => {
  test.setTimeout(240_000)
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const title = `Tangentbord ${Date.now()}`

  // A published page with last cycle's results (made through the API, as the importer would).
  const id = await publishedArea(baseURL!, {
    title,
    slug: `tangentbord-${Date.now()}`,
    body: [{ blockType: 'resultSet', surveyYear: 2021, lead: 'visar att', bullets: [{ national: '35 procent av kommunerna erbjuder stöd i hemmet.', local: 'I Kalmar erbjuds inte stöd i hemmet.' }] }],
  })

  // The editor.
  const editor = await (await browser.newContext()).newPage()
  await logIn(editor, accounts.editor!)
  await editor.goto(`/admin/collections/areas/${id}`)
  await expect(editor.locator('#field-title')).toHaveValue(title)

  await tabTo(editor, editor.locator('#field-body').getByRole('button', { name: 'Lägg till Block', exact: true }).last())
  await editor.keyboard.press('Enter')
  const drawer = editor.getByRole('dialog')
  await tabTo(editor, drawer.getByRole('button', { name: 'Resultat', exact: true }))
  await editor.keyboard.press('Enter')
  await expect(drawer).toBeHidden()

  const year = editor.locator('#field-body__1__surveyYear')
  await tabTo(editor, year)
  await editor.keyboard.press('ControlOrMeta+A')
  await editor.keyboard.type('2023')
  // "Inledning" is a select: opened with the arrow key, chosen with Enter.
  await tabTo(editor, editor.locator('#field-body__1__lead input'))
  await editor.keyboard.press('ArrowDown')
  await editor.keyboard.press('Enter')
  await tabTo(editor, editor.locator('#body-row-1').getByRole('button', { name: 'Lägg till Punkt', exact: true }))
  await editor.keyboard.press('Enter')
  await tabTo(editor, editor.locator('#field-body__1__bullets__0__national'), { backwards: true })
  await editor.keyboard.type(NATIONAL)
  await tabTo(editor, editor.locator('#field-body__1__bullets__0__local'))
  await editor.keyboard.type(LOCAL)

  await tabTo(editor, editor.getByRole('button', { name: 'Spara utkast' }), { backwards: true })
  await editor.keyboard.press('Enter')
  const state = (page: Page) => page.locator('.workflow-panel').getByTestId('workflow-state')
  await expect(state(editor)).toHaveText('Utkast')
  await expect(editor.locator('.result-set-label').first()).toHaveText('Resultat 2023')

  await tabTo(editor, editor.getByRole('button', { name: 'Kontrollera igen' }))
  await editor.keyboard.press('Enter')
  await expect(editor.locator('.quality-panel, [aria-label="Kvalitetskontroll"]').first()).not.toContainText('Kontrollerar …')

  await tabTo(editor, editor.locator('.workflow-panel').getByRole('button', { name: 'Skicka till granskning', exact: true }), { backwards: true })
  await editor.keyboard.press('Enter')
  await expect(state(editor)).toHaveText('Granskas')

  // The reviewer.
  const reviewer = await (await browser.newContext()).newPage()
  await logIn(reviewer, accounts.reviewer!)
  await reviewer.goto(`/admin/collections/areas/${id}`)
  await expect(state(reviewer)).toHaveText('Granskas')
  await tabTo(reviewer, reviewer.locator('.workflow-panel').getByRole('link', { name: 'Jämför med publicerad version' }))
  await reviewer.keyboard.press('Enter')
  await expect(reviewer).toHaveURL(/\/versions\/[^/?]+\?versionFrom=/)
  await expect(reviewer.locator('.render-field-diffs').first()).toContainText(LOCAL)
  // Back to the page by its link in the breadcrumb at the top.
  await tabTo(reviewer, reviewer.locator('.step-nav').getByRole('link', { name: title }), { backwards: true })
  await reviewer.keyboard.press('Enter')
  await expect(state(reviewer)).toHaveText('Granskas')

  await tabTo(reviewer, reviewer.locator('.workflow-panel').getByRole('button', { name: 'Godkänn', exact: true }))
  await reviewer.keyboard.press('Enter')
  await expect(state(reviewer)).toHaveText('Godkänd')
  await tabTo(reviewer, reviewer.locator('.workflow-panel').getByRole('button', { name: 'Publicera', exact: true }))
  await reviewer.keyboard.press('Enter')
  await expect(state(reviewer)).toHaveText('Publicerad')

  const anonymous = await playwrightRequest.newContext({ baseURL })
  const live = await (await anonymous.get(`/api/areas/${id}?depth=0`)).json()
  expect(live.body.map((block: { surveyYear: number }) => block.surveyYear)).toEqual([2023, 2021])
  expect(live.body[0].bullets[0].local).toBe(LOCAL)
  await anonymous.dispose()
})
