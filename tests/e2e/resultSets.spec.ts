import { expect, test, type Locator, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { expectNoSeriousAxeViolationsIn } from '../helpers/axe'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * Issue 21: a result set added in an area's edit view is saved in year order
 * (newest first) with its year as header, and each bullet's "Indikator" part
 * is a closed box with a sentence on what it is for.
 */

// A page of its own (created here), so no other spec's page changes; only drafts are saved.
const TITLE = 'Resultatordning i test'
const PURPOSE = /^Koppla punkten till en indikator .* Socialstyrelsens tabeller eller Kolada .* föreslå andelen kommuner i riket\..* Kan lämnas tomt\.$/
const THIS_YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()))

const resultSet = (surveyYear: number, indicator?: object) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: [{ national: `Nationellt ${surveyYear}`, local: `I Kalmar ${surveyYear}`, ...(indicator ? { indicator } : {}) }],
})

/** A bullet's "Indikator (valfritt)" box: Payload's collapsible field (the bullet's third field, path `…._index-2`). */
const indicatorBox = (page: Page, block: number, bullet: number) => page.locator(`#field-collapsible-body__${block}__bullets__${bullet}___index-2`)
const isClosed = (box: Locator) => box.locator('.collapsible').first()

const headers = (page: Page) => page.locator('.result-set-label')
const years = (page: Page, count: number) => Promise.all(Array.from({ length: count }, (_, index) => page.locator(`#field-body__${index}__surveyYear`).inputValue()))

async function addResultSet(page: Page) {
  await page.locator('#field-body').getByRole('button', { name: 'Lägg till Block', exact: true }).last().click()
  await page.getByRole('dialog').getByRole('button', { name: 'Resultat', exact: true }).click()
}

test('an editor adds a newer and an older result set; each lands in year order with its year as header, and the indicator box starts closed with its sentence', async ({ page }) => {
  test.setTimeout(120_000)
  await logIn(page, readDemoAccounts(E2E_DATA_DIR).editor!)
  const origin = { Origin: new URL(page.url()).origin }
  // 2021's bullet already carries a share: its box opens by itself.
  const created = await page.request.post('/api/areas?draft=true', {
    data: { title: TITLE, slug: 'resultatordning-i-test', body: [resultSet(2023), resultSet(2021, { nationalPercent: 40, nationalPercentSuggested: false })] },
    headers: origin,
  })
  expect(created.status(), await created.text()).toBe(201)
  const areaId = (await created.json()).doc.id
  await page.goto(`/admin/collections/areas/${areaId}`)
  await expect(page.locator('#field-title')).toHaveValue(TITLE)
  await expect(headers(page)).toHaveText(['Resultat 2023', 'Resultat 2021'])

  // Closed until used, with the sentence saying what it is for visible beside it.
  const empty = indicatorBox(page, 0, 0)
  await empty.scrollIntoViewIfNeeded()
  await expect(isClosed(empty)).toHaveClass(/collapsible--collapsed/)
  await expect(empty.locator('#field-body__0__bullets__0__indicator__code')).toBeHidden()
  await expect(empty.locator('.field-description')).toHaveText(PURPOSE)
  await expect(empty.locator('.field-description')).toBeVisible()
  // A bullet whose indicator is filled in opens with it shown.
  await expect(isClosed(indicatorBox(page, 1, 0))).not.toHaveClass(/collapsible--collapsed/)
  // (Payload draws a box's fields once it is scrolled into view.)
  await indicatorBox(page, 1, 0).scrollIntoViewIfNeeded()
  await expect(page.locator('#field-body__1__bullets__0__indicator__nationalPercent')).toHaveValue('40')
  // What this adds: the box and its header (Payload's own rows, and the grey of every field
  // description, are in docs/accessibility-admin.md).
  await expectNoSeriousAxeViolationsIn(page, '#field-collapsible-body__0__bullets__0___index-2 > .collapsible')

  // A new result set, added below the others, names this year at once.
  await addResultSet(page)
  await expect(headers(page)).toHaveText(['Resultat 2023', 'Resultat 2021', `Resultat ${THIS_YEAR}`])
  await expect(page.locator('#field-body__2__surveyYear')).toHaveValue(String(THIS_YEAR))
  await page.locator('#body-row-2').getByRole('button', { name: 'Lägg till Punkt', exact: true }).click()
  await page.locator('#field-body__2__bullets__0__national').fill(`Nationellt ${THIS_YEAR}`)
  // The new bullet's indicator box is closed too; a person opens it to link an indicator.
  const fresh = indicatorBox(page, 2, 0)
  await expect(isClosed(fresh)).toHaveClass(/collapsible--collapsed/)
  await fresh.getByRole('button', { name: 'Växla block' }).first().click()
  await expect(isClosed(fresh)).not.toHaveClass(/collapsible--collapsed/)
  await expect(fresh.locator('#field-body__2__bullets__0__indicator__code')).toBeVisible()
  await expectNoSeriousAxeViolationsIn(page, '#field-collapsible-body__2__bullets__0___index-2 > .collapsible > .collapsible__toggle-wrap')

  await page.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(page.locator('.workflow-panel').getByTestId('workflow-state')).toHaveText('Utkast')
  // Saved: newest year first, in the form and as stored.
  await expect(headers(page)).toHaveText([`Resultat ${THIS_YEAR}`, 'Resultat 2023', 'Resultat 2021'])
  expect(await years(page, 3)).toEqual([String(THIS_YEAR), '2023', '2021'])
  await expect(page.locator('#field-body__0__bullets__0__national')).toHaveValue(`Nationellt ${THIS_YEAR}`)

  // An older year, typed over the default, goes between the years around it.
  await addResultSet(page)
  await page.locator('#field-body__3__surveyYear').fill('2022')
  await expect(headers(page).nth(3)).toHaveText('Resultat 2022')
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(headers(page)).toHaveText([`Resultat ${THIS_YEAR}`, 'Resultat 2023', 'Resultat 2022', 'Resultat 2021'])

  await page.reload()
  await expect(headers(page)).toHaveText([`Resultat ${THIS_YEAR}`, 'Resultat 2023', 'Resultat 2022', 'Resultat 2021'])
  const draft = await (await page.request.get(`/api/areas/${areaId}?draft=true&depth=0`, { headers: origin })).json()
  expect(draft.body.map((block: { surveyYear: number }) => block.surveyYear)).toEqual([THIS_YEAR, 2023, 2022, 2021])
  expect(draft.body[3].bullets[0].indicator).toMatchObject({ nationalPercent: 40 })
})
