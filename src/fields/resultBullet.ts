import type { Field, Validate } from 'payload'

import { INDICATORS } from '@/slugs'
import { parseLocalValue } from '@/domain/indicators'

/** A code must name an indicator that exists (so its values can be followed over the years). */
const knownIndicatorCode: Validate = async (value, { req }) => {
  if (value == null || value === '') return true
  // Only text reaches the query: an object here would be an operator, not a code.
  if (typeof value !== 'string') return 'Koden ska vara text, t.ex. SOCPSYK-ESL.'
  const { totalDocs } = await req.payload.count({ collection: INDICATORS, where: { code: { equals: value } }, overrideAccess: true, req })
  return totalDocs > 0 ? true : `Det finns ingen indikator med koden "${String(value)}". Lägg till den under Indikatorer eller rätta koden.`
}

const validLocalValue: Validate = (value) =>
  value == null || value === '' || parseLocalValue(String(value))
    ? true
    : 'Kommunens värde ska vara "ja", "nej", "delvis" eller en procentsats (t.ex. "45 %").'

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
      // Presentational only: the collapsible has no name, so the data stays at `indicator.*`.
      // Closed until used (IndicatorCollapsible opens a bullet that already has one); the
      // sentence below it says what it is for, visible while it is closed.
      type: 'collapsible',
      label: { sv: 'Indikator (valfritt)', en: 'Indicator (optional)' },
      admin: {
        initCollapsed: true,
        components: { Field: '/src/admin/IndicatorCollapsible#IndicatorCollapsible' },
        description: {
          sv: 'Koppla punkten till en indikator (Innehåll → Indikatorer) med dess kod, så att resultatimporten kan fylla i årets siffror från Socialstyrelsens tabeller eller Kolada i just den här punkten och föreslå andelen kommuner i riket. Med värden från flera år visar sidan också indikatorns utveckling. Kan lämnas tomt.',
          en: 'Links the bullet to an indicator by its code, so the results import can fill in this bullet with the year’s figures (Socialstyrelsen’s tables or Kolada) and suggest the national share; with several years the page shows its trend. Optional.',
        },
      },
      fields: [
        {
          name: 'indicator',
          type: 'group',
          // The collapsible around it names it; a second heading inside would only repeat it.
          label: false,
          admin: { hideGutter: true },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'code', type: 'text', label: { sv: 'Kod', en: 'Code' }, validate: knownIndicatorCode },
                {
                  name: 'nationalPercent',
                  type: 'number',
                  min: 0,
                  max: 100,
                  label: { sv: 'Andel kommuner (%)', en: 'Share of municipalities (%)' },
                },
                { name: 'localValue', type: 'text', label: { sv: 'Kommunens värde', en: 'Local value' }, validate: validLocalValue },
              ],
            },
            {
              // No default: a stored "false" would make every imported bullet differ from its file.
              name: 'nationalPercentSuggested',
              type: 'checkbox',
              label: { sv: 'Andelen är ett förslag från importen', en: 'Share suggested by the importer' },
              admin: {
                description: {
                  sv: 'Importen läser andelen ur texten ("37 procent av kommunerna"). Kontrollera den och ta bort krysset; först då visas den i trenddiagram.',
                  en: 'Suggested by the importer until an editor confirms it.',
                },
              },
            },
          ],
        },
      ],
    },
    {
      // Written by the results import (src/results): what it suggested last, so a re-import can
      // tell an editor's change (kept, shown as a conflict) from its own earlier suggestion (updated).
      name: 'imported',
      type: 'group',
      label: { sv: 'Från resultatimporten', en: 'From the results import' },
      admin: { hideGutter: true, condition: (_, siblingData) => Boolean(siblingData?.imported?.source) },
      fields: [
        {
          name: 'pending',
          type: 'checkbox',
          label: { sv: 'Punkten är ett förslag från importen', en: 'Suggested by the import' },
          admin: {
            description: {
              sv: 'Meningarna och värdena är skrivna av importen. Kontrollera dem och ta bort krysset (och krysset vid andelen); först då publiceras kommunens värde.',
              en: 'Suggested until an editor confirms it.',
            },
          },
        },
        { name: 'source', type: 'text', label: { sv: 'Källa', en: 'Source' }, admin: { readOnly: true } },
        { name: 'readAt', type: 'text', label: { sv: 'Läst', en: 'Read at' }, admin: { readOnly: true } },
        { name: 'basis', type: 'textarea', label: { sv: 'Underlag', en: 'Basis' }, admin: { readOnly: true, rows: 2 } },
        // The import's last suggestion of each value (hidden inputs: kept in the edit form and sent back).
        { name: 'national', type: 'textarea', admin: { hidden: true } },
        { name: 'local', type: 'textarea', admin: { hidden: true } },
        { name: 'nationalPercent', type: 'number', admin: { hidden: true } },
        { name: 'localValue', type: 'text', admin: { hidden: true } },
      ],
    },
  ]
}
