/**
 * Everything one hook of a save passes to another, in one place and typed.
 *
 * Payload's `req.context` is an untyped bag shared by every hook of a request
 * (and, because the local API merges a call's `context` into `req.context`,
 * by the nested saves that pass the same `req`). Nothing else in the code
 * reads or writes `req.context` keys of the save pipeline: only the accessors
 * below, each saying who sets it and who reads it.
 *
 * This module sits low (types from src/workflow, src/domain and
 * src/domain/revision only), so the workflow, the revision check, the
 * snapshots, the webhooks, the audit log and the sign-in's account writes can
 * all depend on it without depending on each other.
 */
import type { PayloadRequest, RequestContext } from 'payload'

import type { RevisionClaim } from '@/domain/revision'
import type { PublishDates } from '@/domain/publishDates'
import type { TransitionEffects, TransitionId, WorkflowDocFacts } from '@/workflow'

/** What happens to the live version (the workflow's decision, see src/workflow/types.ts). */
export type LiveEffect = TransitionEffects['live']

/**
 * A transition the workflow module has already allowed, being applied by
 * src/publishing/transition.ts. Its hooks then apply the decision instead of
 * deciding again (enforceWorkflow), skip their own audit entry (the
 * transition writes its own), and take the live page down ('remove').
 */
export type DecidedTransition = {
  transition: TransitionId
  /** Taken once by enforceWorkflow (beforeChange); absent afterwards. */
  facts?: WorkflowDocFacts
  live: LiveEffect
  /** Set for a publish or unpublish scheduled for later (the webhooks' 'area.scheduled'). */
  scheduledFor: string | null
  /** Why this version was published, stated in the public record beside what changed (a release's recall and its reason). */
  recordNote?: string | null
}

const DECIDED = 'workflowDecided'
const TRASH_INTENT = 'workflowTrashIntent'
const CLAIMS = 'revisionClaims'
const IMPORTED_DATES = 'importedPublishDates'
const LIVE_CHANGES = 'deliveryLiveChanges'
const AUDIT_APPEND = 'auditAppend'
const DIRECTORY_ROLES = 'rolesFromDirectory'
const RELEASE_TRANSITION = 'releaseTransition'

/** Runs `save` with the decided transition visible to the hooks; removed afterwards, also on failure. */
export async function withDecidedTransition<T>(req: PayloadRequest, decided: DecidedTransition, save: () => Promise<T>): Promise<T> {
  req.context[DECIDED] = decided
  try {
    return await save()
  } finally {
    // The local API replaces req.context with a merged copy: delete from whatever it is now.
    delete req.context[DECIDED]
  }
}

/** The transition being applied, if any (read by the workflow, audit, snapshot and webhook hooks). */
export const decidedTransition = (context: RequestContext): DecidedTransition | undefined => context[DECIDED] as DecidedTransition | undefined

/** The decided facts, once: the save's own beforeChange takes them, nested saves of the same req do not. */
export function takeDecidedFacts(context: RequestContext): WorkflowDocFacts | undefined {
  const decided = decidedTransition(context)
  const facts = decided?.facts
  if (decided) delete decided.facts
  return facts
}

/** Set by draftUnlessPublishing (beforeOperation) for a save that moves a page to or from the trash; read by enforceWorkflow. */
export function markTrashIntent(req: PayloadRequest): void {
  req.context[TRASH_INTENT] = true
}
export const isTrashIntent = (context: RequestContext): boolean => Boolean(context[TRASH_INTENT])

/** Payload's own flag (set by restoreVersion): the save restores an older version. */
export const isRestoringVersion = (context: RequestContext): boolean => Boolean(context.isRestoringVersion)

/** What a save sent, recorded before Payload merges it (src/concurrency/hooks.ts): its revision, its data. */
export type RevisionClaimRecord = RevisionClaim & { data: unknown }

/** The revision claims of this request, by `collection:id` (`collection:*` for a bulk edit); created on first use. */
export function revisionClaims(req: PayloadRequest): Record<string, RevisionClaimRecord> {
  const existing = req.context[CLAIMS] as Record<string, RevisionClaimRecord> | undefined
  if (existing) return existing
  const claims: Record<string, RevisionClaimRecord> = {}
  req.context[CLAIMS] = claims
  return claims
}

/** The importer carries the dates of the page file it imports: pass as the save's `context`. */
export const importContext = (dates: PublishDates): RequestContext => ({ [IMPORTED_DATES]: dates })
/** Read by stampPublishDates and the publication record: an imported version keeps its old site's dates. */
export const importedPublishDates = (context: RequestContext): PublishDates | undefined => context[IMPORTED_DATES] as PublishDates | undefined

/** What a save did to the public site, recorded by the snapshot hooks and announced by the webhook hooks after them. */
export type LiveChange = 'published' | 'unpublished'

function liveChanges(context: RequestContext): Map<string, LiveChange> {
  const existing = context[LIVE_CHANGES] as Map<string, LiveChange> | undefined
  if (existing) return existing
  const changes = new Map<string, LiveChange>()
  context[LIVE_CHANGES] = changes
  return changes
}

/** By document: a bulk edit runs the hooks of several documents in one request. */
export function recordLiveChange(req: PayloadRequest, id: number | string, change: LiveChange): void {
  liveChanges(req.context).set(String(id), change)
}

/** The document's live change, once. */
export function takeLiveChange(req: PayloadRequest, id: number | string): LiveChange | undefined {
  const changes = liveChanges(req.context)
  const change = changes.get(String(id))
  changes.delete(String(id))
  return change
}

/** The only way to write to the audit log (its hooks refuse every other write, also from the local API). */
export const auditAppendContext = (): RequestContext => ({ [AUDIT_APPEND]: true })
export const isAuditAppend = (context: RequestContext): boolean => context[AUDIT_APPEND] === true

/** The roles a sign-in read from the directory: which claim, which values (set by src/sso/applySignIn.ts). */
export type DirectoryRoles = { claim: string; values: string[] }
/** The context of a sign-in's account write: the Users hooks let the directory's roles through and keep where they came from. */
export const directoryContext = (roles: DirectoryRoles): RequestContext => ({ [DIRECTORY_ROLES]: roles })
/** Read by the Users hooks: set only for a write made by a sign-in with the municipality's account. */
export const directoryRoles = (context: RequestContext | undefined): DirectoryRoles | undefined => context?.[DIRECTORY_ROLES] as DirectoryRoles | undefined

/**
 * A release transition the workflow module has allowed, being written by
 * src/publishing/releaseTransition.ts: the release's hooks then let its
 * server-only fields (state, times, reasons, record) through and skip their
 * own audit entry. Removed afterwards, also on failure.
 */
export async function withReleaseTransition<T>(req: PayloadRequest, save: () => Promise<T>): Promise<T> {
  req.context[RELEASE_TRANSITION] = true
  try {
    return await save()
  } finally {
    delete req.context[RELEASE_TRANSITION]
  }
}
/** Read by the release collection's hooks (collections/Releases/hooks.ts). */
export const isReleaseTransition = (context: RequestContext | undefined): boolean => context?.[RELEASE_TRANSITION] === true
