import { invalidDateReason } from '@/domain/calendarDate'
import { afterPublish, afterUnpublish, isEditorOf } from './facts'
import { releaseMessages as messages } from './releaseMessages'
import { RELEASE_READ_ONLY, type ReleaseState } from './releaseStates'
import { isReleaseTransitionId, releaseTransitionById, releaseTransitions, type ReleaseTransitionDefinition, type ReleaseTransitionId } from './releaseTransitions'
import { stateLabel } from './states'
import { type Allowed, type WorkflowActor, type WorkflowDocFacts } from './types'

type ItemId = string | number

/** What the release workflow needs to know about one of its items (an area). */
export type ReleaseItemFacts = {
  id: ItemId
  title: string
  /** The item's working copy, as the area workflow sees it. */
  facts: WorkflowDocFacts
  inTrash?: boolean
  /**
   * The error-level findings of the quality checks on the working copy (their
   * Swedish messages); absent when not checked. Any error keeps the release
   * from being marked ready or published, as an unapproved item does.
   */
  qualityErrors?: readonly string[]
  /** Published releases only: what a recall would do with the item. */
  recall?: {
    /** Whether the item was live before the release (then it goes back to that version; otherwise it is taken down). */
    hadLiveVersion: boolean
    /** Whether its live version is still the one the release published. */
    unchangedSinceRelease: boolean
  }
}

export type ReleaseFacts = {
  name: string
  state: ReleaseState
  items: readonly ReleaseItemFacts[]
  /** ISO time of the scheduled publish, when scheduled. */
  scheduledFor?: string | null
}

export type ReleaseDenyRule =
  | 'unknown-transition'
  | 'not-authenticated'
  | 'role'
  | 'wrong-state'
  | 'read-only'
  | 'no-items'
  | 'four-eyes'
  | 'items-not-ready'
  | 'comment-required'
  | 'schedule-not-supported'
  | 'invalid-schedule'
  | 'schedule-in-past'
  | 'not-scheduled'
  | 'not-due'
  | 'changed-since-release'
  | 'conflict'

/** One item's part of a release transition: the area decision to apply (src/publishing/transition.ts). */
export type ReleaseItemPlan = {
  id: ItemId
  title: string
  decision: Allowed
  /** Recall only: back to the version before the release ('previous') or off the site ('none'). */
  restore?: 'previous' | 'none'
}

export type ReleaseAllowed = {
  allowed: true
  transition: ReleaseTransitionId
  from: ReleaseState
  to: ReleaseState
  /** ISO time of a publish scheduled for later; null otherwise. */
  scheduledFor: string | null
  /** The trimmed comment or reason, null when none was given. */
  comment: string | null
  /** A publish now or a recall: what happens to each item, all in one transaction. Empty otherwise. */
  items: ReleaseItemPlan[]
}

/** Why an item is not ready (set by releaseItemProblems; the four-eyes and recall lists carry none). */
export type ReleaseItemProblemCode = 'in-trash' | 'not-approved' | 'quality-error'
export type ReleaseItemProblem = { id: ItemId; title: string; reason: string; code?: ReleaseItemProblemCode }
export type ReleaseDenied = { allowed: false; rule: ReleaseDenyRule; message: string; items?: ReleaseItemProblem[] }
export type ReleaseDecision = ReleaseAllowed | ReleaseDenied

const deny = (rule: ReleaseDenyRule, message: string, items?: ReleaseItemProblem[]): ReleaseDenied =>
  items ? { allowed: false, rule, message, items } : { allowed: false, rule, message }

const toMillis = (value: Date | string): number => (value instanceof Date ? value.getTime() : Date.parse(value))

export function releaseActorHasRoleFor(actor: WorkflowActor, transition: ReleaseTransitionDefinition): boolean {
  return actor !== null && transition.roles.some((role) => actor.roles.includes(role))
}

/** The first thing that keeps one item from being published, or null when it is ready. */
function itemProblem(item: ReleaseItemFacts): { code: ReleaseItemProblemCode; reason: string } | null {
  if (item.inTrash) return { code: 'in-trash', reason: messages.itemInTrash() }
  if (item.facts.state !== 'approved') return { code: 'not-approved', reason: messages.itemNotApproved(stateLabel(item.facts.state)) }
  if (item.qualityErrors?.length) return { code: 'quality-error', reason: messages.itemQualityErrors(item.qualityErrors) }
  return null
}

/**
 * Items that are not approved and unchanged since approval, or that the
 * quality checks find errors in, with why (the release shows these). One
 * reason per item: the most fundamental.
 */
