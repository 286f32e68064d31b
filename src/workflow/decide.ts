import { invalidDateReason } from '@/domain/calendarDate'
import { afterPublish, afterUnpublish, isEditorOf, recordEdit } from './facts'
import { messages } from './messages'
import { isTransitionId, transitionById, type TransitionDefinition } from './transitions'
import {
  type Allowed,
  type Denied,
  type DenyRule,
  type TransitionDecision,
  type TransitionEffects,
  type WorkflowActor,
  type WorkflowDocFacts,
} from './types'

export type DecideTransitionInput = {
  doc: WorkflowDocFacts
  /** A TransitionId; any string is accepted so REST input can be passed straight in. */
  transition: string
  actor: WorkflowActor
  comment?: string | null
  /**
   * Publish and unpublish only: a future time at which the transition takes
   * effect; omitted, null or '' means now. For publish it is when the page goes
   * live; for unpublish it is when to take the page down (the name is kept for
   * existing callers).
   */
  publishAt?: Date | string | null
  now?: Date | string
}

const deny = (rule: DenyRule, message: string): Denied => ({ allowed: false, rule, message })

export function actorHasRoleFor(actor: WorkflowActor, transition: TransitionDefinition): boolean {
  return actor !== null && transition.roles.some((role) => actor.roles.includes(role))
}

/**
 * Who and when, without the input a user types (comment, time). Order: the
 * most fundamental refusal wins, so a user without the role is told about the
 * role rather than the state. Shared with availableTransitions.
 */
export function checkPreconditions(
  doc: WorkflowDocFacts,
  transition: TransitionDefinition,
  actor: WorkflowActor,
): Denied | null {
  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  if (!actorHasRoleFor(actor, transition)) return deny('role', messages.role(transition))
  if (!transition.from.includes(doc.state)) return deny('wrong-state', messages.wrongState(transition, doc.state))
  if (transition.requiresLiveVersion && !doc.hasLiveVersion) return deny('no-live-version', messages.noLiveVersion(transition))
  if (transition.requiresSchedule && !doc.scheduledPublishAt) return deny('not-scheduled', messages.notScheduled())
  if (transition.requiresScheduledUnpublish && !doc.scheduledUnpublishAt) {
    return deny('not-scheduled-unpublish', messages.notScheduledUnpublish())
  }
  if (transition.fourEyes && isEditorOf(doc, actor.id)) return deny('four-eyes', messages.fourEyes())
  return null
}

function toMillis(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value)
}

function normaliseComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

function effectsOf(
  transition: TransitionDefinition,
  doc: WorkflowDocFacts,
  actor: NonNullable<WorkflowActor>,
  comment: string | null,
  scheduledFor: string | null,
): TransitionEffects {
  const same = { scheduledFor: null, comment }
  switch (transition.id) {
    case 'edit':
      return { ...same, facts: recordEdit(doc, actor.id), live: 'keep' }
    case 'publish':
      return scheduledFor
        ? { facts: { ...doc, scheduledPublishAt: scheduledFor }, live: 'keep', scheduledFor, comment }
        : { ...same, facts: afterPublish(doc), live: 'replaceWithWorkingCopy' }
    case 'unpublish':
      return scheduledFor
        ? { facts: { ...doc, scheduledUnpublishAt: scheduledFor }, live: 'keep', scheduledFor, comment }
        : { ...same, facts: afterUnpublish(doc), live: 'remove' }
    case 'cancelScheduledPublish':
      return { ...same, facts: { ...doc, scheduledPublishAt: null }, live: 'keep' }
    case 'cancelScheduledUnpublish':
      return { ...same, facts: { ...doc, scheduledUnpublishAt: null }, live: 'keep' }
    default:
      return { ...same, facts: { ...doc, state: transition.to }, live: 'keep' }
  }
}

