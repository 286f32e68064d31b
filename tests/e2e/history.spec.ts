import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/**
 * The public record: the page that was imported as two dated versions (seed
 * files 001 and 000) lists both and shows the older one as it was.
 */
const SLUG = 'psykisk-funktionsnedsattning-socialpsykiatri'

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations, results.violations.map((violation) => `${violation.id}: ${violation.help}`).join('\n')).toEqual([])
}

test('a reader finds every published version of a page and opens an old one as it was', async ({ page, request }) => {
  await page.goto(`/jamforelser/${SLUG}`)
  await page.getByRole('link', { name: 'Alla publicerade versioner av sidan' }).click()
  await expect(page).toHaveURL(new RegExp(`/jamforelser/${SLUG}/historik$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Publicerade versioner')
  const versions = page.getByRole('main').getByRole('listitem')
  expect(await versions.count()).toBeGreaterThanOrEqual(2)
  await expect(versions.last()).toContainText('Första publiceringen.')
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
  expect(list.items[0]).toMatchObject({ number: 1, summary: 'Första publiceringen.' })
  expect((await request.get(`/api/v1/areas/${SLUG}/versions/1`)).status()).toBe(200)
  expect((await page.goto(`/jamforelser/${SLUG}/historik/999`))?.status()).toBe(404)
})
