/**
 * The audit log in words: what the list's cells and the entry view show
 * instead of the stored codes ('inReview', 'submit', a JSON object). Pure;
 * src/admin/AuditLog*.tsx are thin adapters over it.
 */
import { ROLE_LABELS, type Role } from '@/access/roles'
import { swedishDateTimeOrNull } from '@/domain/swedishDate'
import { RELEASES } from '@/slugs'
import { isReleaseState, isReleaseTransitionId, isTransitionId, isWorkflowState, leadLabel, releaseStateLabel, releaseTransitionById, stateLabel, transitionById } from '@/workflow'
import { AUDIT_ACTIONS, type AuditAction } from './actions'

/** What an empty value reads as (Payload's own cell says "<Ingen Till>"). */
export const EMPTY = '–'

/** A stored entry, as much of it as the words need (the generated AuditLog, or a row of the list). */
export type AuditRow = {
  action?: string | null
  collectionSlug?: string | null
  transition?: string | null
  fromState?: string | null
  toState?: string | null
  details?: unknown
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null)

/** A workflow state in Swedish: a release's ('Klart för publicering') or a page's ('Granskas'); an unknown code as it is. */
export function stateName(collectionSlug: string | null | undefined, state: string | null | undefined): string {
  if (!text(state)) return EMPTY
  if (collectionSlug === RELEASES) return isReleaseState(state) ? releaseStateLabel(state) : state!
  return isWorkflowState(state) ? stateLabel(state) : state!
}

/** A transition by its button's label ('Skicka till granskning'); an unknown code as it is. */
export function transitionName(collectionSlug: string | null | undefined, transition: string | null | undefined): string {
  if (!text(transition)) return EMPTY
  if (collectionSlug === RELEASES) return isReleaseTransitionId(transition) ? releaseTransitionById[transition].label : transition!
  return isTransitionId(transition) ? transitionById[transition].label : transition!
}

export function actionName(action: string | null | undefined): string {
  return action && action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction] : (text(action) ?? EMPTY)
}

const detailsOf = (details: unknown): Record<string, unknown> =>
  details && typeof details === 'object' && !Array.isArray(details) ? (details as Record<string, unknown>) : {}

/** The changed fields recorded with a save, publish or restore; null when the entry has none recorded. */
export function changedFieldsOf(details: unknown): string[] | null {
  const changed = detailsOf(details).changedFields
  return Array.isArray(changed) ? changed.filter((field): field is string => typeof field === 'string') : null
}

/** The list's "Ändrade fält" cell: 'Titel, Ingress', or '–'. */
export function changedFieldsText(details: unknown): string {
  const changed = changedFieldsOf(details)
  return changed?.length ? changed.join(', ') : EMPTY
}

/** Any other text of an entry (document, name, comment), or '–'. */
export function plainText(value: unknown): string {
  if (typeof value === 'number') return String(value)
  return text(value) ?? EMPTY
}

/**
 * One field of an entry in words, for the list's cells and the entry view:
 * states and transitions by their Swedish names, the changed fields from
 * `details`, anything else as text; '–' when empty.
 */
export function auditFieldText(name: string, row: AuditRow & Record<string, unknown>): string {
  switch (name) {
    case 'fromState':
    case 'toState':
      return stateName(row.collectionSlug, row[name])
    case 'transition':
      return transitionName(row.collectionSlug, row.transition)
    case 'action':
      return actionName(row.action)
    case 'changedFields':
      return changedFieldsText(row.details)
    default:
      return plainText(row[name])
  }
}

// ---- "Detaljer" ----

export type DetailLine = { term: string; description: string }

const yesNo = (value: unknown): string => (value ? 'Ja' : 'Nej')
const roleNames = (value: unknown): string =>
  Array.isArray(value) && value.length ? value.map((role) => ROLE_LABELS[role as Role]?.sv ?? String(role)).join(', ') : 'inga'
const dateTime = (value: unknown): string => swedishDateTimeOrNull(typeof value === 'string' ? value : null) ?? generic(value)
const list = (value: unknown): string => (Array.isArray(value) ? (value.length ? value.map(generic).join(', ') : 'inga') : generic(value))
const count = (value: unknown): string => (Array.isArray(value) ? String(value.length) : generic(value))

/** A value nobody wrote words for: plain text, lists joined, objects as "namn: värde". */
function generic(value: unknown): string {
  if (value == null || value === '') return EMPTY
  if (typeof value === 'boolean') return yesNo(value)
  if (Array.isArray(value)) return value.length ? value.map(generic).join(', ') : 'inga'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, entry]) => `${key}: ${generic(entry)}`)
      .join('; ')
  }
  return String(value)
}

/**
 * The keys callers of recordAudit write into `details`, each with its
 * Swedish name and how its value reads. In the order they are shown.
 */
const DETAIL_WORDS: ReadonlyArray<readonly [key: string, term: string, format: (value: unknown) => string]> = [
  ['changedFields', 'Ändrade fält', (value) => (Array.isArray(value) && value.length ? value.map(String).join(', ') : 'inga')],
  ['created', 'Nyskapad', yesNo],
  ['scheduled', 'Gjordes av schemat', yesNo],
  ['scheduledFor', 'Planerad tid', dateTime],
  ['publishAt', 'Planerad publicering', dateTime],
  ['leadMs', 'Kontroll före', (value) => (typeof value === 'number' ? leadLabel(value) : generic(value))],
  ['skipped', 'Gjordes inte, regel', generic],
  ['blockers', 'Hinder', count],
  ['recipients', 'Mottagare av förvarning', generic],
  ['items', 'Områden (id)', (value) => list(Array.isArray(value) ? value.map((item) => (item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item)) : value)],
  ['from', 'Roller före', roleNames],
  ['to', 'Roller efter', roleNames],
  ['roles', 'Roller', roleNames],
  ['rolesRemoved', 'Borttagna roller', roleNames],
  ['source', 'Källa', (value) => (value === 'directory' ? 'Kommunens katalog' : generic(value))],
  ['claim', 'Anspråk (claim)', generic],
  ['values', 'Värden i anspråket', list],
  ['subject', 'Id hos identitetsleverantören', generic],
  ['reason', 'Skäl', generic],
  ['refused', 'Nekad', generic],
  ['locked', 'Kontot låst', yesNo],
  ['linkedLocalAccount', 'Kopplat till lokalt konto', yesNo],
  ['sessionsEnded', 'Sessioner avslutade', yesNo],
  ['yourRevision', 'Din revision', generic],
  ['storedRevision', 'Sparad revision', generic],
  ['savedBy', 'Sparad av', generic],
  ['savedAt', 'Sparad', dateTime],
]

const KNOWN = new Set(DETAIL_WORDS.map(([key]) => key))

/** `details` as lines of a definition list, known keys in words first, any other key as it is. */
export function describeDetails(details: unknown): DetailLine[] {
  const record = detailsOf(details)
  const known = DETAIL_WORDS.filter(([key]) => key in record).map(([key, term, format]) => ({ term, description: format(record[key]) }))
  const other = Object.entries(record)
    .filter(([key]) => !KNOWN.has(key))
    .map(([key, value]) => ({ term: key, description: generic(value) }))
  return [...known, ...other]
}
