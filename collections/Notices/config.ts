import type { CollectionConfig, Validate } from 'payload'

import { activeNoticesForAnonymous, isAdmin, isContentEditor } from '@/access'
import { reloadMetaAfterChange, reloadMetaAfterDelete } from '@/delivery/hooks'
import { strictDate } from '@/fields/date'
import { NOTICES, SECTIONS } from '..'
import { DAY_AND_TIME } from '@/fields/dateFormats'

const validEndsAt = strictDate()

const endsAfterStart: Validate = (value, args) => {
  const dateProblem = validEndsAt(value, args)
  if (dateProblem !== true) return dateProblem
  const startsAt = (args.siblingData as { startsAt?: string })?.startsAt
  if (!value || !startsAt) return true
  return new Date(value as string) > new Date(startsAt) ? true : 'Slutdatumet måste ligga efter startdatumet.'
}

/** Site-wide or section-wide notices ("Driftmeddelanden"), shown only while active. */
export const Notices: CollectionConfig = {
  slug: NOTICES,
  labels: { singular: { sv: 'Driftmeddelande', en: 'Notice' }, plural: { sv: 'Driftmeddelanden', en: 'Notices' } },
  admin: { useAsTitle: 'text', defaultColumns: ['text', 'startsAt', 'endsAt', 'scope'], group: { sv: 'Innehåll', en: 'Content' } },
  access: { read: activeNoticesForAnonymous, create: isContentEditor, update: isContentEditor, delete: isAdmin },
  // The published pages show these: the content API's catalog reloads them after each change.
  hooks: { afterChange: [reloadMetaAfterChange], afterDelete: [reloadMetaAfterDelete] },
  fields: [
    { name: 'text', type: 'text', required: true, label: { sv: 'Meddelande', en: 'Text' } },
    { name: 'body', type: 'textarea', label: { sv: 'Mer information', en: 'Body' } },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          required: true,
          index: true,
          defaultValue: () => new Date().toISOString(),
          validate: strictDate({ required: true }),
          label: { sv: 'Visas från', en: 'Starts at' },
          admin: { date: DAY_AND_TIME },
        },
        {
          name: 'endsAt',
          type: 'date',
          index: true,
          label: { sv: 'Visas till', en: 'Ends at' },
          validate: endsAfterStart,
          admin: { date: DAY_AND_TIME, description: { sv: 'Tomt = tills vidare.', en: 'Empty: until further notice.' } },
        },
      ],
    },
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'site',
      label: { sv: 'Visas på', en: 'Scope' },
      options: [
        { value: 'site', label: { sv: 'Hela webbplatsen', en: 'Whole site' } },
        { value: 'section', label: { sv: 'Ett avsnitt', en: 'One section' } },
      ],
    },
    {
      name: 'section',
      type: 'relationship',
      relationTo: SECTIONS,
      label: { sv: 'Avsnitt', en: 'Section' },
      admin: { condition: (_, siblingData) => siblingData?.scope === 'section' },
      validate: (value: unknown, { siblingData }: { siblingData: unknown }) =>
        (siblingData as { scope?: string })?.scope === 'section' && !value ? 'Välj vilket avsnitt meddelandet gäller.' : true,
    },
  ],
}
