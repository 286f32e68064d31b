import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isContentEditor } from '@/access'
import { reloadMetaAfterChange, reloadMetaAfterDelete } from '@/delivery/hooks'
import { urlField } from '@/fields/link'
import { LINKS } from '..'

/** Pages outside the comparisons that sections link to; each teaser lives here only. */
export const Links: CollectionConfig = {
  slug: LINKS,
  labels: {
    singular: { sv: 'Sida utanför jämförelserna', en: 'External page' },
    plural: { sv: 'Sidor utanför jämförelserna', en: 'External pages' },
  },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'teaser', 'url'], group: { sv: 'Innehåll', en: 'Content' } },
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isAdmin },
  // The published pages show these: the content API's catalog reloads them after each change.
  hooks: { afterChange: [reloadMetaAfterChange], afterDelete: [reloadMetaAfterDelete] },
  fields: [
    { name: 'title', type: 'text', required: true, unique: true, label: { sv: 'Titel', en: 'Title' } },
    { name: 'teaser', type: 'textarea', maxLength: 300, label: { sv: 'Ingress i länklistor', en: 'Teaser' } },
    urlField({
      admin: {
        description: { sv: 'Sidans adress. Importerade sidor saknar adress tills någon fyller i den.', en: 'Where the page is.' },
      },
    }),
  ],
}
