import type { DateField } from 'payload'

import { nobody } from '@/access'
import { DAY_ONLY } from '@/fields/dateFormats'

/** Set by the publish hook only: read-only in the admin, not writable through any API. */
function publishDate(name: string, label: { sv: string; en: string }, description: { sv: string; en: string }): DateField {
  return {
    name,
    type: 'date',
    label,
    index: true,
    access: { create: nobody, update: nobody },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description,
      date: DAY_ONLY,
    },
  }
}

export function publishDateFields(): DateField[] {
  return [
    publishDate(
      'firstPublishedAt',
      { sv: 'Publicerad', en: 'First published' },
      { sv: 'Sätts vid första publiceringen och ändras aldrig.', en: 'Set on the first publish; never changes.' },
    ),
    publishDate(
      'lastPublishedAt',
      { sv: 'Senast uppdaterad', en: 'Last updated' },
      { sv: 'Sätts när en publicering ändrar innehållet.', en: 'Set when a publish changes the content.' },
    ),
  ]
}
