import { describe, expect, it } from 'vitest'

import { auditFieldText, changedFieldsText, describeDetails, EMPTY, stateName, transitionName } from '@/audit/describe'

describe('the audit log in words', () => {
  it('names a page\'s states as the workflow does, a release\'s as releases do', () => {
    expect(stateName('areas', 'inReview')).toBe('Granskas')
    expect(stateName('areas', 'published')).toBe('Publicerad')
    expect(stateName('releases', 'published')).toBe('Publicerat')
    expect(stateName('releases', 'ready')).toBe('Klart för publicering')
  })

  it('shows empty as "–" and an unknown code as it is', () => {
    expect(stateName('areas', null)).toBe(EMPTY)
    expect(stateName('areas', '')).toBe(EMPTY)
    expect(stateName('areas', 'somethingNew')).toBe('somethingNew')
    expect(transitionName('areas', undefined)).toBe(EMPTY)
  })

  it('names transitions by their buttons', () => {
    expect(transitionName('areas', 'submit')).toBe('Skicka till granskning')
    expect(transitionName('releases', 'markReady')).toBe('Markera som klart')
  })

  it('gives each field of an entry its words', () => {
    const row = { action: 'transition', collectionSlug: 'areas', transition: 'approve', fromState: 'inReview', toState: 'approved', comment: '', details: { changedFields: ['Titel', 'Innehåll: Resultat 2023'] } }
    expect(auditFieldText('action', row)).toBe('Arbetsflöde')
    expect(auditFieldText('transition', row)).toBe('Godkänn')
    expect(auditFieldText('fromState', row)).toBe('Granskas')
    expect(auditFieldText('toState', row)).toBe('Godkänd')
    expect(auditFieldText('comment', row)).toBe(EMPTY)
    expect(auditFieldText('changedFields', row)).toBe('Titel, Innehåll: Resultat 2023')
  })

  it('shows "–" for changed fields when none were recorded or the list is empty', () => {
    expect(changedFieldsText(null)).toBe(EMPTY)
    expect(changedFieldsText({ changedFields: [] })).toBe(EMPTY)
    expect(changedFieldsText({ scheduled: true })).toBe(EMPTY)
  })
})

describe('describeDetails: "Detaljer" as a definition list', () => {
  it('writes the known keys in Swedish, dates on the Stockholm clock, roles by name', () => {
    expect(
      describeDetails({ changedFields: [], scheduledFor: '2026-12-03T13:05:00.000Z', from: ['editor'], to: ['editor', 'reviewer'], source: 'directory', locked: false }),
    ).toEqual([
      { term: 'Ändrade fält', description: 'inga' },
      { term: 'Planerad tid', description: '3 december 2026 kl. 14.05' },
      { term: 'Roller före', description: 'Redaktör' },
      { term: 'Roller efter', description: 'Redaktör, Granskare' },
      { term: 'Källa', description: 'Kommunens katalog' },
      { term: 'Kontot låst', description: 'Nej' },
    ])
  })

  it('keeps an unknown key, with its value as readable text rather than JSON', () => {
    expect(describeDetails({ items: [{ id: '3', restored: 7 }, { id: '4', restored: null }], extra: { a: 1, b: [true] } })).toEqual([
      { term: 'Områden (id)', description: '3, 4' },
      { term: 'extra', description: 'a: 1; b: Ja' },
    ])
  })

  it('has no lines for no details', () => {
    expect(describeDetails(null)).toEqual([])
    expect(describeDetails(['not', 'an', 'object'])).toEqual([])
  })
})
