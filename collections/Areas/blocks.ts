import type { Block, FieldHook, Validate } from 'payload'

import { defaultSurveyYear, deriveResultSetHeading, validateSurveyYear, type ResultLead } from '@/domain/resultSets'
import { resultBulletFields } from '@/fields/resultBullet'
import { rejectUnsafeLinks } from '@/fields/richText'

/** What the year check reads of a body being edited (form data: any block may be half filled in). */
type YearOfBlock = { blockType?: string; surveyYear?: number | null }

const resultSetYears = (body: unknown): number[] =>
  (Array.isArray(body) ? (body as YearOfBlock[]) : [])
    .filter((block) => block.blockType === 'resultSet' && typeof block.surveyYear === 'number')
    .map((block) => block.surveyYear as number)

/** A year outside the survey's range, or a second result set for the same year, is refused. */
const validateYear: Validate = (value, { data }) => {
  if (typeof value !== 'number') return 'Ange undersökningsåret (t.ex. 2023).'
  const rangeError = validateSurveyYear(value)
  if (rangeError) return rangeError
  const sameYear = resultSetYears((data as { body?: unknown })?.body).filter((year) => year === value).length
  return sameYear > 1
    ? `Det finns två resultatavsnitt för år ${value}. Varje undersökningsår får bara förekomma en gång per sida – slå ihop dem eller ändra året.`
    : true
}

/** "Årets resultat visar att:" for the newest year, "2019 års resultat visar att:" for older ones. */
const deriveHeading: FieldHook = ({ data, siblingData }) => {
  const year = siblingData?.surveyYear
  const years = resultSetYears(data?.body)
  if (typeof year !== 'number' || years.length === 0) return null
  return deriveResultSetHeading(year, (siblingData?.lead ?? 'visar att') as ResultLead, Math.max(...years))
}

export const resultSetBlock: Block = {
  slug: 'resultSet',
  interfaceName: 'ResultSetBlock',
  labels: { singular: { sv: 'Resultat', en: 'Result set' }, plural: { sv: 'Resultat', en: 'Result sets' } },
  // The header names the year ("Resultat 2023"); Payload's free block name is not used here.
  admin: { disableBlockName: true, components: { Label: '/src/admin/ResultSetLabel#ResultSetLabel' } },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'surveyYear',
          type: 'number',
          required: true,
          label: { sv: 'Undersökningsår', en: 'Survey year' },
          // A new set's header names a year at once ("Resultat 2026"); a function, so the year is
          // today's when the block is added (and no default is written into the database schema).
          defaultValue: () => defaultSurveyYear(),
          validate: validateYear,
          admin: {
            description: {
              sv: 'Sidan visar resultaten med det nyaste året först; blocket flyttas dit när du sparar.',
              en: 'Result sets are kept newest year first; the block moves there when saved.',
            },
          },
        },
        {
          name: 'lead',
          type: 'select',
          required: true,
          defaultValue: 'visar att',
          label: { sv: 'Inledning', en: 'Lead' },
          options: [
            { value: 'visar att', label: { sv: '… visar att:', en: '… shows that:' } },
            { value: 'visar bland annat', label: { sv: '… visar bland annat:', en: '… shows among other things:' } },
          ],
        },
      ],
    },
    {
      name: 'heading',
      type: 'text',
      virtual: true,
      label: { sv: 'Rubrik (räknas fram)', en: 'Heading (derived)' },
      admin: {
        readOnly: true,
        description: { sv: 'Skrivs aldrig för hand: nyaste året blir "Årets resultat …".', en: 'Derived from the years on the page.' },
      },
      hooks: { afterRead: [deriveHeading] },
    },
    {
      name: 'bullets',
      type: 'array',
      label: { sv: 'Resultatpunkter', en: 'Bullets' },
      labels: { singular: { sv: 'Punkt', en: 'Bullet' }, plural: { sv: 'Punkter', en: 'Bullets' } },
      fields: resultBulletFields(),
    },
  ],
}

export const textSectionBlock: Block = {
  slug: 'textSection',
  interfaceName: 'TextSectionBlock',
  labels: { singular: { sv: 'Textavsnitt', en: 'Text section' }, plural: { sv: 'Textavsnitt', en: 'Text sections' } },
  fields: [
    {
      name: 'heading',
      type: 'text',
      label: { sv: 'Rubrik', en: 'Heading' },
      admin: { description: { sv: 'T.ex. "Sammanfattning av kommunens resultat". Får vara tom.', en: 'Optional.' } },
    },
    { name: 'content', type: 'richText', required: true, label: { sv: 'Text', en: 'Text' }, hooks: { beforeValidate: [rejectUnsafeLinks] } },
  ],
}

export const noteBlock: Block = {
  slug: 'note',
  interfaceName: 'NoteBlock',
  labels: { singular: { sv: 'OBS-ruta', en: 'Note' }, plural: { sv: 'OBS-rutor', en: 'Notes' } },
  fields: [{ name: 'text', type: 'textarea', required: true, label: { sv: 'Text', en: 'Text' } }],
}
