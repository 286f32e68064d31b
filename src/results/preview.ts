/**
 * The preview an editor reads before anything is written (the admin's
 * "Importera resultat" and `npm run import:results -- --dry-run`): per bullet
 * old → new, conflicts, and what could not be placed. Pure.
 */
import { FIELD_LABELS, type BulletPlan, type FieldChange, type ResultPlan } from './plan'
import { formatPercentNumber } from './values'

export type PreviewContext = {
  areaTitle: string
  areaSlug: string
  dryRun: boolean
  /** "resultat.xlsx, blad "Resultat per kommun", rubrikrad 4" or "Kolada". */
  sourceLine: string
  /** "Kalmar (0880) på rad 95; 290 kommuner, riket saknas (andelar beräknade), 21 län." */
  tableLine?: string
  tableProblems: readonly string[]
  durationMs?: number
}

const show = (value: string | number | null, field: FieldChange['field']) => {
  if (value === null || value === '') return '–'
  if (field === 'nationalPercent' && typeof value === 'number') return `${formatPercentNumber(value)} %`
  return typeof value === 'string' && (field === 'national' || field === 'local') ? `"${value}"` : String(value)
}

function fieldLine(change: FieldChange): string | null {
  const label = FIELD_LABELS[change.field]
  switch (change.outcome) {
    case 'unchanged':
      return null
    case 'new':
      return change.new === null ? null : `    ${label}: ${show(change.new, change.field)}`
    case 'updated':
      return `    ${label}: ${show(change.old, change.field)} → ${show(change.new, change.field)}`
    case 'conflict':
      return `    ! ${label}: ändrad av en redaktör, behålls: ${show(change.old, change.field)}; importen föreslår: ${show(change.new, change.field)}`
  }
}

function bulletLines(bullet: BulletPlan): string[] {
  const where = bullet.position ? `Punkt ${bullet.position}` : 'Ingen punkt'
  const head = `  ${where} · ${bullet.indicator} ${bullet.name} — ${bullet.status}${bullet.note ? ` (${bullet.note})` : ''}`
  const lines = bullet.fields.map(fieldLine).filter((line): line is string => line !== null)
  return [head, ...lines, ...(bullet.status === 'hoppades över' ? [] : [`    Underlag: ${bullet.basis}`])]
}

export function countStatuses(plan: ResultPlan): Record<'ny' | 'ändrad' | 'oförändrad' | 'konflikt' | 'hoppades över', number> {
  const counts = { ny: 0, ändrad: 0, oförändrad: 0, konflikt: 0, 'hoppades över': 0 }
  for (const bullet of plan.bullets) counts[bullet.status] += 1
  return counts
}

export function formatResultPreview(plan: ResultPlan, context: PreviewContext): string {
  const counts = countStatuses(plan)
  const problems = [...context.tableProblems, ...plan.problems]
  const lines = [
    `${context.dryRun ? 'Förhandsvisning (provkörning – inget skrevs)' : 'Import'}: resultat ${plan.year} för "${context.areaTitle}" (${context.areaSlug})`,
    `Källa: ${context.sourceLine}`,
    ...(context.tableLine ? [context.tableLine] : []),
    plan.resultSetCreated ? `Nytt resultatavsnitt för ${plan.year} (utkast).` : `Resultatavsnittet för ${plan.year} finns; punkterna jämförs med utkastet.`,
    '',
    ...plan.bullets.flatMap(bulletLines),
    '',
    `Sammanfattning: ${counts.ny} nya, ${counts.ändrad} ändrade, ${counts.oförändrad} oförändrade, ${counts.konflikt} med konflikt, ${counts['hoppades över']} hoppades över.`,
    plan.changed
      ? context.dryRun
        ? 'Utkastet skulle ändras. Inget publiceras: sidan går genom granskning som vanligt.'
        : 'Utkastet är sparat. Inget är publicerat: skicka sidan till granskning när punkterna är kontrollerade.'
      : 'Inget att ändra: utkastet har redan dessa värden.',
  ]
  if (problems.length) lines.push('', 'Kunde inte placeras eller att kontrollera:', ...problems.map((problem) => `  ! ${problem}`))
  if (context.durationMs !== undefined) lines.push('', `Tid: ${(context.durationMs / 1000).toFixed(2)} s.`)
  return lines.join('\n')
}
