import { describe, expect, it } from 'vitest'

import { PageParseError, type ParsedPage, parsedPageSchema, parsePage } from '@/pageImport/parse'

import { readSeed, SEED_FILES } from './seeds'

const SECTION = 'Jämförelser, service och kvalitet i verksamheter'
const resultSets = (page: ParsedPage) => page.body.filter((block) => block.type === 'resultSet')
const count = (page: ParsedPage, type: ParsedPage['body'][number]['type']) => page.body.filter((block) => block.type === type).length
const warningCodes = (page: ParsedPage) => page.warnings.map((warning) => [warning.code, warning.line])

type Expected = {
  file: string
  title: string
  notice: ParsedPage['notice']
  sets: Array<{ year: number; lead: 'visar att' | 'visar bland annat'; line: number; bullets: number }>
  textSections: number
  notes: number
  related: { count: number; first: string; last: string }
  hasOtherLinksHeading: boolean
  lastUpdated: string
  published: string
  warnings: Array<[string, number]>
}

const EXPECTED: Expected[] = [
  {
    file: SEED_FILES['000'],
    title: 'Psykisk funktionsnedsättning - socialpsykiatri',
    notice: { text: 'Avspärrning av gator för att inspektera gasminibussar. Höga smällar kan förekomma.', body: null, line: 1 },
    // Two "Årets" sets (rad 7: 3 bullets "visar bland annat", rad 21: 3 bullets "visar att") merged into one.
    sets: [{ year: 2023, lead: 'visar bland annat', line: 7, bullets: 6 }],
    textSections: 0,
    notes: 0,
    related: { count: 6, first: 'Barn- och ungdomsvård', last: 'Vård och omsorg om äldre' },
    hasOtherLinksHeading: true,
    lastUpdated: '2023-06-28',
    published: '2019-06-27',
    warnings: [
      ['suspected-hyphen', 19],
      ['merged-result-sets', 21],
    ],
  },
  {
    file: SEED_FILES['001'],
    title: 'Psykisk funktionsnedsättning - socialpsykiatri',
    notice: {
      text: 'Begränsa smittspridningen av covid-19',
      body: 'Här hittar du de lagar, råd och rekommendationer som gäller för Kalmar län.',
      line: 1,
    },
    sets: [
      { year: 2020, lead: 'visar att', line: 9, bullets: 5 },
      { year: 2019, lead: 'visar att', line: 26, bullets: 3 },
      { year: 2018, lead: 'visar att', line: 37, bullets: 3 },
    ],
    textSections: 0,
    notes: 0,
    related: { count: 6, first: 'Barn- och ungdomsvård', last: 'Vård och omsorg om äldre' },
    hasOtherLinksHeading: false,
    lastUpdated: '2020-06-30',
    published: '2019-06-27',
    warnings: [],
  },
  {
    file: SEED_FILES['002'],
    title: 'Stöd till personer med funktionsnedsättning',
    notice: null,
    // Two "Årets" sets (rad 5: 5 bullets, rad 27: 4 bullets) merged into one.
    sets: [
      { year: 2021, lead: 'visar att', line: 5, bullets: 9 },
      { year: 2019, lead: 'visar att', line: 41, bullets: 3 },
      { year: 2018, lead: 'visar att', line: 52, bullets: 4 },
    ],
    textSections: 2,
    notes: 0,
    related: { count: 5, first: 'Barn- och ungdomsvård', last: 'Vård och omsorg om äldre' },
    hasOtherLinksHeading: false,
    lastUpdated: '2021-06-24',
    published: '2017-07-04',
    warnings: [
      ['merged-result-sets', 27],
      ['joined-lines', 69],
      ['joined-lines', 75],
    ],
  },
  {
    file: SEED_FILES['003'],
    title: 'Missbruk- och beroendevård',
    notice: null,
    sets: [
      { year: 2019, lead: 'visar att', line: 5, bullets: 3 },
      { year: 2018, lead: 'visar att', line: 14, bullets: 3 },
    ],
    textSections: 1,
    notes: 1,
    related: { count: 6, first: 'Barn- och ungdomsvård', last: 'Vård och omsorg om äldre' },
    hasOtherLinksHeading: false,
    lastUpdated: '2019-12-06',
    published: '2017-07-04',
    warnings: [
      ['suspected-hyphen', 11],
      ['joined-lines', 25],
      ['joined-lines', 30],
      ['joined-lines', 33],
      ['joined-lines', 38],
    ],
  },
  {
    file: SEED_FILES['004'],
    title: 'Ekonomiskt bistånd',
    notice: null,
    sets: [{ year: 2021, lead: 'visar att', line: 5, bullets: 4 }],
    textSections: 0,
    notes: 0,
    related: { count: 6, first: 'Barn- och ungdomsvård', last: 'Vård och omsorg om äldre' },
    hasOtherLinksHeading: false,
    lastUpdated: '2021-06-24',
    published: '2018-06-29',
    warnings: [],
  },
]

