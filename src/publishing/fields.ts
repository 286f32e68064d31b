import type { Field } from 'payload'

import { nobody } from '@/access'
import { USERS } from '@/slugs'
import { workflowStates } from '@/workflow'
import { BOOKKEEPING_DIFF } from '@/fields/bookkeeping'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/**
 * The workflow's facts about a document's working copy. Written only by the
 * workflow hooks and endpoint; read-only in the admin and over every API.
 */
export function workflowFields(): Field[] {
  const serverOnly = { create: nobody, update: nobody }
  return [
    {
      name: 'workflowPanel',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/WorkflowPanel#WorkflowPanel' } },
    },
    // "Redigeringslås", under the workflow box: who holds the page, and a warning before the holder's lock lapses.
    { name: 'editLock', type: 'ui', admin: { position: 'sidebar', components: { Field: '/src/admin/EditLockNotice#EditLockNotice' } } },
    {
      name: 'workflowState',
      type: 'select',
      index: true,
      defaultValue: 'draft',
      label: { sv: 'Arbetsflöde', en: 'Workflow state' },
      options: workflowStates.map((state) => ({ value: state.value, label: { sv: state.label, en: state.value } })),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, components: { Diff: BOOKKEEPING_DIFF } },
    },
    {
      name: 'workflowEditors',
      type: 'relationship',
      relationTo: USERS,
      hasMany: true,
      label: { sv: 'Har ändrat utkastet', en: 'Edited this draft' },
      access: serverOnly,
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Diff: BOOKKEEPING_DIFF },
        description: { sv: 'De som har ändrat sedan senaste publiceringen; de kan inte godkänna (fyra ögon).', en: 'Cannot approve (four eyes).' },
      },
    },
    {
      name: 'workflowScheduledUnpublishAt',
      type: 'date',
      label: { sv: 'Schemalagd avpublicering', en: 'Scheduled unpublish' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME, components: { Diff: BOOKKEEPING_DIFF } },
    },
    {
      name: 'workflowScheduledPublishAt',
      type: 'date',
      label: { sv: 'Schemalagd publicering', en: 'Scheduled publish' },
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true, date: DAY_AND_TIME, components: { Diff: BOOKKEEPING_DIFF } },
    },
  ]
}
