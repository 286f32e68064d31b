import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { Catalog } from '@/delivery/catalog'
import type { AreaList, AreaListItem, AreaPage, Notice, SectionPage } from '@/delivery/schemas'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { AccessibilityStatement, STATEMENT_DATE } from '@/frontend/AccessibilityStatement'
import { AreaPageView } from '@/frontend/AreaPageView'
import { collectAllAreas, homeListing } from '@/frontend/home'
import { HomeView } from '@/frontend/HomeView'
import { MessageView } from '@/frontend/MessageView'
import { PageShell } from '@/frontend/PageShell'
import { PREVIEW_BANNER_TEXT, PreviewBanner } from '@/frontend/PreviewBanner'
import { documentTitle } from '@/frontend/pages'
import { VersionBanner, VersionListView } from '@/frontend/VersionViews'
import {
  fitHeadings,
  hyphenate,
  hyphenateHeadings,
  lowerFirst,
  MAIN_ID,
  moreInSectionHeading,
  paragraphs,
  SKIP_LINK_TEXT,
  SOFT_HYPHEN,
  splitNote,
  swedishDateOrNull,
} from '@/frontend/text'

const render = (element: ReactElement) => renderToStaticMarkup(element)

/** The text as a reader sees it on one line: soft hyphens are invisible there. */
const visible = (html: string) => html.replaceAll(SOFT_HYPHEN, '')

/** Soft hyphens written as "|", to spell out where a word may break. */
const marked = (text: string) => text.replaceAll(SOFT_HYPHEN, '|')

/** Heading levels in document order, e.g. [1, 2, 2, 3]. */
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]))

/** True when no heading goes more than one level deeper than the one before it. */
const noSkippedLevels = (levels: number[]) => levels.every((level, index) => index === 0 || level <= levels[index - 1]! + 1)

const SECTION = { slug: 'jamforelser-service-och-kvalitet', title: 'Jämförelser, service och kvalitet i verksamheter' }

const page: AreaPage = {
  slug: 'missbruk-och-beroendevard',
  title: 'Missbruk- och beroendevård',
  teaser: 'Öppna jämförelser inom missbruk',
  section: SECTION,
  intro: { html: '<p>Jämförelsen publiceras vartannat år.</p><h3>Om jämförelsen</h3><p>Text.</p>', text: 'Jämförelsen publiceras vartannat år.' },
  body: [
    {
      type: 'resultSet',
      surveyYear: 2019,
      heading: 'Årets resultat visar att:',
      bullets: [
        { national: '63 procent av kommunerna erbjuder stödprogram.', local: 'Kalmar erbjuder stödprogram.' },
        { national: '11 procent av kommunerna har en rutin.', local: null },
      ],
    },
    {
      type: 'resultSet',
      surveyYear: 2018,
      heading: '2018 års resultat visar att:',
      bullets: [{ national: '93 procent erbjuder en manualbaserad insats', local: 'Kalmar erbjuder minst en.' }],
    },
    { type: 'textSection', heading: 'Så används resultatet', content: { html: '<p>En handlingsplan <a href="/plan">upprättas</a>.</p><h3>Mer</h3>', text: '' } },
    { type: 'textSection', heading: null, content: { html: '<p>Utan rubrik.</p>', text: 'Utan rubrik.' } },
    { type: 'note', text: 'OBS! Resultatet för 2017 stämmer inte helt.' },
  ],
  related: [
    { kind: 'link', title: 'Barn- och ungdomsvård', teaser: 'Öppna jämförelser barn- och ungdomsvården', href: null },
    { kind: 'area', title: 'Ekonomiskt bistånd', teaser: null, href: '/jamforelser/ekonomiskt-bistand' },
  ],
  otherLinks: [{ title: 'Socialstyrelsen', url: 'https://www.socialstyrelsen.se/' }],
  indicators: [],
  firstPublishedAt: '2017-07-04T12:00:00.000Z',
  lastPublishedAt: '2019-12-06T12:00:00.000Z',
  url: '/jamforelser/missbruk-och-beroendevard',
}

const notice = (overrides: Partial<Notice> = {}): Notice => ({
  text: 'Avspärrning av gator',
  body: 'Första stycket.\n\nAndra stycket.',
  startsAt: '2023-06-28T06:00:00.000Z',
  endsAt: null,
  scope: 'site',
  section: null,
  ...overrides,
})

const site = { municipality: 'Kalmar kommun', contactEmail: 'socialforvaltningen@kalmar.se' }