describe.each(EXPECTED)('seed file $file', (expected) => {
  const text = readSeed(expected.file)
  const page = parsePage(text, expected.file)
  const lines = text.split('\n')
  const lineText = (line: number) => (lines[line - 1] ?? '').trim()
  // Every line trimmed and joined with one space: texts that spanned lines appear in it verbatim.
  const joined = lines.map((line) => line.trim()).join(' ')

  it('has the expected head, dates and section', () => {
    expect(page.sourceName).toBe(expected.file)
    expect(page.title).toBe(expected.title)
    expect(page.notice).toEqual(expected.notice)
    expect(page.intro).toHaveLength(1)
    expect(page.intro[0]).toMatch(/jämförelse/i)
    expect(page.lastUpdated).toBe(expected.lastUpdated)
    expect(page.published).toBe(expected.published)
    expect(page.section).toEqual({ title: SECTION, line: expect.any(Number) })
    expect(lineText(page.section!.line)).toBe('Fler sidor inom jämförelser, service och kvalitet i verksamheter')
  })

  it('has the expected result sets, in file order', () => {
    expect(resultSets(page).map((set) => ({ year: set.surveyYear, lead: set.lead, line: set.line, bullets: set.bullets.length }))).toEqual(
      expected.sets,
    )
    expect(count(page, 'textSection')).toBe(expected.textSections)
    expect(count(page, 'note')).toBe(expected.notes)
  })

  it('has the expected related pages and other links', () => {
    expect(page.related).toHaveLength(expected.related.count)
    expect(page.related[0]?.title).toBe(expected.related.first)
    expect(page.related.at(-1)?.title).toBe(expected.related.last)
    expect(page.related.every((item) => item.teaser !== '')).toBe(true)
    expect(page.otherLinks).toEqual([])
    expect(page.hasOtherLinksHeading).toBe(expected.hasOtherLinksHeading)
  })

  it('reports exactly the expected warnings', () => {
    expect(warningCodes(page)).toEqual(expected.warnings)
  })

  it('takes every bullet from its own lines, verbatim', () => {
    const bullets = resultSets(page).flatMap((set) => set.bullets)
    expect(bullets).toHaveLength(text.split('\n').filter((line) => /^\s*•/.test(line)).length)
    for (const bullet of bullets) {
      expect(bullet.national.length).toBeGreaterThan(0)
      expect(bullet.local.length).toBeGreaterThan(0)
      expect(lineText(bullet.line)).toBe(`• ${bullet.national}`)
      expect(bullet.localLine).not.toBeNull()
      expect(lineText(bullet.localLine!)).toBe(bullet.local)
      expect(joined).toContain(bullet.national)
      expect(joined).toContain(bullet.local)
    }
  })

  it('keeps all other text verbatim (after joining lines)', () => {
    const texts = [
      page.title,
      ...page.intro,
      ...page.body.flatMap((block) =>
        block.type === 'textSection' ? [block.heading ?? '', ...block.paragraphs] : block.type === 'note' ? [block.text] : [],
      ),
      ...page.related.flatMap((item) => [item.title, item.teaser]),
    ].filter(Boolean)
    for (const part of texts) expect(joined).toContain(part)
  })

  it('satisfies the schema', () => {
    expect(parsedPageSchema.parse(page)).toEqual(page)
  })
})

