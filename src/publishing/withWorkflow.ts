import type { CollectionConfig } from 'payload'

import { workflowEndpoint } from './endpoint'
import { workflowFields } from './fields'

/**
 * What review before publishing adds to a collection besides its hooks (those
 * are the pipeline's 'workflow' stage, collections/Areas/pipeline.ts): the
 * workflow fields, the publish buttons and the transition endpoint. Needs drafts.
 */
export function withWorkflow(collection: CollectionConfig): CollectionConfig {
  const versions = typeof collection.versions === 'object' ? collection.versions : {}
  if (!versions.drafts) throw new Error(`withWorkflow(${collection.slug}): samlingen måste ha versions.drafts påslaget.`)
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
    endpoints: [...(collection.endpoints || []), workflowEndpoint(collection.slug)],
  }
}
