import { type Role } from '@/access/roles'

import { type WorkflowState } from './states'
import { type TransitionId } from './transitions'

export type ActorId = string | number

/** null is an anonymous visitor. */
export type WorkflowActor = { id: ActorId; roles: readonly Role[] } | null

/** What the workflow needs to know about one document. */
export type WorkflowDocFacts = {
  /** State of the working copy (see ./states). */
  state: WorkflowState
  /** Everyone who changed the draft since the last publish; they may not approve it. */
  editors: readonly ActorId[]
  /** Whether a published version is live, possibly beside a newer draft. */
  hasLiveVersion: boolean
  /** ISO time of a scheduled publish; absent or null when none is scheduled. */
  scheduledPublishAt?: string | null
  /**
   * ISO time of a scheduled unpublish (takedown of the live page); absent or
   * null when none is scheduled. It concerns the live page, not the draft, so
   * edits and publishes keep it; only an unpublish or a cancel clears it.
   */
  scheduledUnpublishAt?: string | null
}

/** Why something was refused; each has its own Swedish message in ./messages. */
export type DenyRule =
  | 'unknown-transition'
  | 'not-authenticated'
  | 'role'
  | 'wrong-state'
  | 'no-live-version'
  | 'not-scheduled'
  | 'not-scheduled-unpublish'
  | 'four-eyes'
  | 'comment-required'
  | 'schedule-not-supported'
  | 'invalid-schedule'
  | 'schedule-in-past'
  | 'not-approved'
  | 'changed-after-approval'
  | 'not-due'

export type TransitionEffects = {
  /**
   * The facts to store now. For a scheduled publish the state stays 'approved'
   * until the job runs; for a scheduled unpublish nothing but the time changes.
   */
  facts: WorkflowDocFacts
  /** What happens to the live version now. */
  live: 'keep' | 'replaceWithWorkingCopy' | 'remove'
  /** ISO time the publish or unpublish takes effect; null when the transition takes effect now. */
  scheduledFor: string | null
  /** The trimmed comment or reason to log, null when none was given. */
  comment: string | null
}

export type Allowed = { allowed: true; transition: TransitionId; to: WorkflowState; effects: TransitionEffects }
export type Denied = { allowed: false; rule: DenyRule; message: string }
export type TransitionDecision = Allowed | Denied
