import type { PayloadRequest, TaskConfig } from 'payload'

import { recordAudit } from '@/audit/record'
import { decideScheduledPublish, decideScheduledUnpublish } from '@/workflow'
import { factsFromDocument, hasLiveVersion } from './facts'
import { DECIDED_FACTS, TRANSITION_IN_PROGRESS } from './hooks'
import { notifyWorkflowEvent } from './notifications'

export const SCHEDULED_PUBLISH_TASK = 'workflowScheduledPublish'
export const SCHEDULED_UNPUBLISH_TASK = 'workflowScheduledUnpublish'
export const WORKFLOW_QUEUE = 'workflow'

/**
 * Publishes an approved draft at its scheduled time. The workflow module
 * decides again when the job runs: a draft edited after approval (or a
 * cancelled schedule) is not published, and the editors are told why.
 */
export const scheduledPublishTask: TaskConfig = {
  slug: SCHEDULED_PUBLISH_TASK,
  label: 'Schemalagd publicering',
  retries: 3,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'published', type: 'checkbox' },
    { name: 'reason', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: 'areas'; id: string }
    const working = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!working) return { output: { published: false, reason: 'Dokumentet finns inte längre.' } }
    const facts = factsFromDocument(working, await hasLiveVersion(req, collection, id))
    const decision = decideScheduledPublish({ doc: facts, now: new Date() })
    if (!decision.allowed) {
      await reportSkipped(req, collection, id, working.title, facts.editors, decision.rule, decision.message)
      return { output: { published: false, reason: decision.message } }
    }
    await req.payload.update({
      collection,
      id,
      data: { _status: 'published' },
      draft: false,
      overrideAccess: true,
      req,
      context: { [DECIDED_FACTS]: decision.effects.facts, [TRANSITION_IN_PROGRESS]: 'publish' },
    })
    await recordAudit(req, {
      action: 'publish',
      collection,
      documentId: id,
      documentTitle: working.title,
      transition: 'publish',
      fromState: facts.state,
      toState: 'published',
      details: { scheduled: true },
    })
    await notifyWorkflowEvent(req, { collection, id, title: working.title, event: 'published', editors: facts.editors, comment: null })
    return { output: { published: true, reason: null } }
  },
}

async function reportSkipped(
  req: PayloadRequest,
  collection: string,
  id: string,
  title: string,
  editors: readonly (number | string)[],
  rule: string,
  message: string,
) {
  await recordAudit(req, { action: 'transition', collection, documentId: id, documentTitle: title, transition: 'publish', comment: message, details: { scheduled: true, skipped: rule } })
  // A cancelled schedule needs no e-mail; an edit after approval was reported when it was saved.
  if (rule !== 'not-scheduled') {
    await notifyWorkflowEvent(req, { collection, id, title, event: 'scheduledPublishFailed', editors, comment: message })
  }
}

/** Queues a publish or unpublish for its time; the job decides again when it runs. */
export async function queueScheduledTransition(
  req: PayloadRequest,
  kind: 'publish' | 'unpublish',
  collection: string,
  id: string,
  at: string,
): Promise<void> {
  await req.payload.jobs.queue({
    task: (kind === 'publish' ? SCHEDULED_PUBLISH_TASK : SCHEDULED_UNPUBLISH_TASK) as never,
    input: { collection, id } as never,
    queue: WORKFLOW_QUEUE,
    waitUntil: new Date(at),
    req,
  })
}

/**
 * Takes a page down at its scheduled time (e.g. results that are only valid
 * until a date), if the schedule still stands when the job runs.
 */
export const scheduledUnpublishTask: TaskConfig = {
  slug: SCHEDULED_UNPUBLISH_TASK,
  label: 'Schemalagd avpublicering',
  retries: 3,
  inputSchema: scheduledPublishTask.inputSchema,
  outputSchema: [
    { name: 'unpublished', type: 'checkbox' },
    { name: 'reason', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: 'areas'; id: string }
    const working = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!working) return { output: { unpublished: false, reason: 'Dokumentet finns inte längre.' } }
    const facts = factsFromDocument(working, await hasLiveVersion(req, collection, id))
    const decision = decideScheduledUnpublish({ doc: facts, now: new Date() })
    if (!decision.allowed) return { output: { unpublished: false, reason: decision.message } }
    await req.payload.update({
      collection,
      id,
      data: { _status: 'draft' },
      draft: false,
      overrideAccess: true,
      req,
      context: { [DECIDED_FACTS]: decision.effects.facts, [TRANSITION_IN_PROGRESS]: 'unpublish' },
    })
    await recordAudit(req, {
      action: 'unpublish',
      collection,
      documentId: id,
      documentTitle: working.title,
      transition: 'unpublish',
      fromState: facts.state,
      toState: decision.effects.facts.state,
      details: { scheduled: true },
    })
    await notifyWorkflowEvent(req, { collection, id, title: working.title, event: 'unpublished', editors: facts.editors, comment: null })
    return { output: { unpublished: true, reason: null } }
  },
}
