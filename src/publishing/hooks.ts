import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'

import { changedFields } from '@/audit/changes'
import { comparedFields } from '@/audit/fields'
import { recordAudit } from '@/audit/record'
import { contentFingerprint } from '@/domain/publishDates'
import { forbidden } from '@/errors'
import type { Area } from '@/payload-types'
import { afterPublish, decideDirectPublish, decideTransition, recordSystemEdit, toWorkflowActor } from '@/workflow'
import { decidedTransition, isRestoringVersion, isTrashIntent, markTrashIntent, takeDecidedFacts } from '@/pipeline/context'
import { factsFromDocument, factsToFields, hasLiveVersion } from './facts'
import { notifyWorkflowEvent } from './notifications'

const RESTORE_AS_DRAFT =
  'Återställning av en version skapar alltid ett utkast som ska granskas innan det publiceras. Välj "Återställ som utkast".'

/**
 * A user's save never writes over the live version: unless it asks to publish
 * (decided in enforceWorkflow), it becomes a draft beside it. This closes
 * `?draft=false` saves, Payload's own unpublish button and bulk edits.
 */
export const draftUnlessPublishing: CollectionBeforeOperationHook<'areas'> = ({ args, operation, req }) => {
  if (!req.user || decidedTransition(req.context)?.facts) return args
  if (operation === 'restoreVersion' && !args.draft) throw forbidden(RESTORE_AS_DRAFT)
  if (operation !== 'create' && operation !== 'update') return args
  // Moving to or from the trash must reach the document's row (a draft save writes only a
  // version); it takes the page down, and a restored page comes back as a draft (enforceWorkflow).
  if (operation === 'update' && sendsTrashMove(args)) {
    markTrashIntent(req)
    return { ...args, draft: false, data: { ...args.data, _status: 'draft' } }
  }
  if ((args.data as { _status?: string } | undefined)?._status === 'published') return args
  return { ...args, draft: true, data: { ...args.data, _status: 'draft' } }
}

/**
 * Every save passes the workflow module: an edit makes the working copy a
 * draft and records the editor (four-eyes); a publish is allowed only for an
 * approved, unchanged draft by a reviewer or admin.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Area> = async ({ collection, context, data, operation, originalDoc, req }) => {
  const decided = takeDecidedFacts(context)
  if (decided) return { ...data, ...factsToFields(decided) }
  const live = operation === 'update' && originalDoc ? await hasLiveVersion(req, collection.slug, originalDoc.id) : false
  const facts = factsFromDocument(originalDoc, live)
  // Only a save that sends deletedAt moves (data holds just what was sent: a content save to a
  // trashed page is an edit, not a restore).
  if (operation === 'update' && 'deletedAt' in data && trashChange(originalDoc, data)) {
    // Trashed: off the site, schedules dropped. Restored: a draft that goes through review again.
    // Who may do either is the collection's delete access (Payload checks it for the trash).
    return { ...data, _status: 'draft', ...factsToFields({ ...facts, state: 'draft', scheduledPublishAt: null, scheduledUnpublishAt: null }) }
  }
  // Written to the row like a trash move, but nothing moves: that would take the live page down unreviewed.
  if (isTrashIntent(context)) throw forbidden(originalDoc?.deletedAt ? 'Sidan ligger redan i papperskorgen.' : 'Sidan ligger inte i papperskorgen.', 'deletedAt')
  const actor = toWorkflowActor(req.user)
  if (!actor) {
    // Server code without a user (importer, seeding) is trusted: it publishes as it says, and a draft
    // it writes to an existing page is a content save like an editor's (the results import).
    const trusted = data._status === 'published' ? afterPublish(facts) : operation === 'update' && data._status === 'draft' ? recordSystemEdit(facts) : facts
    return { ...data, ...factsToFields(trusted) }
  }
  if (data._status === 'published' && !isRestoringVersion(context)) {
    const contentChanged = contentFingerprint(originalDoc) !== contentFingerprint({ ...originalDoc, ...data })
    const decision = decideDirectPublish({ doc: facts, actor, contentChanged })
    if (!decision.allowed) throw forbidden(decision.message, '_status')
    return { ...data, ...factsToFields(decision.effects.facts) }
  }
  const decision = decideTransition({ doc: facts, transition: 'edit', actor })
  if (!decision.allowed) throw forbidden(decision.message)
  return { ...data, _status: 'draft', ...factsToFields(decision.effects.facts) }
}

export const auditSave: CollectionAfterChangeHook<Area> = async ({ collection, context, doc, previousDoc, req }) => {
  // A transition writes its own entry (src/publishing/transition.ts).
  if (decidedTransition(context)) return doc
  const restoring = isRestoringVersion(context)
  const published = doc._status === 'published' && !restoring
  const trash = trashChange(previousDoc, doc)
  await recordAudit(req, {
    action: trash ?? (restoring ? 'restore' : published ? 'publish' : 'save'),
    collection: collection.slug,
    documentId: doc.id,
    documentTitle: doc.title ?? null,
    fromState: previousDoc?.workflowState ?? null,
    toState: doc.workflowState ?? null,
    // What this save changed against the working copy before it (for a restore: the version brought back against it).
    details: trash ? null : { changedFields: changedFields(previousDoc, doc, comparedFields(collection.fields)) },
  })
  return doc
}

/**
 * A save meant to move to the trash (`deletedAt` set) or back (`deletedAt: null` on a query over
 * the trash, `?trash=true`, as the admin's restore sends it). The edit form also sends
 * `deletedAt: null` (a hidden field), without `trash`: that is an ordinary save.
 */
function sendsTrashMove(args: { data?: unknown; trash?: boolean }): boolean {
  const data = args.data as { deletedAt?: unknown } | undefined
  if (!data || typeof data !== 'object' || !('deletedAt' in data)) return false
  return data.deletedAt != null || args.trash === true
}

/** 'trash' when a save moves the document to the trash, 'restoreFromTrash' when it brings it back. */
export function trashChange(before: { deletedAt?: unknown } | null | undefined, after: { deletedAt?: unknown } | null | undefined) {
  const was = Boolean(before?.deletedAt)
  const is = Boolean(after?.deletedAt)
  return !was && is ? ('trash' as const) : was && !is ? ('restoreFromTrash' as const) : null
}

export const auditDelete: CollectionAfterDeleteHook<Area> = async ({ collection, doc, req }) => {
  await recordAudit(req, { action: 'delete', collection: collection.slug, documentId: doc.id, documentTitle: doc.title ?? null })
}

/**
 * An edit after approval drops a scheduled publish (unreviewed content never
 * goes live on a timer); the page's editors are told at once.
 */
export const notifyDroppedSchedule: CollectionAfterChangeHook<Area> = async ({ collection, doc, previousDoc, req }) => {
  if (!previousDoc?.workflowScheduledPublishAt || doc.workflowScheduledPublishAt || doc.workflowState === 'published') return doc
  const facts = factsFromDocument(doc, false)
  await notifyWorkflowEvent(req, {
    collection: collection.slug,
    id: doc.id,
    title: doc.title ?? String(doc.id),
    event: 'scheduledPublishFailed',
    editors: facts.editors,
    comment: 'Utkastet ändrades efter godkännandet, så den schemalagda publiceringen är stoppad. Skicka det till granskning igen.',
  })
  return doc
}