describe('seed details', () => {
  const parse = (key: keyof typeof SEED_FILES) => parsePage(readSeed(SEED_FILES[key]), SEED_FILES[key])

  it('000: merges the two "Årets" sets in file order and names both lines', () => {
    const page = parse('000')
    const [set] = resultSets(page)
    expect(set?.bullets.map((bullet) => [bullet.line, bullet.localLine])).toEqual([
      [9, 11],
      [13, 15],
      [17, 19],
      [23, 25],
      [27, 29],
      [31, 33],
    ])
    const merged = page.warnings.find((warning) => warning.code === 'merged-result-sets')
    expect(merged?.message).toBe(
      'Resultatavsnitten på rad 7 och rad 21 gäller båda år 2023 och har slagits ihop till ett (punkterna i filens ordning).',
    )
    expect(page.warnings.find((warning) => warning.code === 'suspected-hyphen')?.message).toBe(
      'Möjligt avstavningsfel på rad 19: "IPS- modellen". Texten har inte ändrats.',
    )
    // Text kept as written: the "IPS- modellen" artifact and the double space after "mellan".
    expect(set?.bullets[2]?.local).toBe('Kalmar erbjuder inte arbetslivsinriktad rehabilitering enligt IPS- modellen för målgruppen')
    expect(page.intro[0]).toContain('mellan\u00a0 Socialstyrelsen')
    expect(page.related[2]?.teaser).toBe(
      'Kommunens Kvalitet i Korthet (KKiK) omfattar totalt ca 40 nyckeltal och är indelad i tre huvudområden: Barn och ung',
    )
  })

  it('001: reads the "2018 års" heading with a non-breaking space', () => {
    const page = parse('001')
    expect(readSeed(SEED_FILES['001']).split('\n')[36]).toBe('2018 års\u00a0resultat visar att:')
    expect(resultSets(page)[2]?.surveyYear).toBe(2018)
    expect(page.intro[0]).toContain('över\u00a0kommuners')
  })

  it('002: text sections with their headings and joined paragraphs', () => {
    const page = parse('002')
    const sections = page.body.filter((block) => block.type === 'textSection')
    expect(sections.map((section) => [section.heading, section.line, section.paragraphs.length])).toEqual([
      ['Sammanfattning av kommunens resultat', 67, 3],
      ['Så används resultatet', 78, 2],
    ])
    expect(sections[0]?.paragraphs[0]).toContain('(däribland Kalmar) håller dock på att införa arbetssättet som kan utgöra ett stöd för systematisk uppföljning.')
    expect(page.body.map((block) => block.type)).toEqual(['resultSet', 'resultSet', 'resultSet', 'textSection', 'textSection'])
    // Answers after a blank line (first set) and on the next line (second set) both count.
    expect(resultSets(page)[0]?.bullets.map((bullet) => bullet.localLine)).toEqual([9, 13, 17, 21, 25, 30, 33, 36, 39])
  })

  it('003: the indented heading, bullets without blank lines, prose and the OBS! note in order', () => {
    const page = parse('003')
    expect(page.body.map((block) => [block.type, block.line])).toEqual([
      ['resultSet', 5],
      ['resultSet', 14],
      ['textSection', 25],
      ['note', 46],
    ])
    const prose = page.body[2]
    expect(prose?.type === 'textSection' && prose.heading).toBe(null)
    expect(prose?.type === 'textSection' && prose.paragraphs.length).toBe(6)
    expect(page.body[3]).toEqual({
      type: 'note',
      text: 'OBS! Resultatet som redovisas av Socialstyrelsen för 2017 stämmer inte helt överens med de uppgifter som rapporterats in.',
      line: 46,
    })
    expect(resultSets(page)[0]?.bullets[2]?.national).toContain('beroendeframkal-lande')
    // The trailing non-breaking space of the intro line is trimmed.
    expect(page.intro[0]?.endsWith('(SKR).')).toBe(true)
  })
})

const PAGE_HEAD = ['Ekonomiskt bistånd', '', 'Öppna jämförelser bygger på enkäter till landets kommuner.', '']
const PAGE_TAIL = ['', 'Senast uppdaterad: 24 juni 2021', 'Publicerad: 29 juni 2018']
const page = (...body: string[]) => [...PAGE_HEAD, ...body, ...PAGE_TAIL].join('\n')