describe('frontend text helpers', () => {
  it('lower-cases the first letter of a section title, but not of an acronym', () => {
    expect(lowerFirst('Jämförelser, service och kvalitet i verksamheter')).toBe('jämförelser, service och kvalitet i verksamheter')
    expect(lowerFirst('Äldreomsorg')).toBe('äldreomsorg')
    expect(lowerFirst('SCB:s medborgarundersökning')).toBe('SCB:s medborgarundersökning')
    expect(lowerFirst('  ')).toBe('')
  })

  it('derives "Fler sidor inom …" from the section title, and a plain heading without one', () => {
    expect(moreInSectionHeading(SECTION.title)).toBe('Fler sidor inom jämförelser, service och kvalitet i verksamheter')
    expect(moreInSectionHeading(null)).toBe('Fler sidor')
    expect(moreInSectionHeading(' ')).toBe('Fler sidor')
  })

  it('prints dates in Swedish on the Stockholm calendar, null for missing or invalid ones', () => {
    expect(swedishDateOrNull('2019-12-06T12:00:00.000Z')).toBe('6 december 2019')
    expect(swedishDateOrNull('2023-06-27T22:30:00.000Z')).toBe('28 juni 2023')
    expect(swedishDateOrNull('2017-07-04')).toBe('4 juli 2017')
    expect(swedishDateOrNull(null)).toBeNull()
    expect(swedishDateOrNull('igår')).toBeNull()
  })

  it('splits the "OBS!" label off a note', () => {
    expect(splitNote('OBS! Resultatet stämmer inte.')).toEqual({ label: 'OBS!', rest: 'Resultatet stämmer inte.' })
    expect(splitNote('obs!Resultatet')).toEqual({ label: 'OBS!', rest: 'Resultatet' })
    expect(splitNote(' Utan etikett ')).toEqual({ label: 'OBS!', rest: 'Utan etikett' })
  })

  it('renumbers content headings to follow the heading they sit under', () => {
    expect(fitHeadings('<h3>A</h3><p>x</p><h4>B</h4>', 1)).toBe('<h2>A</h2><p>x</p><h3>B</h3>')
    expect(fitHeadings('<h3>A</h3><h4>B</h4>', 2)).toBe('<h3>A</h3><h4>B</h4>')
    expect(fitHeadings('<p>&lt;h3&gt;</p>', 1)).toBe('<p>&lt;h3&gt;</p>')
  })

  it('titles pages "<page> – Öppna jämförelser – <municipality>" and the start page without a page part', () => {
    expect(documentTitle('Kalmar kommun')).toBe('Öppna jämförelser – Kalmar kommun')
    expect(documentTitle('Kalmar kommun', 'Ekonomiskt bistånd')).toBe('Ekonomiskt bistånd – Öppna jämförelser – Kalmar kommun')
  })

  it('puts soft hyphens into long words only at Swedish syllable boundaries', () => {
    expect(marked(hyphenate('Tillgänglighetsredogörelse'))).toBe('Till|gäng|lig|hets|re|do|gö|rel|se')
    expect(marked(hyphenate('Stöd till personer med funktionsnedsättning'))).toBe('Stöd till personer med funk|tions|ned|sätt|ning')
    expect(marked(hyphenate('Missbruk- och beroendevård'))).toBe('Missbruk- och be|ro|en|de|vård')
    // The text is the same without them: copying, searching and the API see the word whole.
    expect(visible(hyphenate('Jämförelser, service och kvalitet i verksamheter'))).toBe('Jämförelser, service och kvalitet i verksamheter')
  })

  it('leaves short words, acronyms, addresses, figures and already hyphenated words alone', () => {
    for (const text of ['Ekonomiskt bistånd', 'SOCIALSTYRELSEN', 'www.socialstyrelsen.se', 'https://kalmar.se/socialforvaltningen', 'socialforvaltningen@kalmar.se', '2019–2023-jämförelserna', `Till${SOFT_HYPHEN}gänglighetsredogörelse`]) {
      expect(hyphenate(text), text).toBe(text)
    }
  })

  it('hyphenates the text of headings in safe HTML, not their tags, attributes or other elements', () => {
    const html = '<h2><a href="/tillganglighetsredogorelse">Tillgänglighetsredogörelse</a> &amp; funktionsnedsättning</h2><p>Tillgänglighetsredogörelse</p>'
    expect(marked(hyphenateHeadings(html))).toBe(
      '<h2><a href="/tillganglighetsredogorelse">Till|gäng|lig|hets|re|do|gö|rel|se</a> &amp; funk|tions|ned|sätt|ning</h2><p>Tillgänglighetsredogörelse</p>',
    )
  })

  it('splits plain text into paragraphs at blank lines', () => {
    expect(paragraphs('Ett.\n\n  Två.\n \nTre.')).toEqual(['Ett.', 'Två.', 'Tre.'])
    expect(paragraphs(null)).toEqual([])
  })
})

