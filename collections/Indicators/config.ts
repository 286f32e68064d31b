import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isContentEditor } from '@/access'
import { surveyCycleField } from '@/fields/surveyCycle'
import { AREAS, INDICATORS } from '..'

/**
 * A measure that Öppna jämförelser asks about every survey (e.g. "Erbjuder
 * ESL"): result bullets refer to it by code, so its values can be followed
 * across survey years and drawn as a trend.
 */
export const Indicators: CollectionConfig = {
  slug: INDICATORS,
  labels: { singular: { sv: 'Indikator', en: 'Indicator' }, plural: { sv: 'Indikatorer', en: 'Indicators' } },
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'area', 'surveyCycleYears'], group: { sv: 'Innehåll', en: 'Content' } },
  access: { read: anyone, create: isContentEditor, update: isContentEditor, delete: isAdmin },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { sv: 'Kod', en: 'Code' },
      validate: (value: unknown) =>
        typeof value === 'string' && /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9_-]{0,39}$/.test(value)
          ? true
          : 'Koden skrivs med versaler, siffror, - och _ (högst 40 tecken), t.ex. SOCPSYK-ESL.',
      admin: { description: { sv: 'Det resultatpunkter anger för att höra till indikatorn.', en: 'What bullets refer to.' } },
    },
    { name: 'name', type: 'text', required: true, label: { sv: 'Namn', en: 'Name' } },
    { name: 'area', type: 'relationship', relationTo: AREAS, label: { sv: 'Jämförelseområde', en: 'Area' } },
    {
      name: 'matchText',
      type: 'text',
      label: { sv: 'Känns igen på', en: 'Recognised by' },
      admin: {
        description: {
          sv: 'Ett ord eller uttryck (t.ex. "IBIC") som finns i det nationella resultatet. Då räknas även äldre publicerade versioner av sidan, som saknar koden, in i trenden; andelen läses då ur deras text.',
          en: 'Lets earlier published versions without the code count, with the share read from their text.',
        },
      },
    },
    surveyCycleField(),
  ],
}