/** The one place that decides whether `actor` may make `transition` on `doc`, and what follows. */
export function decideTransition(input: DecideTransitionInput): TransitionDecision {
  const { doc, actor } = input
  if (!isTransitionId(input.transition)) return deny('unknown-transition', messages.unknownTransition(input.transition))
  const transition = transitionById[input.transition]

  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  const refused = checkPreconditions(doc, transition, actor)
  if (refused) return refused

  const comment = normaliseComment(input.comment)
  if (transition.requiresComment && comment === null) return deny('comment-required', messages.commentRequired(transition))

  let scheduledFor: string | null = null
  if (input.publishAt != null && input.publishAt !== '') {
    if (!transition.schedulable) return deny('schedule-not-supported', messages.scheduleNotSupported(transition))
    const at = toMillis(input.publishAt)
    // Date.parse turns 2030-02-30 into 2 March: a time that does not exist is refused, not moved.
    if (Number.isNaN(at) || invalidDateReason(input.publishAt) !== null) {
      return deny('invalid-schedule', messages.invalidSchedule(String(input.publishAt), transition))
    }
    if (at <= toMillis(input.now ?? new Date())) return deny('schedule-in-past', messages.scheduleInPast(transition))
    scheduledFor = new Date(at).toISOString()
  }

  const effects = effectsOf(transition, doc, actor, comment, scheduledFor)
  // A scheduled unpublish changes nothing but the stored time until the job runs.
  const keepsState = transition.keepsState || (transition.id === 'unpublish' && scheduledFor !== null)
  const allowed: Allowed = { allowed: true, transition: transition.id, to: keepsState ? doc.state : transition.to, effects }
  return allowed
}

/**
 * A save that tries to make content live directly (e.g. `_status: 'published'`
 * in the body, Payload's own Publish button). Allowed only for an approved
 * document, by someone who may publish, when the save does not also change the
 * content (that would publish something nobody approved). The state is checked
 * before the role here: most such saves come from editors, and the four-eyes
 * rule is what they need to hear about.
 */
export function decideDirectPublish(input: {
  doc: WorkflowDocFacts
  actor: WorkflowActor
  /** Whether the save also changes content compared with the approved version. */
  contentChanged?: boolean
}): TransitionDecision {
  const { doc, actor } = input
  const publish = transitionById.publish
  if (actor === null) return deny('not-authenticated', messages.notAuthenticated())
  if (doc.state !== 'approved') return deny('not-approved', messages.notApproved(doc.state))
  if (!actorHasRoleFor(actor, publish)) return deny('role', messages.role(publish))
  if (input.contentChanged) return deny('changed-after-approval', messages.changedAfterApproval())
  return decideTransition({ doc, actor, transition: 'publish' })
}

/**
 * For the job that runs a scheduled publish: it has no user, so it asks only
 * whether the document is still approved (an edit or takedown since scheduling
 * voids the schedule) and whether the time has come.
 */
export function decideScheduledPublish(input: { doc: WorkflowDocFacts; now?: Date | string }): TransitionDecision {
  const { doc } = input
  if (!doc.scheduledPublishAt) return deny('not-scheduled', messages.notScheduled())
  if (doc.state !== 'approved') return deny('not-approved', messages.notApproved(doc.state))
  if (toMillis(doc.scheduledPublishAt) > toMillis(input.now ?? new Date())) {
    return deny('not-due', messages.notDue(doc.scheduledPublishAt))
  }
  const effects: TransitionEffects = { facts: afterPublish(doc), live: 'replaceWithWorkingCopy', scheduledFor: null, comment: null }
  return { allowed: true, transition: 'publish', to: 'published', effects }
}

/**
 * For the job that runs a scheduled unpublish: it has no user, so it asks only
 * whether the takedown is still scheduled (an unpublish or a cancel since
 * scheduling clears it), whether something is live to take down, and whether
 * the time has come. Edits and publishes since scheduling do not matter.
 */
export function decideScheduledUnpublish(input: { doc: WorkflowDocFacts; now?: Date | string }): TransitionDecision {
  const { doc } = input
  const at = doc.scheduledUnpublishAt
  if (!at) return deny('not-scheduled-unpublish', messages.notScheduledUnpublish())
  if (!doc.hasLiveVersion) return deny('no-live-version', messages.noLiveVersion(transitionById.unpublish))
  const due = toMillis(at)
  // An unreadable stored time never counts as due: a takedown is not guessed at.
  if (Number.isNaN(due)) return deny('invalid-schedule', messages.invalidStoredUnpublishTime(at))
  if (due > toMillis(input.now ?? new Date())) return deny('not-due', messages.notDueUnpublish(at))
  const effects: TransitionEffects = { facts: afterUnpublish(doc), live: 'remove', scheduledFor: null, comment: null }
  return { allowed: true, transition: 'unpublish', to: 'unpublished', effects }
}
