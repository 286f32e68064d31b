import { describe, expect, it } from 'vitest'

import { parsePage } from '@/pageImport/parse'
import {
  checkImport,
  checkPublish,
  copyTag,
  diedInsideTransaction,
  expectImport,
  namesIn,
  normaliseImport,
  parseChildLine,
  publishedPage,
  publishData,
  runState,
  splitCommands,
  tagPageText,
  type AreaState,
  type DatabaseState,
  type ExpectedImport,
  type PublishLog,
} from '../../helpers/crashInvariants'
import { readSeed, seedFiles } from '../../helpers/seeds'

/** The page files of one crash-test run: two tagged copies of each seed. */
function filesOf(run: number, copies = 2) {
  return Array.from({ length: copies }, (_, index) => index + 1).flatMap((copy) =>
    seedFiles().map((seed) => {
      const text = readSeed(seed)
      return { name: `${copy}_${seed}`, text: tagPageText(text, namesIn(parsePage(text, seed)), copyTag(run, copy)) }
    }),
  )
}

const clone = <T>(value: T): T => structuredClone(value)

/** The state a correct importer leaves after writing the first `count` files (and the members, when all are written). */
function stateAfter(expected: ExpectedImport, count: number, options: { members?: boolean; sections?: boolean } = {}): DatabaseState {
  const written = new Set(expected.order.slice(0, count))
  const areas = expected.areas.flatMap((area, index): AreaState[] => {
    const files = area.files.filter((file) => written.has(file.name))
    if (!files.length) return []
    const page = (file: (typeof files)[number]) => ({ teaser: null, bullets: file.bullets, lastPublishedAt: `${file.lastUpdated}T12:00:00.000Z` })
    return [
      {
        id: String(index + 1),
        slug: area.slug,
        status: 'published',
        page: page(files.at(-1)!),
        versions: files.map((file) => ({ ...page(file), status: 'published', createdAt: `${file.lastUpdated}T12:00:00.000Z` })),
        history: files.map((file, number) => ({ ...page(file), number: number + 1, publishedAt: `${file.lastUpdated}T12:00:00.000Z` })),
        snapshot: page(files.at(-1)!),
        audits: files.map(() => 'publish'),
        deliveries: files.length,
      },
    ]
  })
  const presentFiles = expected.areas.flatMap((area) => area.files).filter((file) => written.has(file.name))
  const members = options.members ?? count === expected.order.length
  return {
    areas,
    sections: options.sections === false ? [] : expected.sections.map((section) => ({ slug: section.slug, title: section.slug, members: members ? section.members : [] })),
    links: [...new Set(presentFiles.flatMap((file) => file.links))].map((title) => ({ title, teaser: null })),
    notices: [...new Set(presentFiles.flatMap((file) => (file.notice ? [file.notice] : [])))],
    strays: [],
  }
}

describe('page files for the crash test', () => {
  const expected = expectImport(filesOf(3))

  it('makes each tagged copy a page set of its own: areas, section, links and notices', () => {
    expect(expected.order).toHaveLength(10)
    expect(expected.areas.map((area) => area.slug)).toHaveLength(8)
    expect(expected.areas.every((area) => /-k3x[12]$/.test(area.slug))).toBe(true)
    expect(expected.sections.map((section) => section.slug)).toEqual([
      'jamforelser-service-och-kvalitet-i-verksamheter-k3x1',
      'jamforelser-service-och-kvalitet-i-verksamheter-k3x2',
    ])
    expect(expected.links).toHaveLength(10)
    expect(expected.notices).toHaveLength(4)
    // 001 and 000 stay two versions of one page, oldest first.
    const twoVersions = expected.areas.filter((area) => area.files.length === 2)
    expect(twoVersions.map((area) => area.files.map((file) => file.name.slice(2)))).toEqual([
      ['001_47426a130b3b66e2.txt', '000_a20085dce89aa5cb.txt'],
      ['001_47426a130b3b66e2.txt', '000_a20085dce89aa5cb.txt'],
    ])
  })

  it('changes nothing but the names: same bullets and warnings as the seed', () => {
    for (const seed of seedFiles()) {
      const text = readSeed(seed)
      const original = parsePage(text, seed)
      const tagged = parsePage(tagPageText(text, namesIn(original), 'k1x1'), seed)
      expect(tagged.title).toBe(`${original.title} k1x1`)
      expect(tagged.body).toEqual(original.body)
      expect(tagged.warnings.map((warning) => warning.code)).toEqual(original.warnings.map((warning) => warning.code))
      expect(tagged.related.map((item) => item.teaser)).toEqual(original.related.map((item) => item.teaser))
    }
  })
})

