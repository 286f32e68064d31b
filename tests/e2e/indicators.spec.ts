import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { readDemoAccounts } from '../helpers/demoAccounts'

/**
 * An indicator followed over two survey years is drawn beside its bullet,
 * with a data table and a text summary, and the page stays at 0 axe
 * violations. Uses "Stöd till personer med funktionsnedsättning", which no
 * other spec touches.
 */
const TITLE = 'Stöd till personer med funktionsnedsättning'

test('an editor links two years of a bullet to an indicator; the published page shows the trend accessibly', async ({ page, baseURL }) => {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const login = async (account: { email: string; password: string }) => {
    const response = await fetch(`${baseURL}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) })
    return { Authorization: `JWT ${(await response.json()).token}`, 'Content-Type': 'application/json' }
  }
  const editor = await login(accounts.editor!)
  const reviewer = await login(accounts.reviewer!)

  const indicator = await fetch(`${baseURL}/api/indicators`, { method: 'POST', headers: editor, body: JSON.stringify({ code: 'LSS-RUTIN', name: 'Rutin för uppföljning av LSS-insatser' }) })
  expect(indicator.status, await indicator.clone().text()).toBe(201)

  const found = await (await fetch(`${baseURL}/api/areas?where[title][equals]=${encodeURIComponent(TITLE)}&depth=0&draft=true`, { headers: editor })).json()
  const area = found.docs[0]
  const sets = area.body.filter((block: { blockType: string }) => block.blockType === 'resultSet')
  expect(sets.length).toBeGreaterThanOrEqual(2)
  // The editor confirms the shares (the importer may have suggested one from the text).
  sets[0].bullets[0].indicator = { code: 'LSS-RUTIN', nationalPercent: 61, localValue: 'ja', nationalPercentSuggested: false }
  sets[1].bullets[0].indicator = { code: 'LSS-RUTIN', nationalPercent: 48, localValue: 'nej', nationalPercentSuggested: false }
  const saved = await fetch(`${baseURL}/api/areas/${area.id}?draft=true`, { method: 'PATCH', headers: editor, body: JSON.stringify({ body: area.body }) })
  expect(saved.status, await saved.clone().text()).toBe(200)
  for (const [headers, transition] of [[editor, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
    const response = await fetch(`${baseURL}/api/areas/${area.id}/workflow`, { method: 'POST', headers, body: JSON.stringify({ transition }) })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  await page.goto(`/jamforelser/${area.slug}`)
  const figure = page.getByRole('figure', { name: /Över tid: Rutin för uppföljning av LSS-insatser/ })
  await expect(figure).toBeVisible()
  await expect(figure.getByRole('img', { name: 'Diagram: Rutin för uppföljning av LSS-insatser' })).toBeVisible()
  await expect(figure.getByRole('table')).toContainText('61 %')
  await expect(figure.getByRole('table').getByRole('row')).toHaveCount(3)
  await expect(figure).toContainText('Andelen kommuner var')
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations, results.violations.map((violation) => `${violation.id}: ${violation.help}`).join('\n')).toEqual([])

  const api = await (await fetch(`${baseURL}/api/v1/areas/${area.slug}/indicators`)).json()
  expect(api.items[0].points.map((point: { nationalPercent: number }) => point.nationalPercent).sort()).toEqual([48, 61])
})
