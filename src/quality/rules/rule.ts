import type { Finding, FindingLocation, QualityContext, Severity } from '../types'
import type { PageView } from '../view'

export type Rule = {
  id: string
  /** Swedish, shown to editors. */
  name: string
  severity: Severity
  /** Rules that need the dictionary report nothing without `context.spelling`. */
  needsSpelling?: boolean
  check(view: PageView, context: QualityContext): Finding[]
}

export const finding = (rule: Rule, location: FindingLocation, message: string, suggestion?: Finding['suggestion']): Finding => ({
  rule: rule.id,
  severity: rule.severity,
  location,
  message,
  ...(suggestion && { suggestion }),
})

export const DEFAULT_MUNICIPALITY = 'Kalmar'

export const municipalityOf = (context: QualityContext): string => context.municipality ?? DEFAULT_MUNICIPALITY

/** "punkt 3" in messages: editors count from 1. */
export const bulletLabel = (bulletIndex: number): string => `punkt ${bulletIndex + 1}`

/** The first words of a text, for quoting it in a message. */
export function excerpt(text: string, words = 8): string {
  const all = text.split(/\s+/u).filter(Boolean)
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')} …`
}
