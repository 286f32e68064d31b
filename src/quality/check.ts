import { RULES } from './registry'
import { lixBySection, type SectionLix } from './rules/readability'
import { loadSwedishSpellChecker } from './spelling/checker'
import type { Finding, QualityContext, QualityPage } from './types'
import { toView } from './view'

/** All findings for one page, rule by rule; pure (spelling only with `context.spelling`). */
export function checkPage(page: QualityPage, context: QualityContext): Finding[] {
  const view = toView(page)
  return RULES.flatMap((rule) => rule.check(view, context))
}

/**
 * Only the error-level findings, without the dictionary: what stops a release
 * (src/publishing/releaseFacts.ts). The warnings and the spelling rules are
 * left out, so it is cheap enough to run on every item of every check.
 */
export function checkPageErrors(page: QualityPage, context: QualityContext): Finding[] {
  const view = toView(page)
  return RULES.filter((rule) => rule.severity === 'error' && !rule.needsSpelling).flatMap((rule) => rule.check(view, context))
}

/** checkPage with the shared Swedish dictionary when the context brings none (loaded once, a few seconds). */
export async function checkPageWithSpelling(page: QualityPage, context: QualityContext): Promise<Finding[]> {
  return checkPage(page, { ...context, spelling: context.spelling ?? (await loadSwedishSpellChecker()) })
}

/** LIX per section of a page (informational, for reports). */
export const pageLix = (page: QualityPage): SectionLix[] => lixBySection(toView(page))