function parseError(text: string, name = 'test.txt'): PageParseError {
  try {
    parsePage(text, name)
  } catch (error) {
    if (error instanceof PageParseError) return error
    throw error
  }
  throw new Error('expected a PageParseError')
}

describe('bad input', () => {
  it('refuses an empty file', () => {
    for (const text of ['', '\n\n', '  \n\u00a0\n']) {
      const error = parseError(text, 'tom.txt')
      expect(error.message).toBe('tom.txt, rad 1: Filen är tom.')
      expect(error.sourceName).toBe('tom.txt')
      expect(error.line).toBe(1)
    }
  })

  it('refuses text that is not a page', () => {
    const error = parseError('hello world', 'hello.txt')
    expect(error).toBeInstanceOf(PageParseError)
    expect(error.line).toBe(1)
    expect(error.message).toMatch(/^hello\.txt, rad 1: Hittade ingen ingress/)
  })

  it('refuses a page without a title', () => {
    const error = parseError('Öppna jämförelser …\n\nSenast uppdaterad: 24 juni 2021\nPublicerad: 29 juni 2018')
    expect(error.message).toBe('test.txt, rad 1: Sidan saknar titel: ingressen är filens första stycke.')
  })

  it('refuses a page without dates, naming the missing line', () => {
    const withoutUpdated = readSeed(SEED_FILES['004']).replace('Senast uppdaterad: 24 juni 2021\n', '')
    expect(parseError(withoutUpdated).message).toMatch(/^test\.txt, rad 49: Raden "Senast uppdaterad: <datum>" saknas/)
    const withoutPublished = readSeed(SEED_FILES['004']).replace('\nPublicerad: 29 juni 2018', '')
    expect(parseError(withoutPublished).message).toMatch(/^test\.txt, rad 49: Raden "Publicerad: <datum>" saknas/)
    expect(parseError([...PAGE_HEAD, 'Bara text.'].join('\n')).message).toContain('"Senast uppdaterad: <datum>" saknas')
  })

  it('refuses an unknown month or an impossible day, naming the line', () => {
    const unknownMonth = readSeed(SEED_FILES['004']).replace('24 juni 2021', '24 juno 2021')
    expect(parseError(unknownMonth, '004.txt').message).toBe(
      '004.txt, rad 49: Felaktigt datum i "Senast uppdaterad: 24 juno 2021": Okänd månad "juno" i datumet "24 juno 2021".',
    )
    const badDay = readSeed(SEED_FILES['004']).replace('29 juni 2018', '31 juni 2018')
    expect(parseError(badDay, '004.txt').line).toBe(50)
    expect(parseError(page().replace('29 juni 2018', '2018-06-29')).message).toContain('är inte ett datum av formen "27 juni 2019"')
  })

  it('refuses a repeated date line', () => {
    const text = page().replace('Publicerad: 29 juni 2018', 'Publicerad: 29 juni 2018\nPublicerad: 30 juni 2018')
    expect(parseError(text).message).toBe('test.txt, rad 8: "Publicerad: 30 juni 2018" förekommer en andra gång (första gången på rad 7).')
  })

  it('refuses a bullet without text, naming the line', () => {
    const error = parseError(page('Årets resultat visar att:', '', '•', '  Kalmar svarar.'))
    expect(error.line).toBe(7)
    expect(error.message).toBe('test.txt, rad 7: Punkten ("•") saknar text.')
    expect(parseError(page('Årets resultat visar att:', '', ' •  \u00a0')).line).toBe(7)
    const seed = readSeed(SEED_FILES['001']).replace(/^ • En tredjedel.*$/m, ' •')
    expect(parseError(seed, '001.txt').message).toBe('001.txt, rad 11: Punkten ("•") saknar text.')
  })

  it('refuses a bullet before any result heading', () => {
    expect(parseError(page('• Nationellt.', '  Kalmar.')).message).toBe(
      'test.txt, rad 5: Punkten står före första resultatrubriken (t.ex. "Årets resultat visar att:").',
    )
  })

  it('is an Error with a name', () => {
    const error = parseError('x')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('PageParseError')
  })
})

