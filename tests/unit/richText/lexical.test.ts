import { describe, expect, it } from 'vitest'

import { lexicalToParagraphs, lexicalToPlainText, paragraphsToLexical } from '@/richText/lexical'

describe('rich text from and to paragraphs', () => {
  it('round-trips paragraphs exactly, including non-breaking and double spaces', () => {
    const paragraphs = ['Öppna jämförelser görs i samverkan mellan  Socialstyrelsen och SKR.', 'Statistik över\u00a0 kommuner.']
    expect(lexicalToParagraphs(paragraphsToLexical(paragraphs))).toEqual(paragraphs)
  })

  it('gives plain text with blank lines between paragraphs and skips empty ones', () => {
    expect(lexicalToPlainText(paragraphsToLexical(['Ett.', '', 'Två.']))).toBe('Ett.\n\nTvå.')
  })

  it('reads headings, lists and line breaks an editor may have written', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Rubrik' }] },
          { type: 'paragraph', children: [{ type: 'text', text: 'Rad 1' }, { type: 'linebreak' }, { type: 'text', text: 'Rad 2' }] },
        ],
      },
    }
    expect(lexicalToParagraphs(state)).toEqual(['Rubrik', 'Rad 1\nRad 2'])
  })

  it('treats missing or malformed state as empty', () => {
    expect(lexicalToParagraphs(null)).toEqual([])
    expect(lexicalToParagraphs({ root: {} })).toEqual([])
  })
})
