import { expect, test } from '../helpers/test'

import { E2E_DATA_DIR } from '../../playwright.config'
import { readDemoAccounts } from '../helpers/demoAccounts'
import { expectNoAxeViolations } from '../helpers/axe'

/**
 * An indicator followed over survey years is drawn beside its bullet, with a
 * data table and a text summary, and the page stays at 0 axe violations. On
 * the socialpsykiatri page IBIC is asked about in 2023 (the page now) and in
 * 2018 (the imported earlier version 001, which has no code: it is recognised
 * by the indicator's text). The answers' texts are left as they are: the
 * workflow spec, which runs later, starts from them.
 */
const TITLE = 'Psykisk funktionsnedsättning - socialpsykiatri'

test('an editor links a bullet to an indicator; the page shows its trend over the survey years accessibly', async ({ page, baseURL }) => {
  const accounts = readDemoAccounts(E2E_DATA_DIR)
  const login = async (account: { email: string; password: string }) => {
    const response = await fetch(`${baseURL}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) })
    return { Authorization: `JWT ${(await response.json()).token}`, 'Content-Type': 'application/json' }
  }
  const editor = await login(accounts.editor!)
  const reviewer = await login(accounts.reviewer!)

  const indicator = await fetch(`${baseURL}/api/indicators`, {
    method: 'POST',
    headers: editor,
    body: JSON.stringify({ code: 'SOCPSYK-IBIC', name: 'Använder IBIC vid utredningar', matchText: 'IBIC' }),
  })
  expect(indicator.status, await indicator.clone().text()).toBe(201)

  const found = await (await fetch(`${baseURL}/api/areas?where[title][equals]=${encodeURIComponent(TITLE)}&depth=0&draft=true`, { headers: editor })).json()
  const area = found.docs[0]
  type Bullet = { national: string; indicator?: object }
  const sets = area.body.filter((block: { blockType: string }) => block.blockType === 'resultSet') as { bullets: Bullet[] }[]
  const ibic = sets.flatMap((set) => set.bullets).find((bullet) => /IBIC/.test(bullet.national))
  expect(ibic, 'en punkt om IBIC').toBeTruthy()
  // The editor links it to the indicator and confirms the share the importer read from the text.
  ibic!.indicator = { code: 'SOCPSYK-IBIC', nationalPercent: 53, localValue: 'ja', nationalPercentSuggested: false }
  const saved = await fetch(`${baseURL}/api/areas/${area.id}?draft=true`, { method: 'PATCH', headers: editor, body: JSON.stringify({ body: area.body, revision: area.revision }) })
  expect(saved.status, await saved.clone().text()).toBe(200)
  for (const [headers, transition] of [[editor, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
    const response = await fetch(`${baseURL}/api/areas/${area.id}/workflow`, { method: 'POST', headers, body: JSON.stringify({ transition }) })
    expect(response.status, await response.clone().text()).toBe(200)
  }

  await page.goto(`/jamforelser/${area.slug}`)
  const figure = page.getByRole('figure', { name: /Över tid: Använder IBIC vid utredningar/ })
  await expect(figure).toBeVisible()
  await expect(figure.getByRole('img', { name: 'Diagram: Använder IBIC vid utredningar' })).toBeVisible()
  await expect(figure.getByRole('table')).toContainText('2018')
  await expect(figure.getByRole('table')).toContainText('13 %')
  await expect(figure.getByRole('table')).toContainText('53 %')
  await expect(figure.getByRole('table').getByRole('row')).toHaveCount(3)
  await expect(figure).toContainText('Andelen kommuner var')
  await expectNoAxeViolations(page)

  const api = await (await fetch(`${baseURL}/api/v1/areas/${area.slug}/indicators`)).json()
  expect(api.items[0].points.map((point: { surveyYear: number; nationalPercent: number }) => [point.surveyYear, point.nationalPercent])).toEqual([
    [2018, 13],
    [2023, 53],
  ])
})
