/**
 * Small pure helpers around quality findings for the admin: counts, Swedish
 * labels, the area's survey cycle, field ids and one-click fixes. Client-safe:
 * nothing here loads the dictionary or touches Node.
 */
import type { Finding, QualityContext, Severity } from './types'

export type FindingCounts = { error: number; warning: number }

export const countFindings = (findings: readonly Pick<Finding, 'severity'>[]): FindingCounts => ({
  error: findings.filter((finding) => finding.severity === 'error').length,
  warning: findings.filter((finding) => finding.severity === 'warning').length,
})

/** "2 fel, 5 varningar", "1 varning", "Inga anmärkningar". */
export function formatCounts(counts: FindingCounts): string {
  const parts: string[] = []
  if (counts.error > 0) parts.push(`${counts.error} fel`)
  if (counts.warning > 0) parts.push(`${counts.warning} ${counts.warning === 1 ? 'varning' : 'varningar'}`)
  return parts.length ? parts.join(', ') : 'Inga anmärkningar'
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Fel', warning: 'Varning' }

/** Errors first, then warnings; the rules' own order within each. */
export const sortBySeverity = <T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] =>
  [...findings.filter((finding) => finding.severity === 'error'), ...findings.filter((finding) => finding.severity !== 'error')]

/** The `surveyCycleYears` field's stored value ('1' | '2', or a number) as the checks' cycle; 1 when unset. */
export const surveyCycleOf = (value: unknown): 1 | 2 => (value === 2 || value === '2' ? 2 : 1)

/** The fields of a stored area the context reads. */
export type AreaQualityFields = { surveyCycleYears?: unknown; reviewBy?: string | null }

/** The checks' context for one stored area (without a spell checker). */
export const qualityContextFor = (doc: AreaQualityFields, now: Date): QualityContext => ({
  now,
  surveyCycleYears: surveyCycleOf(doc.surveyCycleYears),
  reviewBy: doc.reviewBy ?? null,
})

/** Payload's input id for a field path: "body.2.bullets.3.local" → "field-body__2__bullets__3__local". */
export const fieldIdForPath = (path: string): string => `field-${path.replace(/\./g, '__')}`

/** The path itself, then each parent ("body.0.bullets", "body.0", "body"): where to fall back when a field has no input of its own. */
export function pathAndParents(path: string): string[] {
  const parts = path.split('.').filter(Boolean)
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'))
}

export type Suggestion = { from: string; to: string }

/** The text with the first `from` replaced by `to`; null when `from` is no longer there. */
export function applySuggestionToText(text: unknown, suggestion: Suggestion): string | null {
  if (typeof text !== 'string' || !suggestion.from) return null
  const at = text.indexOf(suggestion.from)
  if (at < 0) return null
  return text.slice(0, at) + suggestion.to + text.slice(at + suggestion.from.length)
}

type JsonNode = { type?: unknown; text?: unknown; children?: unknown; [key: string]: unknown }

const childrenOf = (node: JsonNode): JsonNode[] => (Array.isArray(node.children) ? (node.children as JsonNode[]) : [])

const nodeText = (node: JsonNode): string =>
  node.type === 'text' ? String(node.text ?? '') : node.type === 'linebreak' ? '\n' : childrenOf(node).map(nodeText).join('')

/** A copy of `node` with `from` replaced in its first text node that holds it; null when none does. */
function replaceInNode(node: JsonNode, suggestion: Suggestion): JsonNode | null {
  if (node.type === 'text') {
    const text = applySuggestionToText(node.text, suggestion)
    return text === null ? null : { ...node, text }
  }
  const children = childrenOf(node)
  for (let index = 0; index < children.length; index += 1) {
    const replaced = replaceInNode(children[index]!, suggestion)
    if (replaced) return { ...node, children: children.map((child, at) => (at === index ? replaced : child)) }
  }
  return null
}

/**
 * Lexical JSON with the fix applied inside one text node, preferring the
 * finding's paragraph (counted like the checks: blank paragraphs skipped).
 * Null when the text is split across formatting or no longer there.
 */
export function applySuggestionToRichText<T>(state: T, suggestion: Suggestion, paragraphIndex?: number): T | null {
  const root = (state as { root?: JsonNode } | null | undefined)?.root
  if (!root || !suggestion.from) return null
  const children = childrenOf(root)
  const paragraphs = children.map((child, index) => ({ child, index })).filter(({ child }) => nodeText(child).trim() !== '')
  const preferred = paragraphIndex === undefined ? undefined : paragraphs[paragraphIndex]
  const order = preferred ? [preferred.index, ...children.map((_, index) => index).filter((index) => index !== preferred.index)] : children.map((_, index) => index)
  for (const index of order) {
    const replaced = replaceInNode(children[index]!, suggestion)
    if (replaced) return { ...state, root: { ...root, children: children.map((child, at) => (at === index ? replaced : child)) } } as T
  }
  return null
}

/** Plain text (a string) or rich text (Lexical JSON) with the fix applied; null when it cannot be applied. */
export function applySuggestion(value: unknown, suggestion: Suggestion, paragraphIndex?: number): unknown {
  if (typeof value === 'string') return applySuggestionToText(value, suggestion)
  if (value && typeof value === 'object') return applySuggestionToRichText(value, suggestion, paragraphIndex)
  return null
}

/** The rules a count covers, in words: what the dashboard's counts (run without the dictionary) include. */
export function describeCountedRules(rules: readonly { name: string; needsSpelling?: boolean }[], withSpelling = false): string {
  const counted = rules.filter((rule) => withSpelling || !rule.needsSpelling)
  const skipped = rules.filter((rule) => !counted.includes(rule))
  const text = `Räknat med reglerna ${counted.map((rule) => `"${rule.name}"`).join(', ')}.`
  return skipped.length ? `${text} ${skipped.map((rule) => `"${rule.name}"`).join(' och ')} kontrolleras bara i sidans egen kvalitetskontroll.` : text
}
