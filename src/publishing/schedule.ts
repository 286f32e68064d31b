import type { PayloadRequest } from 'payload'

/** The jobs that carry out a scheduled publish or unpublish (src/publishing/scheduledPublish.ts), and their queue. */
export const SCHEDULED_PUBLISH_TASK = 'workflowScheduledPublish'
export const SCHEDULED_UNPUBLISH_TASK = 'workflowScheduledUnpublish'
export const WORKFLOW_QUEUE = 'workflow'

export type ScheduledKind = 'publish' | 'unpublish'

const TASK: Record<ScheduledKind, string> = { publish: SCHEDULED_PUBLISH_TASK, unpublish: SCHEDULED_UNPUBLISH_TASK }

/** Queues a publish or unpublish for its time; the job decides again when it runs. */
export async function queueScheduledTransition(
  req: PayloadRequest,
  kind: ScheduledKind,
  collection: string,
  id: string,
  at: string,
): Promise<void> {
  await req.payload.jobs.queue({
    // The task slugs are ours; Payload's generated job types list them only after generate:types.
    task: TASK[kind] as never,
    input: { collection, id } as never,
    queue: WORKFLOW_QUEUE,
    waitUntil: new Date(at),
    req,
  })
}

/** The job that publishes a scheduled release (src/publishing/releaseScheduledPublish.ts), on the same queue. */
export const RELEASE_PUBLISH_TASK = 'releaseScheduledPublish'

/** Queues a release's publish for its time; the job decides again when it runs (a cancel or reschedule makes it a no-op). */
export async function queueReleasePublish(req: PayloadRequest, id: string | number, at: string): Promise<void> {
  await req.payload.jobs.queue({
    task: RELEASE_PUBLISH_TASK as never,
    input: { id: String(id) } as never,
    queue: WORKFLOW_QUEUE,
    waitUntil: new Date(at),
    req,
  })
}
