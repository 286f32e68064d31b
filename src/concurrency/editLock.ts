/**
 * The edit lock as a person sees it (issue 21): Payload keeps one lock per
 * document (payload-locked-documents) and lets it lapse when its holder has
 * changed nothing for LOCK_DURATION_SECONDS; a lapsed lock blocks no save
 * (Payload's checkDocumentLockStatus). These pure functions say what the
 * edit view tells its reader, and whether opening a page should take it.
 */
import { swedishClockTime } from '@/domain/swedishDate'

/** How long a lock lasts after its holder's last change: Payload's default, set explicitly on the collection. */
export const LOCK_DURATION_SECONDS = 300
/** The holder is warned this long before the lock lapses. */
export const LOCK_WARNING_SECONDS = 60

export type LockView =
  | { kind: 'none' }
  | { kind: 'mine'; expiresAt: number; warn: boolean }
  | { kind: 'lapsed'; lapsedAt: number }
  | { kind: 'other'; holder: string; expiresAt: number }

export type LockFacts = {
  /** Who holds the lock, as Payload's edit view knows it (null: nobody). */
  holder: { id: number | string; name?: string | null; email?: string | null } | null
  /** When the holder last changed something (the lock's updatedAt), in ms. */
  lastEditedAt: number | null
  /** The person reading the edit view. */
  readerId: number | string
  now: number
}

export function lockView(facts: LockFacts): LockView {
  if (!facts.holder || facts.lastEditedAt === null) return { kind: 'none' }
  const expiresAt = facts.lastEditedAt + LOCK_DURATION_SECONDS * 1000
  const mine = String(facts.holder.id) === String(facts.readerId)
  if (facts.now > expiresAt) return mine ? { kind: 'lapsed', lapsedAt: expiresAt } : { kind: 'none' }
  if (!mine) return { kind: 'other', holder: facts.holder.name || facts.holder.email || 'någon annan', expiresAt }
  return { kind: 'mine', expiresAt, warn: expiresAt - facts.now <= LOCK_WARNING_SECONDS * 1000 }
}

/** Workflow states in which the page is the reviewer's turn: an editor opening it is reading, not editing. */
const REVIEWERS_TURN = new Set(['inReview', 'approved'])

/**
 * Opening a page for editing takes its lock when nobody else holds a live one: content editors
 * only (reviewers read and decide), and not while the page waits for review, or every reviewer
 * would meet a lock from the editor who sent it and left the tab open.
 */
export const takesLockOnOpen = (view: LockView, canEditContent: boolean, workflowState?: string | null): boolean =>
  canEditContent && !REVIEWERS_TURN.has(workflowState ?? '') && (view.kind === 'none' || view.kind === 'lapsed')

/** The sentence the edit view shows, in Swedish; null when there is nothing to say. */
export function lockMessage(view: LockView): string | null {
  switch (view.kind) {
    case 'none':
      return null
    case 'mine':
      return view.warn
        ? `Ditt lås på sidan släpper kl. ${clock(view.expiresAt)}. Ändra något eller välj Behåll låset, annars kan någon annan börja redigera sidan.`
        : `Du redigerar sidan. Andra ser att den är låst till kl. ${clock(view.expiresAt)}, längre om du fortsätter ändra.`
    case 'lapsed':
      return `Ditt lås släppte kl. ${clock(view.lapsedAt)}. Du kan spara så länge ingen annan har börjat redigera; välj Lås igen för att hålla sidan.`
    case 'other':
      return `${view.holder} redigerar sidan. Låset släpper senast kl. ${clock(view.expiresAt)} om hen inte ändrar något mer.`
  }
}

const clock = (ms: number) => swedishClockTime(new Date(ms))
