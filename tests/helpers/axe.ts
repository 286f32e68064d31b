import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** What every public page is checked against: WCAG 2.0, 2.1 and 2.2, A and AA, and axe's best practices. */
export const PUBLIC_AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

/** Fails with every violation axe finds on the page as it is now, each with its elements. */
export async function expectNoAxeViolations(page: Page, tags: string[] = PUBLIC_AXE_TAGS): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze()
  const report = results.violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`).join('\n'),
    )
    .join('\n')
  expect(results.violations, `axe fann brister på ${page.url()}:\n${report}`).toEqual([])
}

/**
 * Fails on critical or serious violations inside `selector` only: for what we
 * add to Payload's admin (issue 21 lists what Payload's own views still have).
 */
export async function expectNoSeriousAxeViolationsIn(page: Page, selector: string, tags: string[] = PUBLIC_AXE_TAGS, exclude: readonly string[] = []): Promise<void> {
  // `exclude`: Payload's own controls inside `selector` whose violations docs/accessibility-admin.md lists.
  const results = await exclude.reduce((builder, part) => builder.exclude(part), new AxeBuilder({ page }).include(selector)).withTags(tags).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
  const report = serious
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n` + violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'))
    .join('\n')
  expect(serious, `axe fann allvarliga brister i ${selector} på ${page.url()}:\n${report}`).toEqual([])
}
