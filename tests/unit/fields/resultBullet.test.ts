import type { Field } from 'payload'
import { fieldAffectsData } from 'payload/shared'
import { describe, expect, it } from 'vitest'

import { resultBulletFields } from '@/fields/resultBullet'

/** The stored paths of some fields: named fields nest, presentational ones (row, collapsible) do not. */
function dataPaths(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const nested = 'fields' in field ? (field.fields as Field[]) : []
    if (!fieldAffectsData(field)) return dataPaths(nested, prefix)
    const path = `${prefix}${field.name}`
    return nested.length ? dataPaths(nested, `${path}.`) : [path]
  })
}

describe('resultBulletFields', () => {
  it('keeps the indicator at indicator.* inside its collapsible (the stored shape is unchanged)', () => {
    expect(dataPaths(resultBulletFields())).toEqual([
      'national',
      'local',
      'indicator.code',
      'indicator.nationalPercent',
      'indicator.localValue',
      'indicator.nationalPercentSuggested',
      'imported.pending',
      'imported.source',
      'imported.readAt',
      'imported.basis',
      'imported.national',
      'imported.local',
      'imported.nationalPercent',
      'imported.localValue',
    ])
  })

  it('puts the indicator in a collapsible, closed at first, labelled optional, with a Swedish sentence on what it is for', () => {
    const collapsible = resultBulletFields().find((field) => field.type === 'collapsible')
    expect(collapsible).toBeDefined()
    if (collapsible?.type !== 'collapsible') return
    expect(collapsible.fields.map((field) => ('name' in field ? field.name : field.type))).toEqual(['indicator'])
    expect(collapsible.label).toEqual({ sv: 'Indikator (valfritt)', en: 'Indicator (optional)' })
    expect(collapsible.admin?.initCollapsed).toBe(true)
    const sv = (collapsible.admin?.description as { sv: string }).sv
    expect(sv).toMatch(/resultatimporten/)
    expect(sv).toMatch(/Kolada/)
    expect(sv).toMatch(/Kan lämnas tomt\.$/)
  })
})
