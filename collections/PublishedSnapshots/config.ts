import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '@/access'
import { PUBLISHED_SNAPSHOTS } from '..'

/**
 * The published pages as the content API serves them, written in the same
 * transaction as each publish (src/delivery/hooks.ts). Derived data: never
 * edited, rebuilt from the areas when missing.
 */
export const PublishedSnapshots: CollectionConfig = {
  slug: PUBLISHED_SNAPSHOTS,
  labels: {
    singular: { sv: 'Publicerad ögonblicksbild', en: 'Published snapshot' },
    plural: { sv: 'Publicerade ögonblicksbilder', en: 'Published snapshots' },
  },
  admin: { hidden: true, useAsTitle: 'slug' },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'areaId', type: 'text', required: true, unique: true, index: true },
    { name: 'slug', type: 'text', required: true, index: true },
    // Read-only text, not Payload's JSON editor: Monaco loads its code from a public CDN.
    { name: 'page', type: 'json', required: true, admin: { components: { Field: '/src/admin/ReadOnlyJsonField#ReadOnlyJsonField' } } },
  ],
}
