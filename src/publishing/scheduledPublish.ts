import type { TaskConfig } from 'payload'

import { recordAudit } from '@/audit/record'
import type { NotificationEvent } from '@/notifications/templates'
import { decideScheduledPublish, decideScheduledUnpublish, type WorkflowDocFacts, type TransitionDecision } from '@/workflow'
import { factsFromDocument, hasLiveVersion } from './facts'
import { notifyWorkflowEvent } from './notifications'
import { SCHEDULED_PUBLISH_TASK, SCHEDULED_UNPUBLISH_TASK, type ScheduledKind as Kind } from './schedule'
import { applyTransition, inTransaction } from './transition'

export { SCHEDULED_PUBLISH_TASK, SCHEDULED_UNPUBLISH_TASK, WORKFLOW_QUEUE, queueScheduledTransition } from './schedule'

/** What differs between a scheduled publish and a scheduled unpublish; the rest is one job. */
const SCHEDULED: Record<
  Kind,
  {
    task: string
    label: string
    decide: (input: { doc: WorkflowDocFacts; now?: Date }) => TransitionDecision
    event: NotificationEvent
    /** Told to the editors when the job finds it must not run (null: nobody needs telling). */
    skippedEvent: NotificationEvent | null
  }
> = {
  publish: {
    task: SCHEDULED_PUBLISH_TASK,
    label: 'Schemalagd publicering',
    decide: decideScheduledPublish,
    event: 'published',
    skippedEvent: 'scheduledPublishFailed',
  },
  unpublish: {
    task: SCHEDULED_UNPUBLISH_TASK,
    label: 'Schemalagd avpublicering',
    decide: decideScheduledUnpublish,
    event: 'unpublished',
    skippedEvent: null,
  },
}

/**
 * Publishes (or takes down) a page at its scheduled time. The workflow module
 * decides again when the job runs: a draft edited after approval, or a
 * cancelled schedule, is not carried out.
 */
function scheduledTransitionTask(kind: Kind): TaskConfig {
  const spec = SCHEDULED[kind]
  return {
    slug: spec.task as never,
    label: spec.label,
    retries: 3,
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
    ],
    outputSchema: [
      { name: 'done', type: 'checkbox' },
      { name: 'reason', type: 'text' },
    ],
    handler: async ({ input, req }) => {
      const { collection, id } = input as { collection: 'areas'; id: string }
      const working = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })
      if (!working) return { output: { done: false, reason: 'Dokumentet finns inte längre.' } }
      const facts = factsFromDocument(working, await hasLiveVersion(req, collection, id))
      const notify = (event: NotificationEvent, comment: string | null) =>
        notifyWorkflowEvent(req, { collection, id, title: working.title, event, editors: facts.editors, comment })
      const decision = spec.decide({ doc: facts, now: new Date() })
      if (!decision.allowed) {
        await recordAudit(req, {
          action: 'transition',
          collection,
          documentId: id,
          documentTitle: working.title,
          transition: kind,
          comment: decision.message,
          details: { scheduled: true, skipped: decision.rule },
        })
        // A cancelled schedule needs no e-mail; an edit after approval was reported when it was saved.
        if (spec.skippedEvent && !decision.rule.startsWith('not-scheduled')) await notify(spec.skippedEvent, decision.message)
        return { output: { done: false, reason: decision.message } }
      }
      // The same write as a reviewer's publish or unpublish; the page and its audit entry together.
      await inTransaction(req, () => applyTransition(req, { collection, id, working, from: facts.state }, decision, { scheduled: true }))
      await notify(spec.event, null)
      return { output: { done: true, reason: null } }
    },
  }
}

export const scheduledPublishTask = scheduledTransitionTask('publish')
export const scheduledUnpublishTask = scheduledTransitionTask('unpublish')
