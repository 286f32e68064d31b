import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { changedFields, type ComparedField } from '@/audit/changes'
import { comparedFields } from '@/audit/fields'

const FIELDS: ComparedField[] = [
  { name: 'title', label: 'Titel', kind: 'value' },
  { name: 'teaser', label: 'Ingress i länklistor', kind: 'value' },
  { name: 'section', label: 'Avsnitt', kind: 'relation' },
  { name: 'body', label: 'Innehåll', kind: 'blocks', blockLabels: { resultSet: 'Resultat', textSection: 'Textavsnitt', note: 'OBS-ruta' } },
]

const resultSet = (id: string, surveyYear: number, local: string) => ({ id, blockType: 'resultSet', surveyYear, lead: 'visar att', bullets: [{ id: `${id}-b`, local }] })
const page = { title: 'Ekonomiskt bistånd', teaser: 'Kort', section: 4, body: [resultSet('r1', 2023, 'Ja'), { id: 't1', blockType: 'textSection', heading: 'Sammanfattning', content: 'A' }] }

describe('changedFields: what a save changed, in the edit view\'s labels', () => {
  it('names nothing when nothing a reader sees differs (row ids, empty strings, a populated relation, the derived heading)', () => {
    const same = {
      ...page,
      teaser: 'Kort',
      section: { id: 4, title: 'Barn och unga' },
      body: [{ ...resultSet('r1', 2023, 'Ja'), heading: 'Årets resultat visar att:' }, page.body[1]],
      otherField: 'not compared',
    }
    expect(changedFields(page, same, FIELDS)).toEqual([])
  })

  it('names each changed top-level field, in the fields\' order', () => {
    expect(changedFields(page, { ...page, teaser: 'Längre ingress', title: 'Ny titel', section: 5 }, FIELDS)).toEqual(['Titel', 'Ingress i länklistor', 'Avsnitt'])
  })

  it('treats an emptied field as changed, and empty and missing as the same', () => {
    expect(changedFields(page, { ...page, teaser: '' }, FIELDS)).toEqual(['Ingress i länklistor'])
    expect(changedFields({ ...page, teaser: null }, { ...page, teaser: undefined }, FIELDS)).toEqual([])
  })

  it('names the blocks of the body: a result set by its year, a section by its heading, added and removed ones', () => {
    const next = {
      ...page,
      body: [resultSet('r2', 2024, 'Nej'), resultSet('r1', 2023, 'Delvis'), { id: 'n1', blockType: 'note', text: 'OBS' }],
    }
    expect(changedFields(page, next, FIELDS)).toEqual([
      'Innehåll: nytt block Resultat 2024',
      'Innehåll: Resultat 2023',
      'Innehåll: nytt block OBS-ruta 1',
      'Innehåll: borttaget block Textavsnitt "Sammanfattning"',
    ])
  })

  it('says when only the order of the blocks changed', () => {
    expect(changedFields(page, { ...page, body: [page.body[1], page.body[0]] }, FIELDS)).toEqual(['Innehåll: blockens ordning'])
  })

  it('compares against nothing for a new document: every filled field', () => {
    expect(changedFields(null, { title: 'Ny sida', teaser: '' }, FIELDS)).toEqual(['Titel'])
  })
})

describe('comparedFields: the fields a person edits, from the collection\'s config', () => {
  const label = (sv: string) => Object.assign(() => sv, { translations: { sv, en: sv } })
  const fields = [
    { name: 'title', type: 'text', label: { sv: 'Titel', en: 'Title' } },
    { type: 'row', fields: [{ name: 'owner', type: 'relationship', relationTo: 'users', label: label('Sidansvarig') }] },
    { name: 'revision', type: 'number', admin: { hidden: true } },
    { name: 'workflowState', type: 'select', options: [], admin: { readOnly: true } },
    { name: 'heading', type: 'text', virtual: true },
    { name: 'qualityPanel', type: 'ui', admin: { components: {} } },
    { name: '_status', type: 'select', options: [] },
    { name: 'updatedAt', type: 'date' },
    { name: 'body', type: 'blocks', label: { sv: 'Innehåll', en: 'Body' }, blocks: [{ slug: 'note', labels: { singular: { sv: 'OBS-ruta', en: 'Note' }, plural: 'x' }, fields: [] }] },
    { name: 'slug', type: 'text' },
  ] as unknown as Field[]

  it('keeps named, stored, writable fields with their Swedish labels, and leaves bookkeeping out', () => {
    expect(comparedFields(fields)).toEqual([
      { name: 'title', label: 'Titel', kind: 'value' },
      { name: 'owner', label: 'Sidansvarig', kind: 'relation' },
      { name: 'body', label: 'Innehåll', kind: 'blocks', blockLabels: { note: 'OBS-ruta' } },
      { name: 'slug', label: 'slug', kind: 'value' },
    ])
  })
})

describe('changedFields: a body sent without row ids (the importer, API clients)', () => {
  it('pairs blocks by their year or heading, so an unchanged block is not "removed and added"', () => {
    // The same two blocks as before, under ids the importer's save gave them, after a new one.
    const next = {
      ...page,
      body: [resultSet('x1', 2024, 'Nej'), resultSet('x2', 2023, 'Ja'), { id: 'x3', blockType: 'textSection', heading: 'Sammanfattning', content: 'A' }],
    }
    expect(changedFields(page, next, FIELDS)).toEqual(['Innehåll: nytt block Resultat 2024'])
  })
})
