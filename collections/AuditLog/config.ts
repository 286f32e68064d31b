import type { CollectionConfig } from 'payload'

import { hasRole, nobody } from '@/access'
import { AUDIT_ACTIONS } from '@/audit/actions'
import { AUDIT_LOG, USERS } from '..'
import { appendOnly, neverDelete } from './hooks'

/** "Händelselogg": who did what, when, to which document. Append-only for everyone. */
export const AuditLog: CollectionConfig = {
  slug: AUDIT_LOG,
  labels: { singular: { sv: 'Händelse', en: 'Audit entry' }, plural: { sv: 'Händelselogg', en: 'Audit log' } },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'action', 'documentTitle', 'userName', 'toState', 'comment'],
    group: { sv: 'Administration', en: 'Administration' },
  },
  defaultSort: '-createdAt',
  access: { read: hasRole('admin', 'reviewer'), create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  hooks: { beforeChange: [appendOnly], beforeDelete: [neverDelete] },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { sv: 'Händelse', en: 'Action' },
      options: Object.entries(AUDIT_ACTIONS).map(([value, sv]) => ({ value, label: { sv, en: value } })),
    },
    { name: 'collectionSlug', type: 'text', index: true, label: { sv: 'Samling', en: 'Collection' } },
    { name: 'documentId', type: 'text', index: true, label: { sv: 'Dokument-id', en: 'Document id' } },
    { name: 'documentTitle', type: 'text', label: { sv: 'Dokument', en: 'Document' } },
    { name: 'versionId', type: 'text', label: { sv: 'Version', en: 'Version' } },
    { name: 'transition', type: 'text', label: { sv: 'Övergång', en: 'Transition' } },
    { name: 'fromState', type: 'text', label: { sv: 'Från', en: 'From' } },
    { name: 'toState', type: 'text', label: { sv: 'Till', en: 'To' } },
    { name: 'comment', type: 'textarea', label: { sv: 'Kommentar', en: 'Comment' } },
    { name: 'details', type: 'json', label: { sv: 'Detaljer', en: 'Details' } },
    { name: 'user', type: 'relationship', relationTo: USERS, label: { sv: 'Användare', en: 'User' } },
    { name: 'userName', type: 'text', label: { sv: 'Namn', en: 'Name' } },
  ],
}
