import type { Field } from 'payload'

/** One result bullet: the national finding, the municipality's answer, an optional indicator. */
export function resultBulletFields(): Field[] {
  return [
    {
      name: 'national',
      type: 'textarea',
      required: true,
      label: { sv: 'Nationellt resultat', en: 'National finding' },
      admin: { rows: 3 },
    },
    {
      name: 'local',
      type: 'textarea',
      label: { sv: 'Kommunens svar', en: 'Municipality’s answer' },
      admin: {
        rows: 2,
        description: {
          sv: 'Får vara tomt i ett utkast, men måste fyllas i innan sidan skickas till granskning.',
          en: 'May be empty in a draft; required before the page is submitted for review.',
        },
      },
    },
    {
      name: 'indicator',
      type: 'group',
      label: { sv: 'Indikator (för trender över tid)', en: 'Indicator (for trends)' },
      admin: { hideGutter: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'code', type: 'text', label: { sv: 'Kod', en: 'Code' } },
            {
              name: 'nationalPercent',
              type: 'number',
              min: 0,
              max: 100,
              label: { sv: 'Andel kommuner (%)', en: 'Share of municipalities (%)' },
            },
            { name: 'localValue', type: 'text', label: { sv: 'Kommunens värde', en: 'Local value' } },
          ],
        },
      ],
    },
  ]
}
