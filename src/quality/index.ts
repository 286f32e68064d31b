/** Editorial quality checks ("Kvalitetskontroll") for comparison-area pages. */
export { fromAreaDocument, fromParsedPage, type AreaDocumentLike } from './adapters'
export { checkPage, checkPageErrors, checkPageWithSpelling, pageLix } from './check'
export { describeLocation, formatFinding, formatSummary } from './format'
export { RULES, ruleById, type Rule } from './registry'
export { lixBySection, type SectionLix } from './rules/readability'
export { createSpellChecker, loadSwedishSpellChecker, type SpellChecker } from './spelling/checker'
export type { Finding, FindingLocation, QualityBlock, QualityBullet, QualityContext, QualityLink, QualityPage, RichTextInput, Severity } from './types'
export { toView } from './view'
