import type { PayloadRequest, TaskConfig } from 'payload'

import { recordAudit } from '@/audit/record'
import { loadEnv } from '@/env'
import type { Release } from '@/payload-types'
import { AUDIT_LOG, RELEASES } from '@/slugs'
import { blockerLines, dueReleaseWarning, leadLabel, releaseBlockers } from '@/workflow'
import { loadReleaseFacts } from './releaseFacts'
import { notifyRelease } from './releaseNotifications'
import { WORKFLOW_QUEUE } from './schedule'

export const RELEASE_WARNINGS_TASK = 'releaseWarnings'

type CheckDetails = { publishAt?: unknown; leadMs?: unknown }

/** The leads already checked for this planned time: the audit log remembers each check, so it is made once. */
async function checkedLeads(req: PayloadRequest, release: Release, publishAt: string): Promise<number[]> {
  const { docs } = await req.payload.find({
    collection: AUDIT_LOG,
    where: { and: [{ action: { equals: 'releaseCheck' } }, { collectionSlug: { equals: RELEASES } }, { documentId: { equals: String(release.id) } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const at = Date.parse(publishAt)
  // A reschedule is a new planned time: its checks start over.
  return docs.flatMap((entry) => {
    const details = (entry.details ?? {}) as CheckDetails
    return typeof details.publishAt === 'string' && Date.parse(details.publishAt) === at && typeof details.leadMs === 'number' ? [details.leadMs] : []
  })
}

/** Checks one release for the lead that is due; true when someone was warned. */
async function checkRelease(req: PayloadRequest, release: Release, publishAt: string, leadMs: number): Promise<boolean> {
  const blockers = releaseBlockers(await loadReleaseFacts(req, release))
  const lines = blockerLines(blockers)
  let recipients = 0
  if (blockers.length) {
    const notice = await notifyRelease(req, release, 'releaseWarning', lines)
    // Not recorded when the mail server refused: the next run tries again.
    if (notice.error) return false
    recipients = notice.sent ? notice.recipients : 0
  }
  const when = `Kontroll ${leadLabel(leadMs)} före den planerade publiceringen`
  await recordAudit(req, {
    action: 'releaseCheck',
    collection: RELEASES,
    documentId: release.id,
    documentTitle: release.name,
    comment: blockers.length ? `${when}: ${lines.join(' ')} Förvarning skickad till ${recipients} mottagare.` : `${when}: inget hindrar publiceringen.`,
    details: { publishAt, leadMs, blockers: blockers.map((blocker) => ({ id: blocker.itemId, code: blocker.code })), recipients },
  })
  return recipients > 0
}

/**
 * Every minute: each scheduled release whose planned time is within a lead
 * (RELEASE_WARNING_LEADS, 24 h and 1 h by default) is checked again, once per
 * lead, as the publish job will decide at the time. If anything would stop
 * it, the owner and the reviewers are e-mailed what and why; a release that
 * nothing stops sends no e-mail (nobody needs to act), but the check is logged.
 */
export const releaseWarningsTask: TaskConfig = {
  slug: RELEASE_WARNINGS_TASK,
  label: 'Förvarningar om publiceringspaket',
  schedule: [{ cron: '0 * * * * *', queue: WORKFLOW_QUEUE }],
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'warned', type: 'number' },
  ],
  handler: async ({ req }) => {
    const leads = loadEnv().releaseWarningLeadsMs
    if (leads.length === 0) return { output: { checked: 0, warned: 0 } }
    const now = new Date()
    const { docs } = await req.payload.find({
      collection: RELEASES,
      where: {
        and: [
          { state: { equals: 'scheduled' } },
          { publishAt: { greater_than: now.toISOString() } },
          { publishAt: { less_than_equal: new Date(now.getTime() + Math.max(...leads)).toISOString() } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    let checked = 0
    let warned = 0
    for (const release of docs) {
      const publishAt = release.publishAt
      if (!publishAt) continue
      const lead = dueReleaseWarning({ scheduledFor: publishAt, leadsMs: leads, checkedMs: await checkedLeads(req, release, publishAt), now })
      if (lead === null) continue
      checked += 1
      if (await checkRelease(req, release, publishAt, lead)) warned += 1
    }
    return { output: { checked, warned } }
  },
}
