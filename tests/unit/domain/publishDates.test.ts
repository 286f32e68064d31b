import { describe, expect, it } from 'vitest'

import { contentFingerprint, nextPublishDates } from '@/domain/publishDates'

const page = {
  title: 'Ekonomiskt bistånd',
  teaser: 'Öppna jämförelser av ekonomiskt bistånd',
  section: 7,
  body: [{ id: 'a1', blockType: 'resultSet', surveyYear: 2021, bullets: [{ id: 'b1', national: 'N', local: 'L' }] }],
}

describe('nextPublishDates', () => {
  it('the first publish sets both dates to now', () => {
    expect(nextPublishDates({ live: null, next: page, now: '2024-01-02T10:00:00.000Z' })).toEqual({
      firstPublishedAt: '2024-01-02T10:00:00.000Z',
      lastPublishedAt: '2024-01-02T10:00:00.000Z',
    })
  })

  it('a publish that changes content moves only "Senast uppdaterad"', () => {
    const live = { ...page, firstPublishedAt: '2019-06-27T00:00:00.000Z', lastPublishedAt: '2020-06-30T00:00:00.000Z' }
    const next = { ...page, teaser: 'Ny text' }
    expect(nextPublishDates({ live, next, now: '2024-05-05T00:00:00.000Z' })).toEqual({
      firstPublishedAt: '2019-06-27T00:00:00.000Z',
      lastPublishedAt: '2024-05-05T00:00:00.000Z',
    })
  })

  it('a publish without a content change keeps both dates', () => {
    const live = { ...page, firstPublishedAt: '2019-06-27T00:00:00.000Z', lastPublishedAt: '2020-06-30T00:00:00.000Z' }
    const next = { ...page, _status: 'published', updatedAt: 'x', body: [{ ...page.body[0], id: 'other-row-id' }] }
    expect(nextPublishDates({ live, next, now: '2024-05-05T00:00:00.000Z' }).lastPublishedAt).toBe('2020-06-30T00:00:00.000Z')
  })
})

describe('contentFingerprint', () => {
  it('ignores row ids, key order, empty values and a populated relationship', () => {
    const reordered = { body: [{ bullets: [{ local: 'L', national: 'N', id: 'z' }], surveyYear: 2021, blockType: 'resultSet' }], section: { id: 7, title: 'Avsnitt' }, teaser: page.teaser, title: page.title, otherLinks: [] as unknown[] }
    expect(contentFingerprint({ ...reordered, otherLinks: null })).toBe(contentFingerprint(page))
  })

  it('sees a changed answer, year or section', () => {
    const base = contentFingerprint(page)
    expect(contentFingerprint({ ...page, section: 8 })).not.toBe(base)
    expect(contentFingerprint({ ...page, body: [{ ...page.body[0], surveyYear: 2022 }] })).not.toBe(base)
    expect(contentFingerprint({ ...page, body: [{ ...page.body[0], bullets: [{ national: 'N', local: 'Annat' }] }] })).not.toBe(base)
  })
})

describe('the order of the result sets', () => {
  const older = { blockType: 'resultSet', surveyYear: 2019, bullets: [{ national: 'Äldre', local: 'L' }] }
  const text = { blockType: 'textSection', heading: 'Om undersökningen' }

  it('is not content: the same years in another order are the same page (every save stores them newest first)', () => {
    expect(contentFingerprint({ ...page, body: [older, ...page.body] })).toBe(contentFingerprint({ ...page, body: [...page.body, older] }))
  })

  it('but a text block moved among them is', () => {
    expect(contentFingerprint({ ...page, body: [text, ...page.body, older] })).not.toBe(contentFingerprint({ ...page, body: [...page.body, text, older] }))
  })
})

describe('derived values', () => {
  it('a result set’s derived heading is not content, a text section’s heading is', () => {
    const withHeading = { ...page, body: [{ ...page.body[0], heading: 'Årets resultat visar att:' }] }
    expect(contentFingerprint(withHeading)).toBe(contentFingerprint(page))
    const section = (heading: string) => ({ ...page, body: [{ blockType: 'textSection', heading, content: null }] })
    expect(contentFingerprint(section('A'))).not.toBe(contentFingerprint(section('B')))
  })
})