describe('AreaPageView', () => {
  const html = render(createElement(AreaPageView, { page, municipality: 'Kalmar kommun' }))

  it('has one h1 and no skipped heading level', () => {
    const levels = headingLevels(html)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    expect(levels[0]).toBe(1)
    expect(noSkippedLevels(levels)).toBe(true)
    // The intro's content heading (h3 in the stored HTML) sits directly under the h1.
    expect(html).toContain('<h2>Om jämförelsen</h2>')
  })

  it('renders the result sets in order with their derived headings', () => {
    expect(html.indexOf('<h2>Årets resultat visar att:</h2>')).toBeGreaterThan(-1)
    expect(html.indexOf('<h2>2018 års resultat visar att:</h2>')).toBeGreaterThan(html.indexOf('Årets resultat'))
  })

  it('labels each bullet as a national finding and the municipality\'s answer', () => {
    expect(html).toContain(
      '<dl class="result__pair"><div class="result__row result__row--national"><dt>Nationellt</dt><dd>63 procent av kommunerna erbjuder stödprogram.</dd></div>' +
        '<div class="result__row result__row--local"><dt>Kalmar kommun</dt><dd>Kalmar erbjuder stödprogram.</dd></div></dl>',
    )
    // A bullet without an answer has only its national finding.
    expect(html).toMatch(/<dt>Nationellt<\/dt><dd>11 procent av kommunerna har en rutin.<\/dd><\/div><\/dl>/)
  })

  it('renders text sections, the note, related pages, other links and the dates', () => {
    expect(html).toContain('<h2>Så används resultatet</h2>')
    expect(html).toContain('<a href="/plan">upprättas</a>')
    expect(html).toContain('<strong class="note__label">OBS!</strong> Resultatet för 2017 stämmer inte helt.')
    expect(visible(html)).toContain('<h2>Fler sidor inom jämförelser, service och kvalitet i verksamheter</h2>')
    expect(html).toContain('<p class="item-list__title">Barn- och ungdomsvård</p>')
    expect(html).toContain('<a href="/jamforelser/ekonomiskt-bistand">Ekonomiskt bistånd</a>')
    expect(html).toContain('<h2>Övriga länkar</h2>')
    expect(visible(html)).toContain('<a href="https://www.socialstyrelsen.se/">Socialstyrelsen</a>')
    expect(html).toMatch(/Senast uppdaterad:<\/span> <time dateTime="2019-12-06T12:00:00.000Z">6 december 2019<\/time>/)
    expect(html).toMatch(/Publicerad:<\/span> <time dateTime="2017-07-04T12:00:00.000Z">4 juli 2017<\/time>/)
    expect(html.indexOf('Senast uppdaterad')).toBeGreaterThan(html.indexOf('Övriga länkar'))
  })

  it('hyphenates long words in the headings and link texts, never in addresses', () => {
    const long = render(
      createElement(AreaPageView, {
        page: {
          ...page,
          title: 'Stöd till personer med funktionsnedsättning',
          intro: { html: '<p>Inledning.</p><h3>Om funktionsnedsättningar</h3>', text: 'Inledning.' },
          body: [{ type: 'textSection', heading: 'Tillgänglighetsredogörelse', content: { html: '<p>Funktionsnedsättning i brödtext.</p>', text: '' } }],
          related: [{ kind: 'area', title: 'Funktionsnedsättning', teaser: 'Om funktionsnedsättning', href: '/jamforelser/funktionsnedsattning' }],
        },
        municipality: 'Kalmar kommun',
      }),
    )
    expect(marked(long)).toContain('<h1>Stöd till personer med funk|tions|ned|sätt|ning</h1>')
    expect(marked(long)).toContain('<h2>Om funk|tions|ned|sätt|ning|ar</h2>')
    expect(marked(long)).toContain('<h2>Till|gäng|lig|hets|re|do|gö|rel|se</h2>')
    expect(marked(long)).toContain('<a href="/jamforelser/funktionsnedsattning">Funk|tions|ned|sätt|ning</a>')
    // Running text and teasers are left as written (they wrap between words).
    expect(long).toContain('<p>Funktionsnedsättning i brödtext.</p>')
    expect(long).toContain('<p class="item-list__teaser">Om funktionsnedsättning</p>')
  })

  it('shows a related page or other link without an address as plain text, not as a link', () => {
    const unlinked = render(
      createElement(AreaPageView, {
        page: { ...page, related: [{ kind: 'link', title: 'Vårdguiden', teaser: null, href: null }], otherLinks: [{ title: 'Handlingsplan', url: null }] },
        municipality: 'Kalmar kommun',
      }),
    )
    expect(unlinked).toContain('<p class="item-list__title">Vårdguiden</p>')
    expect(visible(unlinked)).toContain('<h2>Övriga länkar</h2><ul class="item-list"><li class="item-list__item"><p class="item-list__title">Handlingsplan</p></li></ul>')
    expect(visible(unlinked)).not.toMatch(/<a [^>]*>(Vårdguiden|Handlingsplan)<\/a>/)
  })

  it('leaves out empty related lists and says when a draft was never published', () => {
    const draft = render(
      createElement(AreaPageView, {
        page: { ...page, related: [], otherLinks: [], firstPublishedAt: null, lastPublishedAt: null, section: null },
        municipality: 'Växjö kommun',
      }),
    )
    expect(draft).not.toContain('Fler sidor')
    expect(draft).not.toContain('Övriga länkar')
    expect(draft).toContain('<dt>Växjö kommun</dt>')
    expect(draft).toContain('Publicerad:</span> inte publicerad ännu')
  })
})

