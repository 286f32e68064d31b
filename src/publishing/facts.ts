import type { PayloadRequest } from 'payload'

import { isWorkflowState, type ActorId, type WorkflowDocFacts } from '@/workflow'

type WorkflowFieldValues = {
  workflowState?: unknown
  workflowEditors?: unknown
  workflowScheduledPublishAt?: unknown
  workflowScheduledUnpublishAt?: unknown
  _status?: unknown
}

/** A relationship's id, whether it is stored as the id or populated as the document. */
export const idOf = (value: unknown): ActorId | null =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: ActorId }).id : (value as ActorId | null) ?? null

/** The stored fields of a working copy, plus whether a live version exists, as workflow facts. */
export function factsFromDocument(doc: WorkflowFieldValues | null | undefined, hasLiveVersion: boolean): WorkflowDocFacts {
  const stored = doc?.workflowState
  const state = isWorkflowState(stored) ? stored : doc?._status === 'published' ? 'published' : 'draft'
  const editors = (Array.isArray(doc?.workflowEditors) ? doc.workflowEditors : []).map(idOf).filter((id): id is ActorId => id !== null)
  const timeOf = (value: unknown) => (typeof value === 'string' ? value : null)
  return {
    state,
    editors,
    hasLiveVersion,
    scheduledPublishAt: timeOf(doc?.workflowScheduledPublishAt),
    scheduledUnpublishAt: timeOf(doc?.workflowScheduledUnpublishAt),
  }
}

export function factsToFields(facts: WorkflowDocFacts) {
  return {
    workflowState: facts.state,
    workflowEditors: [...facts.editors],
    workflowScheduledPublishAt: facts.scheduledPublishAt ?? null,
    workflowScheduledUnpublishAt: facts.scheduledUnpublishAt ?? null,
  }
}

/** Whether readers see a published version now: the main row holds it (a draft save writes only a version). */
export async function hasLiveVersion(req: PayloadRequest, collection: string, id: number | string): Promise<boolean> {
  const live = await req.payload
    .findByID({ collection: collection as 'areas', id, draft: false, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  return live?._status === 'published'
}
