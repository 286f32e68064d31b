import type { CollectionConfig } from 'payload'

import { isStaff, nobody } from '@/access'
import { PUBLICATION_HISTORY } from '..'
import { refuseDelete, refuseRewrite } from './hooks'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/**
 * Every publication of every page as it was published: the public record
 * (allmän handling) behind /jamforelser/{slug}/historik and
 * /api/v1/areas/{slug}/versions. Written once by the publish hook, then never
 * changed or deleted, by any API.
 */
export const PublicationHistory: CollectionConfig = {
  slug: PUBLICATION_HISTORY,
  labels: {
    singular: { sv: 'Publicerad version', en: 'Published version' },
    plural: { sv: 'Publiceringshistorik', en: 'Publication history' },
  },
  admin: {
    useAsTitle: 'slug',
    defaultColumns: ['slug', 'number', 'publishedAt', 'summary'],
    group: { sv: 'Administration', en: 'Administration' },
    description: { sv: 'Varje publicerad version av varje sida. Kan inte ändras eller tas bort.', en: 'Append-only.' },
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  hooks: { beforeChange: [refuseRewrite], beforeDelete: [refuseDelete] },
  indexes: [{ fields: ['areaId', 'number'], unique: true }],
  fields: [
    { name: 'areaId', type: 'text', required: true, index: true, label: { sv: 'Sidans id', en: 'Area id' } },
    { name: 'slug', type: 'text', required: true, index: true, label: { sv: 'Adress', en: 'Slug' } },
    { name: 'title', type: 'text', required: true, label: { sv: 'Titel', en: 'Title' } },
    { name: 'number', type: 'number', required: true, label: { sv: 'Version', en: 'Number' } },
    { name: 'publishedAt', type: 'date', required: true, label: { sv: 'Publicerad', en: 'Published at' }, admin: { date: DAY_AND_TIME } },
    { name: 'summary', type: 'text', required: true, label: { sv: 'Ändringar', en: 'Summary' } },
    // Read-only text, not Payload's JSON editor: Monaco loads its code from a public CDN.
    { name: 'changes', type: 'json', required: true, label: { sv: 'Ändringarna i detalj', en: 'Changes' }, admin: { components: { Field: '/src/admin/ReadOnlyJsonField#ReadOnlyJsonField' } } },
    { name: 'page', type: 'json', required: true, label: { sv: 'Sidan som publicerades', en: 'Page' }, admin: { components: { Field: '/src/admin/ReadOnlyJsonField#ReadOnlyJsonField' } } },
  ],
}
