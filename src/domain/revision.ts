/**
 * Optimistic concurrency for documents editors save at the same time.
 *
 * Every content save carries the revision it started from and gets the next
 * one; a save that started from an older revision than the stored one is
 * refused (409) and names who saved in between, so nobody's text is silently
 * written over. Pure: the Payload hooks in src/concurrency/hooks.ts apply these decisions.
 *
 * Which saves are checked:
 * - a user's save of one document by id that sends content (the admin form,
 *   REST `PATCH /api/<collection>/:id`, GraphQL, the local API with a user):
 *   it must send the revision it started from (428 without, 409 when stale);
 * - everything else is not checked but still takes the next revision when it
 *   changes content, so an open edit form notices it: server code without a
 *   user (the importer, scheduled jobs), bulk edits of many documents (the
 *   user picks fields to overwrite on all of them), version restores;
 * - saves that send no content do not take a revision: workflow transitions
 *   (submit, approve, publish through the endpoint), moving to and from the
 *   trash, Payload's publish of an unchanged draft without form data.
 */

export type ActorId = number | string

/** What one save claims, recorded before Payload merges its data with the stored document. */
export type RevisionClaim = {
  /** The revision the save started from; null when none was sent. */
  submitted: number | null
  /** Whether anything an editor edits is sent (see sendsContent). */
  sentContent: boolean
  /** A save of one document by id, as opposed to a bulk edit through a query. */
  byId: boolean
}

export type RevisionDecision =
  | { allowed: true; bump: boolean; checked: boolean }
  | { allowed: false; reason: 'missing'; status: 428 }
  | { allowed: false; reason: 'stale'; status: 409 }

/** A stored revision; documents saved before revisions existed count as 0. */
export function storedRevision(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** The revision a client sent: a non-negative integer, also as a string (form data); anything else is none. */
export function parseRevision(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim())
  return null
}

/** Never content, whatever the collection: identity, status, timestamps, trash. */
const BOOKKEEPING = new Set(['id', '_status', 'createdAt', 'updatedAt', 'deletedAt'])

type FieldLike = { name?: string; type?: string; hidden?: boolean; admin?: { readOnly?: boolean; hidden?: boolean; disabled?: boolean } }

/**
 * The top-level fields an editor edits in the admin: named data fields that
 * are neither read-only nor hidden there (read-only ones are written by the
 * server: workflow facts, publish dates, the revision itself).
 */
export function contentFieldNames(fields: readonly FieldLike[]): Set<string> {
  const names = fields
    .filter((field) => typeof field.name === 'string' && field.type !== 'ui')
    .filter((field) => !field.hidden && !field.admin?.readOnly && !field.admin?.hidden && !field.admin?.disabled)
    .map((field) => field.name as string)
    .filter((name) => !BOOKKEEPING.has(name))
  return new Set(names)
}

/** Whether a save's raw data sends any content field. */
export function sendsContent(data: unknown, contentFields: ReadonlySet<string>): boolean {
  if (!data || typeof data !== 'object') return false
  return Object.keys(data).some((key) => contentFields.has(key))
}

export function claimOf(data: unknown, contentFields: ReadonlySet<string>, byId: boolean): RevisionClaim {
  const submitted = data && typeof data === 'object' ? parseRevision((data as { revision?: unknown }).revision) : null
  return { submitted, sentContent: sendsContent(data, contentFields), byId }
}

/**
 * Whether a save may go ahead and whether it takes the next revision.
 * `claim` is null when the save was not recorded by the beforeOperation hook
 * (a version restore): it changes content, unchecked.
 */
export function decideRevision(args: { stored: number; claim: RevisionClaim | null; hasUser: boolean }): RevisionDecision {
  const { stored, claim, hasUser } = args
  if (!claim) return { allowed: true, bump: true, checked: false }
  if (!claim.sentContent) return { allowed: true, bump: false, checked: false }
  if (!hasUser || !claim.byId) return { allowed: true, bump: true, checked: false }
  if (claim.submitted === null) return { allowed: false, reason: 'missing', status: 428 }
  if (claim.submitted !== stored) return { allowed: false, reason: 'stale', status: 409 }
  return { allowed: true, bump: true, checked: true }
}

// ---------------------------------------------------------------------------
// Messages (Swedish, for the person whose save was refused)
// ---------------------------------------------------------------------------