describe('child output', () => {
  it('reads the lines crashChild prints', () => {
    expect(parseChildLine('file 01_003.txt ny_version')).toEqual({ kind: 'file', file: '01_003.txt', action: 'ny version' })
    expect(parseChildLine('committed krasch-a p1-4')).toEqual({ kind: 'committed', slug: 'krasch-a', marker: 'p1-4' })
    expect(parseChildLine('finished 1 0')).toEqual({ kind: 'finished', index: 1, code: 0 })
    expect(parseChildLine('[12:00] INFO något').kind).toBe('other')
    expect(splitCommands(['import', 'a', '--', 'publish', '3', 'p', 'x'])).toEqual([['import', 'a'], ['publish', '3', 'p', 'x']])
  })

  it('tells a kill inside a transaction from one between transactions', () => {
    const lines = (...names: string[]) => names.map(parseChildLine)
    expect(diedInsideTransaction(lines('ready', 'tx-begin', 'tx-end', 'tx-begin'))).toBe(true)
    expect(diedInsideTransaction(lines('ready', 'tx-begin', 'tx-end', 'file a skapad'))).toBe(false)
  })
})

describe('checkImport', () => {
  const expected = expectImport(filesOf(3))
  const all = expected.order.length
  const reported = (count: number) => expected.order.slice(0, count)

  it('accepts what a correct importer leaves after any number of files, and the finished import', () => {
    for (let count = 0; count <= all; count++) {
      expect(checkImport(expected, stateAfter(expected, count), reported(count), { webhook: true }).problems, `${count} filer`).toEqual([])
    }
    // Killed between a commit and its line: one file more than reported.
    expect(checkImport(expected, stateAfter(expected, 4), reported(3), { webhook: true }).problems).toEqual([])
    // Killed in the first transaction: nothing at all.
    expect(checkImport(expected, stateAfter(expected, 0, { sections: false }), [], { webhook: true }).problems).toEqual([])
    expect(checkImport(expected, stateAfter(expected, 4), reported(4), { webhook: true }).present).toEqual(reported(4))
  })

  const broken: [string, (state: DatabaseState) => void, RegExp][] = [
    ['a version without its record entry', (state) => state.areas[0]!.history.pop(), /publiceringshistoriken/],
    ['a version without its audit entry', (state) => state.areas[0]!.audits.pop(), /händelseloggen/],
    ['a version without its webhook delivery', (state) => (state.areas[0]!.deliveries -= 1), /webhook-leveranser/],
    ['a page without its snapshot', (state) => (state.areas[0]!.snapshot = null), /ögonblicksbild/],
    ['a version missing bullets', (state) => state.areas[0]!.versions[0]!.bullets.pop(), /punkter/],
    [
      'a link of a file that was rolled back',
      (state) => state.links.push({ title: expected.links.find((title) => !state.links.some((link) => link.title === title))!, teaser: null }),
      /ingen importerad fil/,
    ],
    ['a notice of a file that was rolled back', (state) => state.notices.push('Begränsa smittspridningen av covid-19 k3x2'), /driftmeddelandet/],
    ['a missing link', (state) => state.links.pop(), /saknas fast/],
    ['an audit entry of a page that does not exist', (state) => state.strays.push('händelsen 9 (publish) hör till sidan 99, som inte finns'), /inte finns/],
    ['section members written before the files', (state) => (state.sections[0]!.members = expected.sections[0]!.members), /medlemmar/],
  ]
  for (const [what, breakIt, message] of broken) {
    it(`finds ${what}`, () => {
      // One file: the other copy's links and notices are not written yet.
      const state = clone(stateAfter(expected, 1))
      breakIt(state)
      expect(checkImport(expected, state, reported(1), { webhook: true }).problems.join('\n')).toMatch(message)
    })
  }

  it('finds a lost file the child had reported, and files out of order', () => {
    expect(checkImport(expected, stateAfter(expected, 2), reported(3), { webhook: true }).problems.join('\n')).toMatch(/rapporterade som klara men saknas/)
    const state = stateAfter(expected, 3)
    state.areas.splice(0, 1)
    expect(checkImport(expected, state, reported(1).slice(1), { webhook: true }).problems.join('\n')).toMatch(/första i importordningen/)
  })

  it('finds a page with a version more than its files', () => {
    const state = clone(stateAfter(expected, all))
    const area = state.areas.find((candidate) => candidate.versions.length === 1)!
    area.versions.push(clone(area.versions[0]!))
    expect(checkImport(expected, state, reported(all), { webhook: true }).problems.join('\n')).toMatch(/versioner, men bara/)
  })
})

