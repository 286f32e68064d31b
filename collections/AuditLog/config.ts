import type { CollectionConfig } from 'payload'

import { hasRole, nobody } from '@/access'
import { AUDIT_ACTIONS } from '@/audit/actions'
import { AUDIT_LOG, USERS } from '..'
import { appendOnly, neverDelete } from './hooks'

/** Words instead of codes in the list and the entry view (src/audit/describe.ts); entries never change, so they are text. */
const inWords = { Cell: '/src/admin/AuditLogCell#AuditLogCell', Field: '/src/admin/AuditLogField#AuditLogField' }

/** "Händelselogg": who did what, when, to which document. Append-only for everyone. */
export const AuditLog: CollectionConfig = {
  slug: AUDIT_LOG,
  labels: { singular: { sv: 'Händelse', en: 'Audit entry' }, plural: { sv: 'Händelselogg', en: 'Audit log' } },
  admin: {
    // The document's title names an entry (the action's code would be the raw select value).
    useAsTitle: 'documentTitle',
    defaultColumns: ['createdAt', 'action', 'documentTitle', 'userName', 'fromState', 'toState', 'changedFields', 'comment'],
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
      admin: { components: { Field: inWords.Field } },
    },
    { name: 'collectionSlug', type: 'text', index: true, label: { sv: 'Samling', en: 'Collection' }, admin: { components: inWords } },
    { name: 'documentId', type: 'text', index: true, label: { sv: 'Dokument-id', en: 'Document id' }, admin: { components: inWords } },
    { name: 'documentTitle', type: 'text', label: { sv: 'Dokument', en: 'Document' }, admin: { components: inWords } },
    { name: 'versionId', type: 'text', label: { sv: 'Version', en: 'Version' }, admin: { components: inWords } },
    { name: 'transition', type: 'text', label: { sv: 'Övergång', en: 'Transition' }, admin: { components: inWords } },
    { name: 'fromState', type: 'text', label: { sv: 'Från', en: 'From' }, admin: { components: inWords } },
    { name: 'toState', type: 'text', label: { sv: 'Till', en: 'To' }, admin: { components: inWords } },
    {
      // Not stored: read from details.changedFields (src/audit/changes.ts), for the list's column and the entry.
      name: 'changedFields',
      type: 'ui',
      label: { sv: 'Ändrade fält', en: 'Changed fields' },
      admin: { components: inWords },
    },
    { name: 'comment', type: 'textarea', label: { sv: 'Kommentar', en: 'Comment' }, admin: { components: inWords } },
    {
      name: 'details',
      type: 'json',
      label: { sv: 'Detaljer', en: 'Details' },
      // A definition list in Swedish, not Payload's JSON editor (Monaco loads its code from a public CDN).
      admin: { components: { Field: '/src/admin/AuditLogField#AuditDetailsField' } },
    },
    { name: 'user', type: 'relationship', relationTo: USERS, label: { sv: 'Användare', en: 'User' } },
    { name: 'userName', type: 'text', label: { sv: 'Namn', en: 'Name' }, admin: { components: inWords } },
  ],
}