describe('line endings', () => {
  it('parses CRLF input exactly like LF input', () => {
    for (const file of Object.values(SEED_FILES)) {
      const text = readSeed(file)
      expect(parsePage(text.replace(/\n/g, '\r\n'), file)).toEqual(parsePage(text, file))
    }
  })

  it('does not need a final newline, and ignores one', () => {
    const text = readSeed(SEED_FILES['000'])
    expect(text.endsWith('Publicerad: 27 juni 2019')).toBe(true)
    expect(parsePage(`${text}\n`, 'x')).toEqual(parsePage(text, 'x'))
    expect(parsePage(`${text}\r\n\r\n`, 'x')).toEqual(parsePage(text, 'x'))
  })

  it('ignores a byte order mark', () => {
    const text = readSeed(SEED_FILES['004'])
    expect(parsePage(`\uFEFF${text}`, 'x')).toEqual(parsePage(text, 'x'))
  })
})

describe('result set headings', () => {
  it('reads years, leads, non-breaking spaces and leading whitespace', () => {
    const parsed = parsePage(
      page(
        'Årets resultat visar bland annat:',
        '• A',
        '  a',
        '2019\u00a0års resultat visar att:',
        '• B',
        '  b',
        ' \u00a02018 års\u00a0resultat visar bland\u00a0annat:',
        '• C',
        '  c',
        'ÅRETS RESULTAT VISAR ATT :',
      ),
      'x',
    )
    expect(resultSets(parsed).map((set) => [set.surveyYear, set.lead, set.line])).toEqual([
      [2021, 'visar bland annat', 5],
      [2019, 'visar att', 8],
      [2018, 'visar bland annat', 11],
    ])
    // The last heading is a second "Årets" set without bullets: merged into the first.
    expect(warningCodes(parsed)).toEqual([['merged-result-sets', 14]])
  })

  it('does not take a sentence that starts like a heading for one', () => {
    const parsed = parsePage(page('2019 års resultat visar att:', '• A', '  a', '', 'Årets resultat visar på att en stor del av kommunerna har rutiner.'), 'x')
    expect(parsed.body.slice(1)).toEqual([
      { type: 'textSection', heading: null, paragraphs: ['Årets resultat visar på att en stor del av kommunerna har rutiner.'], line: 9 },
    ])
  })

  it('merges any repeated year and keeps "bland annat" if either set said so', () => {
    const parsed = parsePage(page('2019 års resultat visar att:', '• A', '  a', '', '2019 års resultat visar bland annat:', '• B', '  b'), 'x')
    expect(resultSets(parsed)).toEqual([
      {
        type: 'resultSet',
        surveyYear: 2019,
        lead: 'visar bland annat',
        line: 5,
        bullets: [
          { national: 'A', local: 'a', line: 6, localLine: 7 },
          { national: 'B', local: 'b', line: 10, localLine: 11 },
        ],
      },
    ])
    expect(parsed.warnings).toEqual([
      {
        line: 9,
        code: 'merged-result-sets',
        message: 'Resultatavsnitten på rad 5 och rad 9 gäller båda år 2019 och har slagits ihop till ett (punkterna i filens ordning).',
      },
    ])
  })

  it('warns about a survey year out of range', () => {
    const parsed = parsePage(page('1999 års resultat visar att:', '• A', '  a'), 'x')
    expect(parsed.warnings).toEqual([
      { line: 5, code: 'survey-year-out-of-range', message: 'Undersökningsåret 1999 ligger utanför det tillåtna intervallet 2007–2022.' },
    ])
  })
})

