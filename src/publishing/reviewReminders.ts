import type { TaskConfig } from 'payload'

import { recordAudit } from '@/audit/record'
import { AREAS, AUDIT_LOG } from '@/slugs'
import { reminderHorizon } from '@/domain/reviewDue'
import { loadEnv } from '@/env'
import { sendNotification } from '@/notifications/notify'
import { WORKFLOW_QUEUE } from './scheduledPublish'

export const REVIEW_REMINDERS_TASK = 'reviewDueReminders'

/**
 * Daily: e-mails each page owner whose page must be looked over within 14
 * days, once per review-by date (the audit log remembers what was sent).
 */
export const reviewRemindersTask: TaskConfig = {
  slug: REVIEW_REMINDERS_TASK,
  label: 'Påminnelser om översyn',
  schedule: [{ cron: '0 0 6 * * *', queue: WORKFLOW_QUEUE }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ req }) => {
    const env = loadEnv()
    const { docs } = await req.payload.find({
      collection: AREAS,
      draft: true,
      depth: 1,
      pagination: false,
      overrideAccess: true,
      req,
      where: { reviewBy: { less_than_equal: reminderHorizon().toISOString() } },
    })
    let sent = 0
    for (const page of docs) {
      const owner = page.owner && typeof page.owner === 'object' ? page.owner : null
      if (!owner?.email || !page.reviewBy) continue
      const already = await req.payload.count({
        collection: AUDIT_LOG,
        overrideAccess: true,
        req,
        where: {
          and: [
            { action: { equals: 'reviewReminder' } },
            { documentId: { equals: String(page.id) } },
            { comment: { equals: page.reviewBy } },
          ],
        },
      })
      if (already.totalDocs > 0) continue
      const result = await sendNotification(req.payload, {
        event: 'reviewDue',
        to: [owner.email],
        data: {
          documentTitle: page.title,
          documentUrl: `${env.serverUrl}/admin/collections/${AREAS}/${page.id}`,
          actorName: owner.name ?? owner.email,
          dueDate: page.reviewBy,
          municipality: env.municipality,
        },
      })
      if (!result.sent) continue
      sent += 1
      // The comment holds the date reminded for, so a changed date is reminded again.
      await recordAudit(req, { action: 'reviewReminder', collection: AREAS, documentId: page.id, documentTitle: page.title, comment: page.reviewBy })
    }
    return { output: { sent } }
  },
}