export function releaseItemProblems(items: readonly ReleaseItemFacts[]): (ReleaseItemProblem & { code: ReleaseItemProblemCode })[] {
  return items.flatMap((item) => {
    const problem = itemProblem(item)
    return problem ? [{ id: item.id, title: item.title, ...problem }] : []
  })
}

/** Items the actor changed since their last publish: four-eyes per item. */
export function itemsEditedBy(items: readonly ReleaseItemFacts[], actor: NonNullable<WorkflowActor>): ReleaseItemFacts[] {
  return items.filter((item) => isEditorOf(item.facts, actor.id))
}

/**
 * Who and when, without what a user types (comment, time); shared with
 * availableReleaseTransitions. The most fundamental refusal wins.
 */
export function checkReleasePreconditions(release: ReleaseFacts, transition: ReleaseTransitionDefinition, actor: WorkflowActor): ReleaseDenied | null {
  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  if (!releaseActorHasRoleFor(actor, transition)) return deny('role', messages.role(transition))
  if (!transition.from.includes(release.state)) return deny('wrong-state', messages.wrongState(transition, release.state))
  if (transition.requiresReadyItems && release.items.length === 0) return deny('no-items', messages.noItems())
  if (transition.fourEyesPerItem) {
    const own = itemsEditedBy(release.items, actor)
    if (own.length) return deny('four-eyes', messages.fourEyes(own), own.map((item) => ({ id: item.id, title: item.title, reason: 'ändrat av dig' })))
  }
  if (transition.requiresReadyItems) {
    const problems = releaseItemProblems(release.items)
    if (problems.length) return deny('items-not-ready', messages.itemsNotReady(problems), problems)
  }
  return null
}

const publishPlan = (item: ReleaseItemFacts): ReleaseItemPlan => ({
  id: item.id,
  title: item.title,
  decision: {
    allowed: true,
    transition: 'publish',
    to: 'published',
    effects: { facts: afterPublish(item.facts), live: 'replaceWithWorkingCopy', scheduledFor: null, comment: null },
  },
})

function recallPlan(item: ReleaseItemFacts, comment: string): ReleaseItemPlan {
  if (item.recall?.hadLiveVersion) {
    // The version before the release becomes the working copy and goes live again.
    return {
      id: item.id,
      title: item.title,
      restore: 'previous',
      decision: { allowed: true, transition: 'publish', to: 'published', effects: { facts: afterPublish(item.facts), live: 'replaceWithWorkingCopy', scheduledFor: null, comment } },
    }
  }
  return {
    id: item.id,
    title: item.title,
    restore: 'none',
    decision: { allowed: true, transition: 'unpublish', to: 'unpublished', effects: { facts: afterUnpublish(item.facts), live: 'remove', scheduledFor: null, comment } },
  }
}

export type DecideReleaseTransitionInput = {
  release: ReleaseFacts
  /** A ReleaseTransitionId; any string is accepted so REST input can be passed straight in. */
  transition: string
  actor: WorkflowActor
  comment?: string | null
  /** Publish only: a future time; omitted, null or '' means now. */
  publishAt?: Date | string | null
  now?: Date | string
}

/** The one place that decides whether `actor` may make `transition` on a release, and what it does to each item. */
export function decideReleaseTransition(input: DecideReleaseTransitionInput): ReleaseDecision {
  const { release, actor } = input
  if (!isReleaseTransitionId(input.transition)) return deny('unknown-transition', messages.unknownTransition(input.transition))
  const transition = releaseTransitionById[input.transition]
  if (transition.trigger !== 'action') return deny('unknown-transition', messages.notAnAction(transition))

  const refused = checkReleasePreconditions(release, transition, actor)
  if (refused) return refused

  const trimmed = input.comment?.trim() ?? ''
  const comment = trimmed === '' ? null : trimmed
  if (transition.requiresComment && comment === null) return deny('comment-required', messages.commentRequired(transition))

  let scheduledFor: string | null = null
  if (input.publishAt != null && input.publishAt !== '') {
    if (!transition.schedulable) return deny('schedule-not-supported', messages.scheduleNotSupported(transition))
    const at = toMillis(input.publishAt)
    if (Number.isNaN(at) || invalidDateReason(input.publishAt) !== null) return deny('invalid-schedule', messages.invalidSchedule(String(input.publishAt)))
    if (at <= toMillis(input.now ?? new Date())) return deny('schedule-in-past', messages.scheduleInPast())
    scheduledFor = new Date(at).toISOString()
  }

  const base = { allowed: true as const, transition: transition.id, from: release.state, scheduledFor, comment }
  if (transition.id === 'publish') {
    return scheduledFor ? { ...base, to: 'scheduled', items: [] } : { ...base, to: transition.to, items: release.items.map(publishPlan) }
  }
  if (transition.id === 'recall') {
    const changed = release.items.filter((item) => !item.recall?.unchangedSinceRelease)
    if (changed.length) {
      return deny('changed-since-release', messages.changedSinceRelease(changed), changed.map((item) => ({ id: item.id, title: item.title, reason: 'ändrat efter paketet' })))
    }
    const reason = messages.recallComment(release.name, comment!)
    return { ...base, to: transition.to, items: release.items.map((item) => recallPlan(item, reason)) }
  }
  return { ...base, to: transition.to, items: [] }
}