describe('PageShell', () => {
  const html = render(createElement(PageShell, { site, notices: [notice()], children: createElement('h1', null, 'Rubrik') }))

  it('starts with the skip link to main and has header, nav, main and footer', () => {
    expect(html.startsWith(`<a class="skip-link" href="#${MAIN_ID}">${SKIP_LINK_TEXT}</a><header`)).toBe(true)
    expect(html).toContain(`<main id="${MAIN_ID}" tabindex="-1"><h1>Rubrik</h1></main>`)
    expect(html).toMatch(/<nav class="site-nav" aria-label="Huvudmeny">/)
    expect(html).toMatch(/<footer class="site-footer">.*<a href="\/tillganglighet">Tillgänglighetsredogörelse<\/a>/)
  })

  it('shows the active notices at the top, inside the header', () => {
    expect(html).toMatch(/<header class="site-header"><div class="notice-banner" role="region" aria-label="Driftmeddelanden">/)
    expect(html).toContain('<p class="notice-banner__text">Avspärrning av gator</p><p>Första stycket.</p><p>Andra stycket.</p>')
    const none = render(createElement(PageShell, { site, notices: [], children: null }))
    expect(none).not.toContain('notice-banner')
  })

  it('puts the preview banner above everything else in the header', () => {
    const preview = render(
      createElement(PageShell, { site, notices: [], banner: createElement(PreviewBanner, { expiresAt: '2023-06-28T12:05:00.000Z' }), children: null }),
    )
    expect(preview).toContain(`<header class="site-header"><div class="preview-banner" role="region" aria-label="Förhandsgranskning"><p class="preview-banner__title">${PREVIEW_BANNER_TEXT}</p>`)
    expect(preview).toContain('Länken gäller till <time dateTime="2023-06-28T12:05:00.000Z">28 juni 2023 kl. 14.05</time>.')
  })
})

describe('home listing', () => {
  const item = (slug: string, title: string, section: AreaListItem['section']): AreaListItem => ({
    slug,
    title,
    teaser: `Om ${title.toLowerCase()}`,
    section,
    firstPublishedAt: null,
    lastPublishedAt: null,
    url: `/jamforelser/${slug}`,
  })
  const areas = [
    item('ekonomiskt-bistand', 'Ekonomiskt bistånd', SECTION),
    item('missbruk', 'Missbruk', SECTION),
    item('stod', 'Stöd till personer med funktionsnedsättning', SECTION),
    item('utan', 'Utan avsnitt', null),
  ]
  const sections: SectionPage[] = [
    {
      ...SECTION,
      members: [
        { kind: 'link', title: 'Barn- och ungdomsvård', teaser: null, href: null },
        { kind: 'area', title: 'Stöd till personer med funktionsnedsättning', teaser: 'Stöd', href: '/jamforelser/stod' },
      ],
    },
    { slug: 'tomt', title: 'Tomt avsnitt', members: [] },
  ]

  it('lists a section\'s areas (ordered members first, then the rest by title), then its outside pages', () => {
    const listing = homeListing(sections, areas)
    expect(listing.sections).toHaveLength(1)
    expect(listing.sections[0]!.items.map((entry) => entry.title)).toEqual([
      'Stöd till personer med funktionsnedsättning',
      'Ekonomiskt bistånd',
      'Missbruk',
      'Barn- och ungdomsvård',
    ])
    expect(listing.unsectioned).toEqual([{ title: 'Utan avsnitt', teaser: 'Om utan avsnitt', href: '/jamforelser/utan' }])
  })

  it('reads every page of a paged area list', () => {
    const pages: Record<number, AreaList> = {
      1: { items: areas.slice(0, 2), total: 4, page: 1, limit: 2, totalPages: 2 },
      2: { items: areas.slice(2), total: 4, page: 2, limit: 2, totalPages: 2 },
    }
    expect(collectAllAreas((n) => pages[n]!).map((area) => area.slug)).toEqual(['ekonomiskt-bistand', 'missbruk', 'stod', 'utan'])
  })

  it('renders sections and unsectioned areas under one h1 with linked titles', () => {
    const listing = homeListing(sections, areas)
    const html = render(createElement(HomeView, { municipality: 'Kalmar kommun', ...listing }))
    expect(headingLevels(html)).toEqual([1, 2, 2])
    expect(html).toContain('<h2>Övriga jämförelser</h2>')
    expect(html).toContain('<a href="/jamforelser/missbruk">Missbruk</a>')
    const empty = render(createElement(HomeView, { municipality: 'Kalmar kommun', sections: [], unsectioned: [] }))
    expect(empty).toContain('Det finns inga publicerade jämförelser just nu.')
  })
})

