import type { CollectionConfig } from 'payload'

import { isAdmin, isContentEditor, isStaff } from '@/access'
import { parseResultMapping } from '@/results/mapping'
import { AREAS, RESULT_MAPPINGS } from '..'

/**
 * How an area's results table is read (src/results/mapping.ts), saved once
 * and reused next year by the admin's "Importera resultat" and by
 * `npm run import:results` without `--mapping`. Internal: staff only.
 */
export const ResultMappings: CollectionConfig = {
  slug: RESULT_MAPPINGS,
  labels: { singular: { sv: 'Resultatmappning', en: 'Results mapping' }, plural: { sv: 'Resultatmappningar', en: 'Results mappings' } },
  admin: { useAsTitle: 'fileName', defaultColumns: ['area', 'fileName', 'updatedAt'], group: { sv: 'Innehåll', en: 'Content' } },
  access: { read: isStaff, create: isContentEditor, update: isContentEditor, delete: isAdmin },
  fields: [
    // One per area is the rule the import keeps (it updates the area's newest); not a unique index,
    // so a mapping can be replaced without deleting the old one first.
    { name: 'area', type: 'relationship', relationTo: AREAS, required: true, index: true, label: { sv: 'Jämförelseområde', en: 'Area' } },
    {
      name: 'mapping',
      type: 'json',
      required: true,
      label: { sv: 'Mappning', en: 'Mapping' },
      validate: (value: unknown) => {
        const parsed = parseResultMapping(value)
        return parsed.ok ? true : `Mappningen är ogiltig: ${parsed.errors.join(' ')}`
      },
      admin: {
        description: { sv: 'Samma form som filen till npm run import:results -- --mapping (se README).', en: 'Same shape as the --mapping file.' },
        // A text box, not Payload's JSON editor: Monaco loads its code from a public CDN.
        components: { Field: '/src/admin/JsonTextField#JsonTextField' },
      },
    },
    { name: 'fileName', type: 'text', label: { sv: 'Senast importerad fil', en: 'Last file imported' }, admin: { readOnly: true } },
  ],
}