const TIME_ZONE = 'Europe/Stockholm'
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })
const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' })
const dayKey = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** "kl. 14:02" today (Swedish time), "den 3 mars kl. 14:02" another day; null for no or a broken time. */
export function swedishClock(iso: string | null | undefined, now: Date): string | null {
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  const time = `kl. ${clock.format(at)}`
  return dayKey.format(at) === dayKey.format(now) ? time : `den ${day.format(at)} ${time}`
}

/** Who saved the stored revision: a named user, the person themselves (another tab), or the system. */
export type LastSaver = { kind: 'user'; name: string } | { kind: 'self' } | { kind: 'system' } | { kind: 'unknown' }

export function lastSaverOf(args: { savedBy: ActorId | null; savedByName: string | null; actorId: ActorId | null }): LastSaver {
  const { savedBy, savedByName, actorId } = args
  if (savedBy === null) return { kind: 'system' }
  if (actorId !== null && String(savedBy) === String(actorId)) return { kind: 'self' }
  return savedByName ? { kind: 'user', name: savedByName } : { kind: 'unknown' }
}

/** What became of the refused editor's text. */
export type CopyOutcome =
  | { kind: 'saved'; datedAt: string }
  | { kind: 'failed' }
  /** No copy is made (GraphQL, the local API): the caller still has the text. */
  | { kind: 'none' }

export function conflictMessage(args: { saver: LastSaver; savedAt: string | null; now: Date; copy: CopyOutcome; simultaneous?: boolean }): string {
  const { saver, savedAt, now, copy } = args
  const when = swedishClock(savedAt, now)
  const at = when ? ` ${when}` : ''
  let first: string
  if (args.simultaneous) first = 'Någon annan sparade sidan samtidigt som du.'
  else if (saver.kind === 'self') first = `Du har själv sparat sidan i ett annat fönster${at} efter att du öppnade den här.`
  else if (saver.kind === 'user') first = `Sidan har sparats av ${saver.name}${at} efter att du öppnade den.`
  else if (saver.kind === 'system') first = `Sidan har ändrats av systemet (till exempel en import)${at} efter att du öppnade den.`
  else first = `Sidan har sparats av någon annan${at} efter att du öppnade den.`
  const kept = 'Dina ändringar har inte skrivit över det som sparades då'
  if (copy.kind === 'saved') {
    const dated = swedishClock(copy.datedAt, now)
    return (
      `${first} ${kept}; de finns sparade som en egen version under fliken Versioner${dated ? ` (daterad ${dated})` : ''}, ` +
      'som du kan jämföra med sidan och återställa som utkast. Ladda om sidan innan du fortsätter.'
    )
  }
  if (copy.kind === 'failed') return `${first} ${kept}, men de kunde inte heller sparas som en egen version: kopiera dem innan du laddar om sidan.`
  return `${first} ${kept}; de har inte sparats. Hämta sidan igen och gör om dina ändringar.`
}

export const MISSING_REVISION_MESSAGE =
  'Ange vilken revision av sidan ändringen bygger på (fältet "revision", som du får när du hämtar sidan). ' +
  'Utan den kan en annans samtidiga ändring skrivas över.'

// ---------------------------------------------------------------------------
// The refused editor's copy
// ---------------------------------------------------------------------------

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null
  const ms = new Date(iso).getTime()
  return Number.isNaN(ms) ? null : ms
}

/**
 * The time a refused editor's copy is dated with, so that it sits in the
 * version history right after the version it started from and before the
 * one that was saved first. Never later than that one: Payload takes the
 * newest draft version (by this time) as "the draft", and the first editor's
 * text must stay the draft. `winner` holds both the version row's time and
 * the document's own `updatedAt` (they differ for a publish).
 */
export function conflictCopyTime(args: { base: string | null | undefined; winner: readonly (string | null | undefined)[]; now: Date }): string {
  const before = args.winner.map(time).filter((ms): ms is number => ms !== null).map((ms) => ms - 1)
  const after = time(args.base)
  const candidates = [...before, ...(after === null ? [] : [after + 1])]
  const ms = candidates.length ? Math.min(...candidates) : args.now.getTime()
  return new Date(ms).toISOString()
}

/**
 * The refused editor's whole page: the version they started from with what
 * they sent on top. Only content fields are taken from the request.
 */
export function conflictCopyData(args: {
  base: Record<string, unknown>
  sent: Record<string, unknown>
  contentFields: ReadonlySet<string>
}): Record<string, unknown> {
  const sent = Object.fromEntries(Object.entries(args.sent).filter(([key]) => args.contentFields.has(key)))
  return { ...args.base, ...sent }
}
