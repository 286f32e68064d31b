import { expect, test } from '../helpers/test'

import { expectNoAxeViolations } from '../helpers/axe'

/**
 * The public record: the page that was imported as two dated versions (seed
 * files 001 and 000) lists both and shows the older one as it was.
 */
const SLUG = 'psykisk-funktionsnedsattning-socialpsykiatri'

test('a reader finds every published version of a page and opens an old one as it was', async ({ page, request }) => {
  await page.goto(`/jamforelser/${SLUG}`)
  await page.getByRole('link', { name: 'Alla publicerade versioner av sidan' }).click()
  await expect(page).toHaveURL(new RegExp(`/jamforelser/${SLUG}/historik$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publicerade versioner')
  const versions = page.getByRole('main').getByRole('listitem')
  expect(await versions.count()).toBeGreaterThanOrEqual(2)
  // The page says it was first published in 2019; the record holds it from 2020 on, and says so.
  await expect(versions.last()).toContainText('Den äldsta version som finns i systemet. Sidan publicerades första gången 27 juni 2019')
  // Imported versions keep the dates they were published on the old site (seed file 001).
  await expect(versions.last()).toContainText('30 juni 2020')
  await expectNoAxeViolations(page)

  await versions.last().getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/jamforelser/${SLUG}/historik/1$`))
  await expect(page.getByRole('region', { name: 'Tidigare version' })).toContainText('inte den aktuella versionen')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoAxeViolations(page)

  // The same record in the API; a version that does not exist is a 404 page.
  const list = await (await request.get(`/api/v1/areas/${SLUG}/versions`)).json()
  expect(list.items[0]).toMatchObject({ number: 1 })
  expect(list.items[0].summary).toMatch(/^Den äldsta version som finns i systemet\. Sidan publicerades första gången 27 juni 2019/)
  expect((await request.get(`/api/v1/areas/${SLUG}/versions/1`)).status()).toBe(200)
  expect((await page.goto(`/jamforelser/${SLUG}/historik/999`))?.status()).toBe(404)
})