describe('normaliseImport', () => {
  it('is the same for two runs of the same files and differs when the content does', () => {
    const run1 = expectImport(filesOf(1))
    const run2 = expectImport(filesOf(2))
    const full = (expected: ExpectedImport, run: number) => runState(stateAfter(expected, expected.order.length), run)
    expect(normaliseImport(full(run1, 1))).toBe(normaliseImport(full(run2, 2)))
    const changed = clone(full(run2, 2))
    changed.areas[0]!.history[0]!.publishedAt = '2001-01-01T00:00:00.000Z'
    expect(normaliseImport(changed)).not.toBe(normaliseImport(full(run1, 1)))
  })
})

describe('checkPublish', () => {
  const slug = 'krasch-a'
  const page = (marker: string) => publishedPage({ ...publishData(slug, marker), lastPublishedAt: '2026-01-01T00:00:00.000Z' })
  /** A page published with these markers, all written whole. */
  function published(markers: string[]): DatabaseState {
    return {
      areas: [
        {
          id: '1',
          slug,
          status: 'published',
          page: page(markers.at(-1)!),
          versions: markers.map((marker) => ({ ...page(marker), status: 'published', createdAt: '2026-01-01T00:00:00.000Z' })),
          history: markers.map((marker, index) => ({ ...page(marker), number: index + 1, publishedAt: '2026-01-01T00:00:00.000Z' })),
          snapshot: page(markers.at(-1)!),
          audits: markers.map(() => 'publish'),
          deliveries: markers.length,
        },
      ],
      sections: [],
      links: [],
      notices: [],
      strays: [],
    }
  }
  const begun = (...markers: string[]) => markers.map((marker) => ({ slug, marker }))
  const log = (overrides: Partial<PublishLog> = {}): PublishLog => ({ begun: begun('p1-1', 'p1-2', 'p1-3'), committed: ['p1-1', 'p1-2'], inFlight: ['p1-3'], ...overrides })

  it('accepts a kill before or after the in-flight publish committed', () => {
    expect(checkPublish(published(['start', 'p1-1', 'p1-2']), [slug], log(), { webhook: true })).toEqual([])
    expect(checkPublish(published(['start', 'p1-1', 'p1-2', 'p1-3']), [slug], log(), { webhook: true })).toEqual([])
  })

  const broken: [string, (state: DatabaseState) => void, RegExp][] = [
    ['a snapshot of another publish', (state) => (state.areas[0]!.snapshot = page('p1-1')), /olika innehåll/],
    ['a page whose teaser and bullet disagree', (state) => (state.areas[0]!.page = { ...page('p1-2'), teaser: 'Markör p1-1' }), /olika innehåll/],
    ['a publish without its audit entry', (state) => state.areas[0]!.audits.pop(), /händelseloggen/],
    ['a publish without its webhook delivery', (state) => (state.areas[0]!.deliveries -= 1), /webhook-leveranser/],
    ['a record without its version', (state) => state.areas[0]!.versions.pop(), /publicerade versioner/],
    ['a gap in the record numbers', (state) => (state.areas[0]!.history[1]!.number = 5), /nummer/],
    ['an orphan outbox row', (state) => state.strays.push('webhook-leveransen 7 har 0 jobb (ska ha 1)'), /jobb/],
  ]
  for (const [what, breakIt, message] of broken) {
    it(`finds ${what}`, () => {
      const state = clone(published(['start', 'p1-1', 'p1-2']))
      breakIt(state)
      expect(checkPublish(state, [slug], log(), { webhook: true }).join('\n')).toMatch(message)
    })
  }

  it('finds a lost publish the child had reported, and one nobody started', () => {
    expect(checkPublish(published(['start', 'p1-1']), [slug], log(), { webhook: true }).join('\n')).toMatch(/p1-2 rapporterades/)
    expect(checkPublish(published(['start', 'p1-1', 'p1-2', 'p1-3']), [slug], log({ inFlight: [] }), { webhook: true }).join('\n')).toMatch(/varken rapporterades/)
    expect(checkPublish(published(['start', 'p1-2', 'p1-1']), [slug], log(), { webhook: true }).join('\n')).toMatch(/fel ordning/)
  })
})
