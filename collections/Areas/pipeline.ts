/**
 * What happens, in order, when an area is saved, published or deleted. The
 * one list of its hooks: `withStages(Areas, areaPipeline)` in payload.config.ts.
 * Per hook kind, hooks run in the order of the stages below; what one hook
 * tells a later one travels only through src/pipeline/context.ts.
 *
 * Stages, in order:
 *  1. workflow      – refuses first (four eyes, drafts beside the live page), before anything is written.
 *  2. revisions     – the revision check claims the next revision before any write (optimistic concurrency).
 *  3. trash         – restoring from the trash takes delete access; deleting for good only a never-published page.
 *  4. resultOrder   – the result sets stored newest year first, on the data the workflow let through.
 *  5. publishDates  – "Publicerad"/"Senast uppdaterad" stamped last before the write, on that data.
 *  6. snapshots     – after the write, in its transaction: the public snapshot and record follow the live version.
 *  7. webhooks      – after the snapshots, which record what changed on the site; queued in the same transaction.
 *  8. audit         – after the change is certain to be written: the save's Händelselogg entry.
 *  9. scheduleNotice – last: an edit after approval dropped a scheduled publish, so the editors are told.
 *
 * An area is SAVED (admin, REST, GraphQL, local API; create or update):
 *   beforeOperation  draftUnlessPublishing (1: anything but an allowed publish becomes a draft)
 *                    → recordRevisionClaim (2: what revision the editor sent, before Payload merges it)
 *   beforeChange     enforceWorkflow (1: edit → draft + editor recorded; publish only approved, unchanged, by a reviewer)
 *                    → checkRevision (2: refuse a stale save with 409, claim revision n + 1)
 *                    → guardRestoreFromTrash (3) → orderResultSets (4: the body, when sent)
 *                    → stampPublishDates (5: only when it publishes)
 *   (Payload validates the fields, then writes the version, and the main row when it publishes)
 *   afterChange      syncPublishedSnapshot (6: published → snapshot + record; taken down or trashed → removed)
 *                    → announceChange (7: area.published / area.unpublished / area.scheduled)
 *                    → auditSave (8: skipped for a transition, which writes its own)
 *                    → notifyDroppedSchedule (9)
 *   afterError       keepConflictingText (2: after a refused save's rollback, its text becomes a version)
 *
 * An area is PUBLISHED through POST /api/areas/:id/workflow { transition: "publish" } or its
 * scheduled job: src/publishing/transition.ts `applyTransition`, in one transaction, saves with
 * the workflow's decision in the context (so the save above applies it instead of deciding
 * again, and 6–7 publish it), then queues a scheduled job, stores the comment and writes the
 * audit entry. A trusted server save (the importer) publishes with `_status: 'published'`.
 *
 * An area is DELETED (only from the trash): guardPermanentDelete (3) → (delete) →
 * dropPublishedSnapshot (6) → announceDelete (7) → auditDelete (8).
 */
import { checkRevision, keepConflictingText, recordRevisionClaim } from '@/concurrency/hooks'
import { dropPublishedSnapshot, syncPublishedSnapshot } from '@/delivery/hooks'
import { auditDelete, auditSave, draftUnlessPublishing, enforceWorkflow, notifyDroppedSchedule } from '@/publishing/hooks'
import type { Stage } from '@/pipeline/stage'
import { withWorkflow } from '@/publishing/withWorkflow'
import { announceChange, announceDelete } from '@/webhooks/hooks'
import { guardPermanentDelete, guardRestoreFromTrash, orderResultSets, stampPublishDates } from './hooks'

export const areaPipeline: readonly Stage[] = [
  {
    name: 'workflow',
    why: 'Nothing goes live without review: refuses before anything else runs or writes.',
    extend: withWorkflow,
    hooks: { beforeOperation: [draftUnlessPublishing], beforeChange: [enforceWorkflow] },
  },
  {
    name: 'revisions',
    why: 'Two editors cannot overwrite each other: the claim before the merge, the check before any write, the copy after a rollback.',
    hooks: { beforeOperation: [recordRevisionClaim], beforeChange: [checkRevision], afterError: [keepConflictingText] },
  },
  {
    name: 'trash',
    why: 'Published pages are an official record: restorable from the trash, never deleted for good.',
    hooks: { beforeChange: [guardRestoreFromTrash], beforeDelete: [guardPermanentDelete] },
  },
  {
    name: 'resultOrder',
    why: 'A page lists its years newest first, and so does the stored body, whoever added the result set; before the publish dates, which compare what is written.',
    hooks: { beforeChange: [orderResultSets] },
  },
  {
    name: 'publishDates',
    why: 'The dates readers see are derived from what actually changed, on the data the workflow let through.',
    hooks: { beforeChange: [stampPublishDates] },
  },
  {
    name: 'snapshots',
    why: 'The content API serves only snapshots of live versions, written in the save’s transaction.',
    hooks: { afterChange: [syncPublishedSnapshot], afterDelete: [dropPublishedSnapshot] },
  },
  {
    name: 'webhooks',
    why: 'The web team hears of every change to the public site, queued in the same transaction.',
    hooks: { afterChange: [announceChange], afterDelete: [announceDelete] },
  },
  {
    name: 'audit',
    why: 'Every save, publish, restore and delete is in the Händelselogg, in the same transaction.',
    hooks: { afterChange: [auditSave], afterDelete: [auditDelete] },
  },
  {
    name: 'scheduleNotice',
    why: 'An edit after approval stops a scheduled publish; its editors hear of it at once.',
    hooks: { afterChange: [notifyDroppedSchedule] },
  },
]
