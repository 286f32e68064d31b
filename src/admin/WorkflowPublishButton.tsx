'use client'
import { PublishButton, UnpublishButton, useAuth } from '@payloadcms/ui'
import type { PublishButtonClientProps, UnpublishButtonClientProps } from 'payload'

import { canPublish, toWorkflowActor } from '@/workflow'

/**
 * Payload's own publish and unpublish buttons, shown only to those the
 * workflow lets publish. The server refuses everyone else anyway (an editor's
 * unpublish becomes a draft save); this keeps the admin from offering it.
 */
export function WorkflowPublishButton(props: PublishButtonClientProps) {
  const { user } = useAuth()
  return canPublish(toWorkflowActor(user as never)) ? <PublishButton {...props} /> : null
}

export function WorkflowUnpublishButton(props: UnpublishButtonClientProps) {
  const { user } = useAuth()
  return canPublish(toWorkflowActor(user as never)) ? <UnpublishButton {...props} /> : null
}
