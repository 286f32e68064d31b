import type { PayloadRequest } from 'payload'

import { idOf } from '@/domain/relations'
import { loadEnv } from '@/env'
import { sendNotification, type NotificationResult } from '@/notifications/notify'
import type { Release } from '@/payload-types'
import { RELEASES, USERS } from '@/slugs'

/**
 * Who hears that a release will not, or did not, go out: its owner, who put
 * it together, and every reviewer, who approve the items again. Admins only
 * as owners: they run the system, and the reviewers are the editorial side.
 */
export async function releaseRecipients(req: PayloadRequest, release: Pick<Release, 'owner'>): Promise<string[]> {
  const owner = idOf(release.owner)
  const { docs } = await req.payload.find({
    collection: USERS,
    where: { or: [{ roles: { contains: 'reviewer' } }, ...(owner === null ? [] : [{ id: { equals: owner } }])] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((user) => user.email).filter(Boolean)
}

export type ReleaseNotice = NotificationResult & { recipients: number }

/** E-mails the owner and the reviewers about a scheduled release, with what stops it (one line each) and the admin link. */
export async function notifyRelease(
  req: PayloadRequest,
  release: Pick<Release, 'id' | 'name' | 'owner' | 'publishAt'>,
  event: 'releaseWarning' | 'releaseNotPublished',
  lines: readonly string[],
): Promise<ReleaseNotice> {
  const env = loadEnv()
  const to = await releaseRecipients(req, release)
  const result = await sendNotification(req.payload, {
    event,
    to,
    data: {
      documentTitle: release.name,
      documentUrl: `${env.serverUrl}/admin/collections/${RELEASES}/${release.id}`,
      actorName: 'Systemet',
      scheduledFor: release.publishAt ?? undefined,
      items: lines,
      municipality: env.municipality,
    },
  })
  return { ...result, recipients: to.length }
}