describe('bullets', () => {
  it('takes the answer from the next line or the next paragraph, exactly one paragraph', () => {
    const parsed = parsePage(
      page('Årets resultat visar att:', '', '• Ett.', '  Svar ett.', '• Två.', '', 'Svar två.', '', 'Mer text efteråt.'),
      'x',
    )
    expect(resultSets(parsed)[0]?.bullets).toEqual([
      { national: 'Ett.', local: 'Svar ett.', line: 7, localLine: 8 },
      { national: 'Två.', local: 'Svar två.', line: 9, localLine: 11 },
    ])
    expect(parsed.body[1]).toEqual({ type: 'textSection', heading: null, paragraphs: ['Mer text efteråt.'], line: 13 })
  })

  it('joins a national finding over several unindented lines, and an answer over several indented lines, with warnings', () => {
    const parsed = parsePage(page('Årets resultat visar att:', '• Första raden', 'andra raden.', '  Svar på', '  två rader.'), 'x')
    expect(resultSets(parsed)[0]?.bullets).toEqual([
      { national: 'Första raden andra raden.', local: 'Svar på två rader.', line: 6, localLine: 8 },
    ])
    expect(warningCodes(parsed)).toEqual([
      ['joined-lines', 6],
      ['joined-lines', 8],
    ])
  })

  it('leaves a bullet without an answer empty, with a warning', () => {
    const parsed = parsePage(page('Årets resultat visar att:', '• Utan svar.', '• Med svar.', '  Svar.', '• Sist utan svar.'), 'x')
    expect(resultSets(parsed)[0]?.bullets.map((bullet) => [bullet.local, bullet.localLine])).toEqual([
      ['', null],
      ['Svar.', 8],
      ['', null],
    ])
    expect(parsed.warnings).toEqual([
      { line: 6, code: 'missing-local-answer', message: 'Punkten på rad 6 saknar Kalmars svar; svaret lämnas tomt.' },
      { line: 9, code: 'missing-local-answer', message: 'Punkten på rad 9 saknar Kalmars svar; svaret lämnas tomt.' },
    ])
  })

  it('continues the previous set when bullets follow prose, and reports the merge', () => {
    const parsed = parsePage(page('Årets resultat visar att:', '• A', '  a', '', 'Mellanliggande text.', '', '• B', '  b'), 'x')
    expect(parsed.body.map((block) => block.type)).toEqual(['resultSet', 'textSection'])
    expect(resultSets(parsed)[0]?.bullets.map((bullet) => bullet.national)).toEqual(['A', 'B'])
    expect(warningCodes(parsed)).toEqual([['merged-result-sets', 11]])
  })
})

describe('prose, headings and notes', () => {
  it('groups prose under headings and keeps notes in place', () => {
    const parsed = parsePage(
      page(
        'Årets resultat visar att:',
        '• A',
        '  a',
        '',
        'Sammanfattning',
        '',
        'Första stycket.',
        '',
        'Andra stycket.',
        '',
        'Obs! Siffrorna är preliminära.',
        '',
        'Ett stycke efter noten.',
        '',
        'Rubrik före noten',
        '',
        'OBS! Ingen rubrik, eftersom ingen prosa följer.',
      ),
      'x',
    )
    expect(parsed.body.slice(1)).toEqual([
      { type: 'textSection', heading: 'Sammanfattning', paragraphs: ['Första stycket.', 'Andra stycket.'], line: 9 },
      { type: 'note', text: 'Obs! Siffrorna är preliminära.', line: 15 },
      { type: 'textSection', heading: null, paragraphs: ['Ett stycke efter noten.', 'Rubrik före noten'], line: 17 },
      { type: 'note', text: 'OBS! Ingen rubrik, eftersom ingen prosa följer.', line: 21 },
    ])
  })

  it('keeps further intro paragraphs and starts text sections at a heading', () => {
    const parsed = parsePage(['Titel', '', 'Öppna jämförelser …', '', 'Mer ingress.', '', 'Om resultaten', '', 'Text.', ...PAGE_TAIL].join('\n'), 'x')
    expect(parsed.intro).toEqual(['Öppna jämförelser …', 'Mer ingress.'])
    expect(parsed.body).toEqual([{ type: 'textSection', heading: 'Om resultaten', paragraphs: ['Text.'], line: 7 }])
  })

  it('reports joined lines and never rewrites the text', () => {
    const parsed = parsePage(page('Årets resultat visar att:', '• A', '  a', '', 'Rad ett', 'rad två  med dubbla mellanslag.'), 'x')
    expect(parsed.body.slice(1)).toEqual([{ type: 'textSection', heading: null, paragraphs: ['Rad ett rad två  med dubbla mellanslag.'], line: 9 }])
    expect(parsed.warnings).toEqual([
      {
        line: 9,
        code: 'joined-lines',
        message: 'Stycket på rad 9–10 var radbrutet; raderna har slagits ihop med mellanslag. Kontrollera texten.',
      },
    ])
  })

  it('reports suspected hyphens on the line where they occur, also across a line break', () => {
    const parsed = parsePage(page('Kalmar arbetar med', 'beroende-', 'framkallande medel och barn- och ungdomsvård.'), 'x')
    expect(parsed.warnings.filter((warning) => warning.code === 'suspected-hyphen')).toEqual([
      { line: 6, code: 'suspected-hyphen', message: 'Möjligt avstavningsfel på rad 6: "beroende- framkallande". Texten har inte ändrats.' },
    ])
  })
})

