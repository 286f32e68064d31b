import { rolesOf } from '@/access/roles'

import { type ActorId, type WorkflowActor, type WorkflowDocFacts } from './types'

/**
 * How the stored facts change. No authorisation here: callers get these
 * through ./decide, or call them after a decision already allowed the change.
 */

/** Ids are numbers on SQLite and strings on MongoDB, so compare them as strings. */
export function sameId(a: ActorId, b: ActorId): boolean {
  return String(a) === String(b)
}

/** Whether this actor changed the draft since the last publish (the four-eyes question). */
export function isEditorOf(doc: WorkflowDocFacts, actorId: ActorId): boolean {
  return doc.editors.some((editor) => sameId(editor, actorId))
}

/**
 * After a content save: the working copy is a draft again (any review or
 * approval was of other content), a scheduled publish is dropped for the same
 * reason, and the actor joins the editors. The live version is untouched.
 * A scheduled unpublish is kept: taking the page down at a time is about the
 * live page, not the draft.
 */
export function recordEdit(doc: WorkflowDocFacts, actorId: ActorId): WorkflowDocFacts {
  const editors = isEditorOf(doc, actorId) ? [...doc.editors] : [...doc.editors, actorId]
  return { ...doc, state: 'draft', editors, scheduledPublishAt: null }
}

/**
 * A draft written by server code without a user (the results import from the
 * command line): a content save like any other, so the page is a draft again
 * and a scheduled publish is dropped; nobody is recorded as its editor (the
 * editor who confirms the imported bullets is, by their own save).
 */
export function recordSystemEdit(doc: WorkflowDocFacts): WorkflowDocFacts {
  return { ...doc, state: 'draft', scheduledPublishAt: null }
}

/**
 * The working copy is now live; a new round of edits starts from nobody.
 * A scheduled unpublish is kept: a new publish does not cancel a takedown.
 */
export function afterPublish(doc: WorkflowDocFacts): WorkflowDocFacts {
  return { ...doc, state: 'published', editors: [], hasLiveVersion: true, scheduledPublishAt: null }
}

/**
 * Nothing is live any more. A pending draft's review or approval is void too,
 * and a scheduled publish is dropped, so nothing comes back without review.
 * A scheduled unpublish is done (or overtaken), so it is cleared as well.
 */
export function afterUnpublish(doc: WorkflowDocFacts): WorkflowDocFacts {
  return {
    ...doc,
    state: 'unpublished',
    editors: [...doc.editors],
    hasLiveVersion: false,
    scheduledPublishAt: null,
    scheduledUnpublishAt: null,
  }
}

/** Payload's req.user (roles as plain strings, unknown ones dropped) → actor. */
export function toWorkflowActor(
  user: { id: ActorId; roles?: readonly string[] | null } | null | undefined,
): WorkflowActor {
  return user ? { id: user.id, roles: rolesOf(user) } : null
}
