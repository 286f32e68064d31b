import type { Field } from 'payload'

import { USERS } from '@/slugs'
import { strictDate } from './date'
import { DAY_ONLY } from '@/fields/dateFormats'

/** Who answers for a page and when it must next be looked over; reminders go to the owner. */
export function pageOwnershipFields(): Field[] {
  return [
    {
      name: 'owner',
      type: 'relationship',
      relationTo: USERS,
      label: { sv: 'Sidansvarig', en: 'Page owner' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'reviewBy',
      type: 'date',
      index: true,
      validate: strictDate(),
      label: { sv: 'Ses över senast', en: 'Review by' },
      admin: {
        position: 'sidebar',
        date: DAY_ONLY,
        description: { sv: 'Sidansvarig får en påminnelse 14 dagar före.', en: 'The owner is reminded 14 days before.' },
      },
    },
  ]
}
