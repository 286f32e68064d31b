import type { CollectionConfig } from 'payload'

import { workflowEndpoint } from './endpoint'
import { workflowFields } from './fields'
import { auditDelete, auditSave, draftUnlessPublishing, enforceWorkflow, notifyDroppedSchedule } from './hooks'

/**
 * Opts a collection into review before publishing: `withWorkflow(Areas)`.
 * Needs drafts; adds the workflow fields, the enforcing hooks (first, so they
 * refuse before anything else runs), the audit trail and the endpoint.
 */
export function withWorkflow(collection: CollectionConfig): CollectionConfig {
  const versions = typeof collection.versions === 'object' ? collection.versions : {}
  if (!versions.drafts) throw new Error(`withWorkflow(${collection.slug}): samlingen måste ha versions.drafts påslaget.`)
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    // First, so the workflow box leads the sidebar: panels that grow while they load (the quality
    // check) sit below it and cannot move its buttons under a reviewer's pointer.
    fields: [...workflowFields(), ...collection.fields],
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...collection.admin?.components?.edit,
          PublishButton: '/src/admin/WorkflowPublishButton#WorkflowPublishButton',
          UnpublishButton: '/src/admin/WorkflowPublishButton#WorkflowUnpublishButton',
        },
      },
    },
    hooks: {
      ...hooks,
      beforeOperation: [draftUnlessPublishing, ...(hooks.beforeOperation ?? [])],
      beforeChange: [enforceWorkflow, ...(hooks.beforeChange ?? [])],
      afterChange: [...(hooks.afterChange ?? []), auditSave, notifyDroppedSchedule],
      afterDelete: [...(hooks.afterDelete ?? []), auditDelete],
    },
    endpoints: [...(collection.endpoints || []), workflowEndpoint(collection.slug)],
  }
}
