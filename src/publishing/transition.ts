/**
 * Carrying out a transition the workflow module has allowed, for one page:
 * what publishing (or unpublishing, approving, …) one page writes. Called by
 * the workflow endpoint (POST /api/<collection>/:id/workflow) and by the
 * scheduled publish and unpublish jobs, each inside a transaction it opened
 * (`inTransaction`); a release of many pages can call `applyTransition` in a
 * loop inside one transaction.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { changedFields } from '@/audit/changes'
import { comparedFields } from '@/audit/fields'
import { recordAudit } from '@/audit/record'
import type { Area } from '@/payload-types'
import { COMMENTS } from '@/slugs'
import type { Allowed, WorkflowState } from '@/workflow'
import { withDecidedTransition } from '@/pipeline/context'
import { queueScheduledTransition } from './schedule'

/** The page a transition applies to, as read before deciding (its working copy). */
export type TransitionTarget = {
  collection: string
  id: string
  working: Pick<Area, 'title'>
  /** The working copy's state the decision was made from (for the audit entry). */
  from: WorkflowState
}

/**
 * Writes one allowed transition: the document (through the save pipeline,
 * which writes snapshot, record and webhooks), the scheduled job, the comment
 * and the audit entry. Must run inside the caller's transaction, so that all
 * of it is written or none.
 */
export type ApplyOptions = {
  /** Run by the job runner at its scheduled time. */
  scheduled?: boolean
  /** Written with the transition (a release's recall: the content of the version before the release, with the revision it is at). */
  content?: Record<string, unknown>
  /** More for the audit entry (the release an item was published with). */
  details?: Record<string, unknown>
  /** Stated in the public record with the version this publishes (a recall's reason). */
  recordNote?: string
}

export async function applyTransition(req: PayloadRequest, target: TransitionTarget, decision: Allowed, options: ApplyOptions = {}): Promise<void> {
  const { collection, id, working, from } = target
  const { effects } = decision
  const status = effects.live === 'replaceWithWorkingCopy' ? 'published' : effects.live === 'remove' ? 'draft' : undefined
  const decided = { transition: decision.transition, facts: effects.facts, live: effects.live, scheduledFor: effects.scheduledFor, recordNote: options.recordNote ?? null }
  // A publish's audit entry says what readers will see change: the working copy against the page live before it.
  const liveBefore = effects.live === 'replaceWithWorkingCopy' ? await liveDocument(req, collection, id) : null
  const saved = await withDecidedTransition(req, decided, () =>
    req.payload.update({
      collection: collection as 'areas',
      id,
      data: { ...options.content, ...(status ? { _status: status } : {}) },
      // 'keep' records the new facts as a draft version beside the live one.
      draft: effects.live === 'keep',
      // Ids are enough: every hook after the save reads ids (a snapshot joins relations at read time), and so does the audit's comparison.
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
  if (effects.scheduledFor) {
    await queueScheduledTransition(req, decision.transition === 'unpublish' ? 'unpublish' : 'publish', collection, id, effects.scheduledFor)
  }
  if (effects.comment) {
    await req.payload.create({
      collection: COMMENTS,
      overrideAccess: true,
      req,
      data: { collectionSlug: collection, documentId: id, documentTitle: working.title ?? null, transition: decision.transition, text: effects.comment },
    })
  }
  await recordAudit(req, {
    action: effects.live === 'replaceWithWorkingCopy' ? 'publish' : effects.live === 'remove' ? 'unpublish' : 'transition',
    details: auditDetails(options, effects.scheduledFor, effects.live === 'replaceWithWorkingCopy' ? changedFields(liveBefore, saved, comparedFields(req.payload.collections[collection as 'areas'].config.fields)) : null),
    collection,
    documentId: id,
    documentTitle: working.title ?? null,
    transition: decision.transition,
    fromState: from,
    toState: effects.facts.state,
    comment: effects.comment,
  })
}

/** The live version readers see now, or null when the page is not live (never published, unpublished). */
async function liveDocument(req: PayloadRequest, collection: string, id: string): Promise<Area | null> {
  const live = await req.payload.findByID({ collection: collection as 'areas', id, draft: false, depth: 0, overrideAccess: true, req, disableErrors: true })
  return live?._status === 'published' ? live : null
}

function auditDetails(options: ApplyOptions, scheduledFor: string | null, changed: string[] | null): Record<string, unknown> | null {
  const details = { ...(options.scheduled ? { scheduled: true } : scheduledFor ? { scheduledFor } : {}), ...(changed ? { changedFields: changed } : {}), ...options.details }
  return Object.keys(details).length ? details : null
}

/** Runs `work` in the request's transaction, opening (and committing or rolling back) one if it has none. */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const own = await initTransaction(req)
  try {
    const result = await work()
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}
