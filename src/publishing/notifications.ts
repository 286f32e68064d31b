import type { PayloadRequest } from 'payload'

import { USERS } from '@/slugs'
import { loadEnv } from '@/env'
import { sendNotification } from '@/notifications/notify'
import type { NotificationEvent } from '@/notifications/templates'
import type { ActorId, TransitionId } from '@/workflow'

/** The e-mail a transition sends, if any. */
export const EVENT_OF_TRANSITION: Partial<Record<TransitionId, NotificationEvent>> = {
  submit: 'submitted',
  requestChanges: 'changesRequested',
  approve: 'approved',
  publish: 'published',
  unpublish: 'unpublished',
}

async function emailsOf(req: PayloadRequest, where: object): Promise<string[]> {
  const { docs } = await req.payload.find({ collection: USERS, where: where as never, pagination: false, depth: 0, overrideAccess: true })
  return docs.map((user) => user.email).filter(Boolean)
}

/**
 * Reviewers hear of a submission; the draft's editors hear what became of it.
 * Sent after the change is committed; a failed e-mail never undoes it.
 */
export async function notifyWorkflowEvent(
  req: PayloadRequest,
  args: { collection: string; id: number | string; title: string; event: NotificationEvent | undefined; editors: readonly ActorId[]; comment: string | null },
): Promise<void> {
  const { event } = args
  if (!event) return
  const env = loadEnv()
  const to =
    event === 'submitted'
      ? await emailsOf(req, { roles: { contains: 'reviewer' } })
      : args.editors.length
        ? await emailsOf(req, { id: { in: args.editors.map(String) } })
        : []
  const actor = req.user as { name?: string; email?: string } | null
  await sendNotification(req.payload, {
    event,
    to,
    data: {
      documentTitle: args.title,
      documentUrl: `${env.serverUrl}/admin/collections/${args.collection}/${args.id}`,
      actorName: actor?.name ?? actor?.email ?? 'Systemet',
      comment: args.comment ?? undefined,
      municipality: env.municipality,
    },
  })
}