describe('accessibility statement and message pages', () => {
  it('has the parts the law and DIGG\'s model require', () => {
    const html = render(createElement(AccessibilityStatement, { municipality: 'Kalmar kommun', contactEmail: 'a11y@kalmar.example' }))
    expect(headingLevels(html).filter((level) => level === 1)).toHaveLength(1)
    expect(noSkippedLevels(headingLevels(html))).toBe(true)
    for (const heading of [
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat webbplatsen',
    ]) {
      expect(visible(html)).toContain(`${heading}</h`)
    }
    expect(html).toContain('<a href="https://www.digg.se/tdosanmalan">')
    expect(marked(html)).toContain('<h1>Till|gäng|lig|hets|re|do|gö|rel|se</h1>')
    expect(html).toContain('<a href="mailto:a11y@kalmar.example">a11y@kalmar.example</a>')
    expect(html).toContain('lagen (2018:1937)')
    expect(html).toContain(`<time dateTime="${STATEMENT_DATE}">`)
  })

  it('a message page has an h1, the message and a link home', () => {
    const html = render(createElement(MessageView, { heading: 'Sidan finns inte', message: 'Länken har gått ut.' }))
    expect(html).toBe('<div class="message-page"><h1>Sidan finns inte</h1><p>Länken har gått ut.</p><p><a href="/">Till startsidan</a></p></div>')
  })
})

describe('the history of a page imported with an earlier first publication', () => {
  const snapshot = buildAreaSnapshot({ id: 7, slug: 'missbruk', title: 'Missbruk', body: [], firstPublishedAt: '2019-06-27T10:00:00.000Z', lastPublishedAt: '2024-07-01T10:00:00.000Z' })
  const catalog = new Catalog([snapshot])
  const changes = { added: [], removed: [], changed: [], other: [] }
  catalog.setHistory([
    { areaId: '7', slug: 'missbruk', title: 'Missbruk', number: 1, publishedAt: '2020-07-01T10:00:00.000Z', summary: 'Första publiceringen.', changes },
    { areaId: '7', slug: 'missbruk', title: 'Missbruk', number: 2, publishedAt: '2024-07-01T10:00:00.000Z', summary: '1 ny punkt.', changes },
  ])
  const KNOWN = 'Den äldsta version som finns i systemet. Sidan publicerades första gången 27 juni 2019; tidigare versioner finns inte här.'

  it('the list says the oldest version is the oldest held, not the first publication', () => {
    const html = render(createElement(VersionListView, { list: catalog.versionList('missbruk')! }))
    expect(html).toContain(`<p>${KNOWN}</p>`)
    expect(html).not.toContain('Första publiceringen')
    expect(html).toContain('<p>1 ny punkt.</p>')
  })

  it('so does the banner above that version', () => {
    const html = render(createElement(VersionBanner, { page: catalog.storeVersionPage('missbruk', 1, snapshot)!, slug: 'missbruk' }))
    expect(html).toContain(`<p>${KNOWN} <a href="/jamforelser/missbruk/historik">Alla versioner</a></p>`)
    expect(html).toContain('<time dateTime="2020-07-01T10:00:00.000Z">1 juli 2020 kl. 12.00</time>')
  })
})
