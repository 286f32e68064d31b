import { releaseItemProblems, type ReleaseFacts } from './releaseDecide'
import { releaseMessages as messages } from './releaseMessages'
import { type ReleaseState } from './releaseStates'
import { stateLabel, type WorkflowState } from './states'

/**
 * Warnings ahead of a scheduled release: what would stop it if its time came
 * now, and which of the configured lead times (24 h and 1 h before, by
 * default) is due for a check. Pure; the job is src/publishing/releaseWarnings.ts.
 */

type ItemId = string | number

export type ReleaseBlockerCode = 'no-items' | 'in-trash' | 'not-approved' | 'edited-after-approval' | 'quality-error'

export type ReleaseBlocker = {
  /** null for the release itself (no items). */
  itemId: ItemId | null
  title: string
  code: ReleaseBlockerCode
  /** Swedish, to follow the item's title: `"Hemtjänst": ligger i papperskorgen`. */
  message: string
}

/**
 * Releases whose items were all approved when they got there: markReady and
 * publish require it, and the items cannot change after. An item of theirs
 * in one of EDITED_STATES was therefore edited after its approval.
 */
const ITEMS_WERE_APPROVED: readonly ReleaseState[] = ['ready', 'scheduled', 'failed']
const EDITED_STATES: readonly WorkflowState[] = ['draft', 'inReview', 'changesRequested']

/**
 * What keeps the release from being published: the same list the scheduled
 * publish refuses with (releaseItemProblems, see decideScheduledReleasePublish),
 * with an unapproved item of a ready or scheduled release named for what
 * happened to it, an edit after approval. Empty when nothing blocks.
 */
export function releaseBlockers(release: ReleaseFacts): ReleaseBlocker[] {
  if (release.items.length === 0) return [{ itemId: null, title: release.name, code: 'no-items', message: messages.noItems() }]
  const byId = new Map(release.items.map((item) => [String(item.id), item]))
  return releaseItemProblems(release.items).map((problem): ReleaseBlocker => {
    const state = byId.get(String(problem.id))!.facts.state
    if (problem.code === 'not-approved' && ITEMS_WERE_APPROVED.includes(release.state) && EDITED_STATES.includes(state)) {
      return { itemId: problem.id, title: problem.title, code: 'edited-after-approval', message: messages.itemEditedAfterApproval(stateLabel(state)) }
    }
    return { itemId: problem.id, title: problem.title, code: problem.code, message: problem.reason }
  })
}

/** One line per blocker, as the e-mails list them: `"Hemtjänst": ligger i papperskorgen.` */
export const blockerLines = (blockers: readonly ReleaseBlocker[]): string[] =>
  blockers.map((blocker) => (blocker.itemId === null ? blocker.message : `"${blocker.title}": ${blocker.message}.`))

const toMillis = (value: Date | string): number => (value instanceof Date ? value.getTime() : Date.parse(value))

/**
 * Which lead's check is due: the shortest lead whose time (the planned time
 * minus the lead) has come, while the planned time has not; null when none is
 * or that one was checked already. Longer leads never checked are passed over
 * (a release scheduled 30 minutes ahead gets the 1-hour check only, not
 * both at once).
 *
 * @param leadsMs the configured lead times in milliseconds
 * @param checkedMs the leads already checked for this planned time
 */
export function dueReleaseWarning(input: {
  scheduledFor: Date | string
  leadsMs: readonly number[]
  checkedMs: readonly number[]
  now: Date | string
}): number | null {
  const at = toMillis(input.scheduledFor)
  const now = toMillis(input.now)
  if (Number.isNaN(at) || now >= at) return null
  const passed = input.leadsMs.filter((lead) => lead > 0 && at - lead <= now)
  if (passed.length === 0) return null
  const current = Math.min(...passed)
  // A shorter lead checked means this window is over too (the configuration may have changed since).
  return input.checkedMs.some((checked) => checked <= current) ? null : current
}

// Hours rather than days: people say "48 timmar före".
const UNITS = [
  { ms: 3_600_000, one: 'timme', many: 'timmar' },
  { ms: 60_000, one: 'minut', many: 'minuter' },
  { ms: 1_000, one: 'sekund', many: 'sekunder' },
] as const

/** A lead time in Swedish words: 86 400 000 → '24 timmar', 3 600 000 → '1 timme', 90 000 → '90 sekunder'. */
export function leadLabel(ms: number): string {
  // The largest unit that divides it evenly; leads are whole seconds (src/env.ts).
  const unit = UNITS.find((candidate) => ms % candidate.ms === 0) ?? UNITS[2]
  const count = Math.round(ms / unit.ms)
  return `${count} ${count === 1 ? unit.one : unit.many}`
}
