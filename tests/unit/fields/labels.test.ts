import type { Config, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { pickTranslation, swedishLabel, translatedLabels } from '@/fields/labels'

const label = (sv: string, en = `${sv} (en)`) => ({ sv, en })
type AnyLabel = (args: { i18n: { language: string } }) => string
const call = (value: unknown, language: string) => (value as AnyLabel)({ i18n: { language } })

const config = {
  collections: [
    {
      slug: 'areas',
      labels: { singular: label('Jämförelseområde'), plural: label('Jämförelseområden') },
      fields: [
        { name: 'title', type: 'text', label: label('Titel') },
        { name: 'plain', type: 'text', label: 'Redan text' },
        { name: 'hidden', type: 'text', label: false },
        {
          name: 'body',
          type: 'blocks',
          label: label('Innehåll'),
          blocks: [{ slug: 'resultSet', labels: { singular: label('Resultat'), plural: label('Resultat') }, fields: [{ name: 'surveyYear', type: 'number', label: label('År') }] }],
        },
        { type: 'tabs', tabs: [{ label: label('Flik'), fields: [{ type: 'row', fields: [{ name: 'deep', type: 'text', label: label('Djup') }] }] }] },
        { name: 'links', type: 'array', labels: { singular: label('Länk'), plural: label('Länkar') }, fields: [{ name: 'url', type: 'text', label: label('Adress') }] },
      ] as Field[],
    },
  ],
} as unknown as Config

describe('translated labels', () => {
  const out = translatedLabels(config)
  const areas = out.collections![0]!
  const fields = areas.fields as unknown as Record<string, any>[]

  it('turn every label object into a function of the reader’s language, at every depth', () => {
    expect(call(areas.labels!.singular, 'sv')).toBe('Jämförelseområde')
    expect(call(areas.labels!.plural, 'en')).toBe('Jämförelseområden (en)')
    expect(call(fields[0]!.label, 'sv')).toBe('Titel')
    expect(call(fields[3]!.label, 'sv')).toBe('Innehåll')
    expect(call(fields[3]!.blocks[0].labels.singular, 'sv')).toBe('Resultat')
    expect(call(fields[3]!.blocks[0].fields[0].label, 'en')).toBe('År (en)')
    expect(call(fields[4]!.tabs[0].label, 'sv')).toBe('Flik')
    expect(call(fields[4]!.tabs[0].fields[0].fields[0].label, 'sv')).toBe('Djup')
    expect(call(fields[5]!.labels.plural, 'sv')).toBe('Länkar')
    expect(call(fields[5]!.fields[0].label, 'sv')).toBe('Adress')
  })

  it('leave strings, false and the input config as they were', () => {
    expect(fields[1]!.label).toBe('Redan text')
    expect(fields[2]!.label).toBe(false)
    expect((config.collections![0]!.fields[0] as { label: unknown }).label).toEqual(label('Titel'))
  })

  it('fall back to Swedish for a language a label lacks', () => {
    expect(call(areas.labels!.singular, 'de')).toBe('Jämförelseområde')
    expect(pickTranslation({ en: 'Only English' }, 'sv')).toBe('Only English')
  })

  it('are read in Swedish in either form by our own messages', () => {
    expect(swedishLabel(fields[0]!.label)).toBe('Titel')
    expect(swedishLabel(label('Titel'))).toBe('Titel')
    expect(swedishLabel('Titel')).toBe('Titel')
    expect(swedishLabel(false)).toBeNull()
    expect(swedishLabel(() => 'en komponent')).toBeNull()
  })
})
