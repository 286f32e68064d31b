/** Plain-text report lines for the CLI (`npm run quality`). */
import type { SectionLix } from './rules/readability'
import type { Finding, FindingLocation } from './types'

const BULLET_FIELDS: Record<string, string> = {
  national: 'nationellt resultat',
  local: 'svar',
  'indicator.nationalPercent': 'andel kommuner',
  'indicator.localValue': 'kommunens värde',
}

/** "Resultat 2019, punkt 3, svar": where an editor finds the text on the page. */
export function describeLocation(location: FindingLocation): string {
  const paragraph = location.paragraphIndex === undefined ? '' : `, stycke ${location.paragraphIndex + 1}`
  if (location.field === 'title') return 'Titel'
  if (location.field === 'intro') return `Inledning${paragraph}`
  if (location.field === 'reviewBy') return 'Ses över senast'
  if (location.field === 'section') return 'Avsnitt, Fler sidor inom …'
  if (location.field === 'otherLinks.url') return `Övriga länkar, länk ${(location.linkIndex ?? 0) + 1}, adress`
  const set = `Resultat ${location.surveyYear ?? '(utan år)'}`
  if (location.bulletIndex !== undefined) return `${set}, punkt ${location.bulletIndex + 1}, ${BULLET_FIELDS[location.field] ?? location.field}`
  if (location.field === 'surveyYear' || location.field === 'bullets') return set
  const block = `Block ${(location.blockIndex ?? 0) + 1}`
  if (location.field === 'heading') return `${block}, rubrik`
  if (location.field === 'text') return `${block} (OBS-ruta)`
  return `${block}${paragraph}`
}

export const formatFinding = (finding: Finding): string =>
  `${finding.rule}  ${finding.location.path} (${describeLocation(finding.location)})  ${finding.message}`

export function formatSummary(name: string, findings: readonly Finding[], lix: readonly SectionLix[]): string[] {
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.length - errors
  const lines = [`Sammanfattning ${name}: ${errors} fel, ${warnings} varningar`]
  if (lix.length) lines.push(`  LIX: ${lix.map((score) => `${score.label} ${score.lix} (${score.words} ord)`).join(', ')}`)
  return lines
}
