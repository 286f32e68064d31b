import { describe, expect, it } from 'vitest'

import { parseResultMapping } from '@/results/mapping'
import { formToMapping, mappingToForm } from '@/results/mappingForm'

describe('the admin form and the mapping', () => {
  it('round-trips a saved mapping through the form', () => {
    const parsed = parseResultMapping({
      sheet: 'Resultat per kommun',
      headerRow: 4,
      municipalityColumn: 'Kommunkod',
      countyColumn: 'Län',
      layout: 'wide',
      indicators: [{ column: 'Socialjour dygnet runt', indicator: 'EB-SOCIALJOUR' }, { column: 'A = B', indicator: 'EB-X' }],
    })
    if (!parsed.ok) throw new Error()
    const form = mappingToForm(parsed.mapping)
    expect(form.indicators).toBe('Socialjour dygnet runt = EB-SOCIALJOUR\nA = B = EB-X')
    const back = formToMapping(form)
    expect(back.ok && parseResultMapping(back.mapping)).toEqual({ ok: true, mapping: parsed.mapping })
  })

  it('says which indicator line is not "text = KOD"', () => {
    expect(formToMapping({ ...mappingToForm(null), indicators: 'Fråga 1 = A\nFråga 2' })).toEqual({
      ok: false,
      error: 'Indikatorer, rad 2: skriv "Kolumnrubrik = KOD", t.ex. "Socialjour dygnet runt = EB-SOCIALJOUR".',
    })
  })

  it('a sheet given as a number is a position', () => {
    const back = formToMapping({ ...mappingToForm(null), sheet: '2', indicators: 'Fråga 1 = A' })
    expect(back.ok && back.mapping).toMatchObject({ sheet: 2, municipalityColumn: 'Kommunkod', indicators: [{ column: 'Fråga 1', indicator: 'A' }] })
  })
})
