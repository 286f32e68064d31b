import type { Field } from 'payload'

import { nobody, ownAccountFieldOnly } from '@/access'
import { DAY_AND_TIME } from '@/fields/dateFormats'

/**
 * A user's calendar feed key: only its hash, never readable over any API
 * (hidden), written only by the feed-key endpoint; and when it was made, which
 * the person may see on their account.
 */
export function calendarFeedFields(): Field[] {
  const serverOnly = { create: nobody, update: nobody }
  return [
    { name: 'calendarFeedKeyHash', type: 'text', index: true, hidden: true, access: { ...serverOnly, read: nobody } },
    {
      name: 'calendarFeedCreatedAt',
      type: 'date',
      label: { sv: 'Kalenderprenumeration skapad', en: 'Calendar feed created' },
      access: { ...serverOnly, read: ownAccountFieldOnly },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: DAY_AND_TIME,
        condition: (data) => Boolean(data?.calendarFeedCreatedAt),
        description: {
          sv: 'Den personliga kalenderadressen skapas, byts och återkallas under Kalender.',
          en: 'The personal calendar address is created, replaced and revoked under Kalender.',
        },
      },
    },
  ]
}
