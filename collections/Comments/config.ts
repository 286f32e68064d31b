import type { CollectionConfig } from 'payload'

import { hasRole, nobody } from '@/access'
import { COMMENTS, USERS } from '..'
import { stampAuthor } from './hooks'

/**
 * Review comments on a document's draft. Written by the workflow endpoint
 * (required with "Begär ändringar") or by staff; kept with the version they
 * were made on, never edited afterwards.
 */
export const Comments: CollectionConfig = {
  slug: COMMENTS,
  labels: { singular: { sv: 'Kommentar', en: 'Comment' }, plural: { sv: 'Kommentarer', en: 'Comments' } },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['createdAt', 'documentTitle', 'authorName', 'text'],
    group: { sv: 'Granskning', en: 'Review' },
  },
  defaultSort: '-createdAt',
  access: {
    read: hasRole('admin', 'editor', 'reviewer'),
    create: hasRole('admin', 'editor', 'reviewer'),
    update: nobody,
    delete: nobody,
  },
  hooks: { beforeChange: [stampAuthor] },
  fields: [
    { name: 'collectionSlug', type: 'text', required: true, index: true, label: { sv: 'Samling', en: 'Collection' } },
    { name: 'documentId', type: 'text', required: true, index: true, label: { sv: 'Dokument-id', en: 'Document id' } },
    { name: 'documentTitle', type: 'text', label: { sv: 'Dokument', en: 'Document' } },
    { name: 'versionId', type: 'text', label: { sv: 'Version', en: 'Version' } },
    { name: 'transition', type: 'text', label: { sv: 'Vid', en: 'At' } },
    { name: 'text', type: 'textarea', required: true, label: { sv: 'Kommentar', en: 'Comment' } },
    { name: 'author', type: 'relationship', relationTo: USERS, admin: { readOnly: true }, label: { sv: 'Skriven av', en: 'Author' } },
    { name: 'authorName', type: 'text', admin: { readOnly: true }, label: { sv: 'Namn', en: 'Name' } },
  ],
}
