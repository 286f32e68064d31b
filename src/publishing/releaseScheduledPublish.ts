import type { TaskConfig } from 'payload'

import { RELEASES } from '@/slugs'
import { blockerLines, decideScheduledReleasePublish, releaseBlockers } from '@/workflow'
import { loadReleaseFacts } from './releaseFacts'
import { notifyRelease } from './releaseNotifications'
import { applyReleaseTransition, failScheduledRelease } from './releaseTransition'
import { RELEASE_PUBLISH_TASK } from './schedule'

/**
 * Publishes a release at its scheduled time, on the queue that runs the
 * areas' scheduled publishes. The workflow module decides again: a release
 * cancelled or rescheduled since is left alone; one with an item edited
 * since approval is not published but marked failed, with the reasons, and
 * its owner and the reviewers are e-mailed why (as when the publish itself fails).
 */
export const releaseScheduledPublishTask: TaskConfig = {
  slug: RELEASE_PUBLISH_TASK as never,
  label: 'Schemalagd publicering av publiceringspaket',
  retries: 3,
  inputSchema: [{ name: 'id', type: 'text', required: true }],
  outputSchema: [
    { name: 'done', type: 'checkbox' },
    { name: 'reason', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { id } = input as { id: string }
    const release = await req.payload.findByID({ collection: RELEASES, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!release) return { output: { done: false, reason: 'Publiceringspaketet finns inte längre.' } }
    const loaded = await loadReleaseFacts(req, release)
    const decision = decideScheduledReleasePublish({ release: loaded, now: new Date() })
    if (!decision.allowed) {
      if (decision.rule === 'items-not-ready') {
        await failScheduledRelease(req, release, decision.items?.length ? decision.items.map((item) => `"${item.title}": ${item.reason}.`) : [decision.message])
        await notifyRelease(req, release, 'releaseNotPublished', blockerLines(releaseBlockers(loaded)))
      }
      return { output: { done: false, reason: decision.message } }
    }
    const outcome = await applyReleaseTransition(req, release, loaded, decision, { scheduled: true })
    if (!outcome.ok) await notifyRelease(req, release, 'releaseNotPublished', outcome.reasons)
    return { output: { done: outcome.ok, reason: outcome.ok ? null : outcome.message } }
  },
}
