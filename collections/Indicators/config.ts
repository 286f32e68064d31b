import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isContentEditor } from '@/access'
import { surveyCycleField } from '@/fields/surveyCycle'
import { AREAS, INDICATORS } from '..'

/**
 * A measure that Öppna jämförelser asks about every survey (e.g. "Erbjuder
 * ESL"): result bullets refer to it by code, so its values can be followed
 * across survey years and drawn as a trend.
 */
const templateWith =
  (placeholder: string, field: string) =>
  (value: unknown): true | string =>
    value == null || value === '' || (typeof value === 'string' && value.includes(placeholder))
      ? true
      : `${field === 'nationalTemplate' ? 'Mallen för det nationella resultatet' : 'Mallen för kommunens procentsats'} måste innehålla ${placeholder}.`

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
    {
      type: 'collapsible',
      label: { sv: 'Formuleringar för resultatimporten', en: 'Phrasings for the results import' },
      fields: [
        {
          name: 'nationalTemplate',
          type: 'text',
          label: { sv: 'Nationellt resultat (mall)', en: 'National finding (template)' },
          validate: templateWith('{andel}', 'nationalTemplate'),
          admin: { description: { sv: 'Meningen med {andel} där andelen kommuner ska stå, t.ex. "{andel} procent av kommunerna erbjuder ESL."', en: 'With {andel} for the share.' } },
        },
        { name: 'localYes', type: 'text', label: { sv: 'Kommunens svar vid Ja', en: 'Answer when yes' }, admin: { description: { sv: 'T.ex. "I Kalmar erbjuds ESL." ({kommun} ersätts med kommunens namn).', en: 'E.g. "I Kalmar erbjuds ESL."' } } },
        { name: 'localNo', type: 'text', label: { sv: 'Kommunens svar vid Nej', en: 'Answer when no' } },
        { name: 'localPartly', type: 'text', label: { sv: 'Kommunens svar vid Delvis', en: 'Answer when partly' } },
        {
          name: 'localPercentTemplate',
          type: 'text',
          label: { sv: 'Kommunens svar vid en procentsats (mall)', en: 'Answer for a percentage (template)' },
          validate: templateWith('{värde}', 'localPercentTemplate'),
          admin: { description: { sv: 'Med {värde} där kommunens procentsats ska stå.', en: 'With {värde} for the value.' } },
        },
        {
          name: 'koladaKpi',
          type: 'text',
          label: { sv: 'Kolada-nyckeltal (KPI-id)', en: 'Kolada KPI id' },
          validate: (value: unknown) => (value == null || value === '' || (typeof value === 'string' && /^[A-Z]\d{5}$/.test(value)) ? true : 'Ett Kolada-id är en bokstav och fem siffror, t.ex. U30459.'),
        },
      ],
    },
  ],
}