/**
 * For the job that runs a scheduled release: it has no user, so it asks
 * whether the release is still scheduled (a cancel or a reschedule since makes
 * this run a no-op), whether the time has come, and whether every item is
 * still approved and unchanged. A refusal with `items-not-ready` means the
 * release must be marked failed; the others mean there is nothing to do.
 */
export function decideScheduledReleasePublish(input: { release: ReleaseFacts; now?: Date | string }): ReleaseDecision {
  const { release } = input
  const at = release.scheduledFor
  if (release.state !== 'scheduled' || !at) return deny('not-scheduled', messages.notScheduled())
  const due = toMillis(at)
  if (Number.isNaN(due)) return deny('invalid-schedule', messages.invalidSchedule(at))
  if (due > toMillis(input.now ?? new Date())) return deny('not-due', messages.notDue(at))
  if (release.items.length === 0) return deny('items-not-ready', messages.noItems())
  const problems = releaseItemProblems(release.items)
  if (problems.length) return deny('items-not-ready', messages.itemsNotReady(problems), problems)
  return { allowed: true, transition: 'publish', from: release.state, to: 'published', scheduledFor: null, comment: null, items: release.items.map(publishPlan) }
}

/**
 * A save of the release itself (name, owner, planned time, items): editors
 * and admins, only while it is open. `conflicts` are the added items that
 * another release already holds (read by the caller), the first of which is
 * named. Server code without a user is trusted by the caller, as for areas.
 */
export function decideReleaseEdit(input: {
  state: ReleaseState
  actor: WorkflowActor
  conflicts?: readonly { item: string; release: string }[]
}): { allowed: true } | ReleaseDenied {
  const { actor, state } = input
  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  const edit = releaseTransitionById.edit
  if (!releaseActorHasRoleFor(actor, edit)) return deny('role', messages.role(edit))
  if (RELEASE_READ_ONLY.includes(state)) return deny('read-only', messages.readOnly(state))
  if (!edit.from.includes(state)) return deny('wrong-state', messages.reopenToEdit(state))
  const first = input.conflicts?.[0]
  if (first) return deny('conflict', messages.conflict(first.item, first.release))
  return { allowed: true }
}

/** Deleting a release: by those who put it together, and never once it has been published (nor while scheduled). */
export function decideReleaseDelete(input: { state: ReleaseState; actor: WorkflowActor }): { allowed: true } | ReleaseDenied {
  const { actor, state } = input
  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  const edit = releaseTransitionById.edit
  if (!releaseActorHasRoleFor(actor, edit)) return deny('role', messages.role(edit))
  if (RELEASE_READ_ONLY.includes(state)) return deny('read-only', messages.deleteNotAllowed(state))
  if (state === 'scheduled') return deny('wrong-state', messages.deleteScheduled())
  return { allowed: true }
}

export type AvailableReleaseTransition =
  | { transition: ReleaseTransitionDefinition; enabled: true }
  | { transition: ReleaseTransitionDefinition; enabled: false; rule: ReleaseDenyRule; message: string }

/** Buttons as for an area (./available): enabled when allowed now; shown disabled for four-eyes and for items not ready yet. */
export function availableReleaseTransitions(release: ReleaseFacts, actor: WorkflowActor): AvailableReleaseTransition[] {
  const shownDisabled: readonly ReleaseDenyRule[] = ['four-eyes', 'items-not-ready', 'no-items']
  return releaseTransitions.flatMap((transition): AvailableReleaseTransition[] => {
    if (transition.trigger !== 'action') return []
    const refused = checkReleasePreconditions(release, transition, actor)
    if (!refused) return [{ transition, enabled: true }]
    return shownDisabled.includes(refused.rule) ? [{ transition, enabled: false, rule: refused.rule, message: refused.message }] : []
  })
}
