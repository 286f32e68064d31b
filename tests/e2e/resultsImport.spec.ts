import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { logIn } from '../helpers/browser'
import { readDemoAccounts } from '../helpers/demoAccounts'
import { indicatorColumn, makeWideTable } from '../helpers/resultTables'
import { sheetToXlsx } from '../helpers/resultWorkbook'

// A page of its own (created here), so no other spec's page changes.
const TITLE = 'Resultatimport i test'
const CODES = ['E2E-RES-1', 'E2E-RES-2', 'E2E-RES-3']

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).include('.results-import').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
}

test('an editor uploads a table, maps it, sees the preview, imports, confirms three bullets and submits the page', async ({ page }) => {
  test.setTimeout(150_000)
  await logIn(page, readDemoAccounts(E2E_DATA_DIR).editor!)

  // The indicators with their phrasings, and the page, as an editor makes them in the admin
  // (from the admin's origin: the session cookie counts only there, see CSRF_ORIGINS).
  const headers = { Origin: new URL(page.url()).origin }
  for (const [index, code] of CODES.entries()) {
    const response = await page.request.post('/api/indicators', {
      data: { code, name: `Testfråga ${index + 1}`, nationalTemplate: `{andel} procent av kommunerna har rutin ${index + 1}.`, localYes: `I {kommun} finns rutin ${index + 1}.`, localNo: `I {kommun} saknas rutin ${index + 1}.`, localPartly: `I {kommun} finns rutin ${index + 1} delvis.` },
      headers,
    })
    expect(response.status(), await response.text()).toBe(201)
  }
  const created = await page.request.post('/api/areas?draft=true', { data: { title: TITLE, slug: 'resultatimport-i-test' }, headers })
  expect(created.status(), await created.text()).toBe(201)
  const areaId = (await created.json()).doc.id

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-')), 'oj-2025.xlsx')
  fs.writeFileSync(file, await sheetToXlsx(makeWideTable({ municipalities: 290, indicators: 3 })))

  await page.goto('/admin')
  // In the navigation (closed at this window size, so the link is followed by address).
  await expect(page.getByRole('link', { name: 'Importera resultat', includeHidden: true })).toHaveAttribute('href', '/admin/importera-resultat')
  await page.goto('/admin/importera-resultat')
  await expect(page.getByRole('heading', { name: 'Importera resultat', level: 1 })).toBeVisible()
  await page.getByLabel('Jämförelseområde').selectOption({ label: TITLE })
  await expect(page.getByText('Området har ingen sparad mappning ännu.')).toBeVisible()
  await axe(page)

  await page.getByLabel('Undersökningsår').fill('2025')
  await page.getByLabel(/^Resultatfil/).setInputFiles(file)
  await page.getByLabel('Kolumn med län (valfri)').fill('Län')
  await page.getByLabel(/^Indikatorer, en per rad/).fill(CODES.map((code, index) => `${indicatorColumn(index)} = ${code}`).join('\n'))
  await page.getByRole('button', { name: 'Förhandsgranska' }).click()

  const table = page.getByRole('table', { name: /Vad som händer med varje punkt/ })
  await expect(table.getByRole('row')).toHaveCount(4)
  for (const code of CODES) await expect(table.getByRole('row', { name: new RegExp(code) })).toContainText('ny')
  await expect(table).toContainText('procent av kommunerna har rutin 1.')
  await axe(page)
  await page.screenshot({ path: 'test-results/results-import-preview.png', fullPage: true })

  await page.getByRole('button', { name: 'Importera som utkast' }).click()
  await expect(page.locator('#results-import-status')).toHaveText('Utkastet är sparat. Inget är publicerat.')
  await page.getByRole('link', { name: `Öppna ${TITLE} och bekräfta punkterna` }).click()
  await expect(page.locator('#field-title')).toHaveValue(TITLE)
  expect(page.url()).toContain(`/admin/collections/areas/${areaId}`)

  // Confirm each bullet: the import's suggestion and its share. The share is in the bullet's
  // "Indikator (valfritt)" box, which is open here: the import linked the bullet to its indicator.
  for (let bullet = 0; bullet < 3; bullet++) {
    await expect(page.locator(`#field-collapsible-body__0__bullets__${bullet}___index-2 .collapsible`).first()).not.toHaveClass(/collapsible--collapsed/)
    await page.locator(`#field-body__0__bullets__${bullet}__imported__pending`).uncheck()
    await page.locator(`#field-body__0__bullets__${bullet}__indicator__nationalPercentSuggested`).uncheck()
  }
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  const workflow = page.locator('.workflow-panel')
  await expect(workflow.getByTestId('workflow-state')).toHaveText('Utkast')
  await workflow.getByRole('button', { name: 'Skicka till granskning', exact: true }).click()
  await expect(workflow.getByTestId('workflow-state')).toHaveText('Granskas')

  const draft = await (await page.request.get(`/api/areas/${areaId}?draft=true&depth=0`, { headers })).json()
  const bullets = draft.body[0].bullets as { imported: { pending: boolean }; indicator: { nationalPercentSuggested: boolean; code: string } }[]
  expect(bullets.map((bullet) => [bullet.indicator.code, bullet.imported.pending, bullet.indicator.nationalPercentSuggested])).toEqual(CODES.map((code) => [code, false, false]))
})
