import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isContentEditor } from '@/access'
import { reloadMetaAfterChange, reloadMetaAfterDelete } from '@/delivery/hooks'
import { slugField } from '@/fields/slug'
import { AREAS, LINKS, SECTIONS } from '..'

/**
 * A section ("Jämförelser, service och kvalitet i verksamheter") and its
 * ordered members; every page in it shows the others as "Fler sidor inom …".
 */
export const Sections: CollectionConfig = {
  slug: SECTIONS,
  labels: { singular: { sv: 'Avsnitt', en: 'Section' }, plural: { sv: 'Avsnitt', en: 'Sections' } },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug'], group: { sv: 'Innehåll', en: 'Content' } },
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isAdmin },
  // The published pages show these: the content API's catalog reloads them after each change.
  hooks: { afterChange: [reloadMetaAfterChange], afterDelete: [reloadMetaAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { sv: 'Titel', en: 'Title' } },
    slugField(),
    {
      name: 'members',
      type: 'relationship',
      relationTo: [AREAS, LINKS],
      hasMany: true,
      label: { sv: 'Sidor i avsnittet (i ordning)', en: 'Members (in order)' },
      admin: {
        description: {
          sv: 'Jämförelseområden och andra sidor. Varje sida i avsnittet visar de övriga som "Fler sidor inom …".',
          en: 'Each page of the section lists the others.',
        },
      },
    },
  ],
}