describe('related pages, other links and the end of the page', () => {
  const tail = (...lines: string[]) =>
    [...PAGE_HEAD, 'Årets resultat visar att:', '• A', '  a', '', ...lines, '', 'Senast uppdaterad: 24 juni 2021', 'Publicerad: 29 juni 2018'].join('\n')

  it('reads the section, title/teaser pairs and other links', () => {
    const parsed = parsePage(
      tail(
        'Fler sidor inom jämförelser, service och kvalitet i verksamheter',
        '',
        'Barn- och ungdomsvård',
        '',
        'Öppna jämförelser barn- och ungdomsvården',
        '',
        'Övriga länkar',
        '',
        'Socialstyrelsen (https://www.socialstyrelsen.se/oj)',
        '',
        'Kolada',
      ),
      'x',
    )
    expect(parsed.section).toEqual({ title: SECTION, line: 9 })
    expect(parsed.related).toEqual([{ title: 'Barn- och ungdomsvård', teaser: 'Öppna jämförelser barn- och ungdomsvården', line: 11 }])
    expect(parsed.hasOtherLinksHeading).toBe(true)
    expect(parsed.otherLinks).toEqual([
      { title: 'Socialstyrelsen', url: 'https://www.socialstyrelsen.se/oj', line: 17 },
      { title: 'Kolada', url: null, line: 19 },
    ])
    // Kept, and said: the link without an address is imported as text until someone adds one.
    expect(warningCodes(parsed)).toEqual([['link-without-address', 19]])
    expect(parsed.warnings[0]!.message).toContain('"Kolada"')
  })

  it('warns about a related page without teaser', () => {
    const parsed = parsePage(tail('Fler sidor inom vård', '', 'A', '', 'a', '', 'B'), 'x')
    expect(parsed.section?.title).toBe('Vård')
    expect(parsed.related).toEqual([
      { title: 'A', teaser: 'a', line: 11 },
      { title: 'B', teaser: '', line: 15 },
    ])
    expect(warningCodes(parsed)).toEqual([['related-without-teaser', 15]])
  })

  it('has no section when the page lists none', () => {
    const parsed = parsePage(tail(), 'x')
    expect(parsed.section).toBeNull()
    expect(parsed.related).toEqual([])
    expect(parsed.hasOtherLinksHeading).toBe(false)
  })

  it('reports text it cannot place', () => {
    const parsed = parsePage(`${tail('Fler sidor inom vård', '', '• En punkt här?')}\n\nEfter datumen.`, 'x')
    expect(warningCodes(parsed)).toEqual([
      ['unplaced-text', 11],
      ['unplaced-text', 16],
    ])
    expect(parsed.warnings[1]?.message).toBe('Texten på rad 16 kunde inte placeras (efter datumraderna) och har inte importerats.')
  })
})

describe('parsedPageSchema', () => {
  it('rejects a page that breaks the shape', () => {
    const parsed = parsePage(readSeed(SEED_FILES['004']), 'x')
    expect(parsedPageSchema.safeParse({ ...parsed, lastUpdated: '24 juni 2021' }).success).toBe(false)
    expect(parsedPageSchema.safeParse({ ...parsed, title: '' }).success).toBe(false)
    expect(parsedPageSchema.safeParse({ ...parsed, body: [{ type: 'resultSet', surveyYear: 2021 }] }).success).toBe(false)
  })
})
