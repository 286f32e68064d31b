import { describe, expect, it } from 'vitest'

import { buildAreaSnapshot } from '@/delivery/snapshot'
import { paragraphsToLexical } from '@/richText/lexical'

const set = (surveyYear: number, lead = 'visar att', bullets = [{ national: `N ${surveyYear}`, local: `K ${surveyYear}` }]) => ({
  blockType: 'resultSet',
  surveyYear,
  lead,
  bullets,
})

describe('buildAreaSnapshot', () => {
  it('orders result sets newest first, each with the blocks after it (as the save stores them), and derives their headings', () => {
    const snapshot = buildAreaSnapshot({
      id: 7,
      slug: 'sida',
      title: ' Sida ',
      body: [set(2019), { blockType: 'note', text: 'OBS!' }, set(2023, 'visar bland annat'), set(2021)],
    })
    expect(snapshot.body.map((block) => (block.type === 'resultSet' ? block.heading : block.type))).toEqual([
      'Årets resultat visar bland annat:',
      '2021 års resultat visar att:',
      '2019 års resultat visar att:',
      'note',
    ])
    expect(snapshot).toMatchObject({ id: '7', title: 'Sida', teaser: null, sectionId: null, intro: null })
  })

  it('keeps an answer missing as null and an indicator only when it has a value', () => {
    const snapshot = buildAreaSnapshot({
      id: 'a',
      body: [
        set(2023, 'visar att', [
          { national: 'N1', local: '  ', indicator: { code: null, nationalPercent: null, localValue: '' } } as never,
          { national: 'N2', local: 'K2', indicator: { code: 'ESL', nationalPercent: 37, localValue: 'nej' } } as never,
          { national: ' ', local: 'bara svar' },
        ]),
      ],
    })
    const [block] = snapshot.body
    expect(block).toMatchObject({
      bullets: [
        { national: 'N1', local: null },
        { national: 'N2', local: 'K2', indicator: { code: 'ESL', nationalPercent: 37, localValue: 'nej' } },
      ],
    })
    expect((block as { bullets: object[] }).bullets[0]).not.toHaveProperty('indicator')
  })

  it('turns rich text into safe HTML and plain text, and keeps a link without an address as text', () => {
    const snapshot = buildAreaSnapshot({
      id: 1,
      slug: 's',
      section: { id: 3 },
      intro: paragraphsToLexical(['Första <stycket>.', 'Andra.']),
      body: [{ blockType: 'textSection', heading: 'Så används resultatet', content: paragraphsToLexical(['Text.']) }],
      otherLinks: [{ title: 'Kalmar', url: 'https://kalmar.se' }, { title: 'Utan adress', url: '' }],
      firstPublishedAt: '2019-06-27',
      lastPublishedAt: 'inte ett datum',
    })
    expect(snapshot.intro).toEqual({ html: '<p>Första &lt;stycket&gt;.</p><p>Andra.</p>', text: 'Första <stycket>.\n\nAndra.' })
    expect(snapshot.body[0]).toEqual({ type: 'textSection', heading: 'Så används resultatet', content: { html: '<p>Text.</p>', text: 'Text.' } })
    // A link without an address is kept as text (issue 15), never dropped.
    expect(snapshot.otherLinks).toEqual([{ title: 'Kalmar', url: 'https://kalmar.se' }, { title: 'Utan adress', url: null }])
    expect(snapshot).toMatchObject({ sectionId: '3', firstPublishedAt: '2019-06-27T00:00:00.000Z', lastPublishedAt: null })
  })
})
