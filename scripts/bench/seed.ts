/**
 * Bench fixture, run as a child process against the database in the env:
 * `seed.ts <N>` makes N areas shaped like the seeds (intro, 3 result sets × 5
 * bullets, related pages, other links), each published 3 times, plus three
 * accounts; `seed.ts --import-seeds` times the importer on seed/kalmar.
 * Prints one JSON line last.
 */
import path from 'node:path'

import { paragraphsToLexical } from '@/richText/lexical'

const [arg] = process.argv.slice(2)
const password = process.env.BENCH_PASSWORD ?? 'bench-lösenord-123'

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })

if (arg === '--upgrade') {
  // Connecting in production mode has run the pending migrations; the start's backfill fills derived collections.
  const { backfillPublished } = await import('@/delivery/backfill')
  await backfillPublished(payload)
  const { loadCatalog } = await import('@/delivery/store')
  const catalog = await loadCatalog(payload)
  console.log(JSON.stringify({ upgraded: true, areas: catalog.size }))
  await payload.destroy()
  process.exit(0)
}

if (arg === '--import-seeds') {
  const { importPageFiles } = await import('@/pageImport/importPages')
  const started = performance.now()
  const report = await importPageFiles(payload, [path.resolve('seed', 'kalmar')])
  console.log(JSON.stringify({ importMs: performance.now() - started, files: report.files.length }))
  await payload.destroy()
  process.exit(0)
}

/*
 * Seeding runs in batches, one process each (see scripts/bench.ts): the SQLite
 * driver keeps about 0.3 MB of native memory per publish until its process
 * ends, which 30 000 publishes in one process would not survive.
 *   seed.ts --areas <from> <to>   areas from..to-1, each published 3 times
 *   seed.ts --sections <N>        accounts, links and sections over N areas (last)
 */
const SECTION_SIZE = 10
const bullets = (area: number, year: number, round: number) =>
  Array.from({ length: 5 }, (_, bullet) => ({
    national: `${30 + bullet} procent av kommunerna erbjuder insats ${bullet + 1} inom område ${area} (${year}).`,
    local: `I Kalmar erbjuds insats ${bullet + 1} (område ${area}, år ${year}, version ${round}).`,
  }))
const body = (area: number, round: number) =>
  [2023, 2021, 2019].map((year) => ({ blockType: 'resultSet', surveyYear: year, lead: 'visar att', bullets: bullets(area, year, round) }))

const [, first, second] = process.argv.slice(2).map(Number)
const started = performance.now()

if (arg === '--areas') {
  for (let area = first!; area < second!; area++) {
    const data = {
      title: `Jämförelseområde ${area}`,
      slug: `omrade-${area}`,
      teaser: `Resultat för område ${area} i Öppna jämförelser.`,
      intro: paragraphsToLexical([
        'Öppna jämförelser är ett verktyg för att analysera, följa upp och utveckla verksamheten.',
        'Socialstyrelsen och Sveriges Kommuner och Regioner genomför undersökningen varje år.',
      ]),
      otherLinks: [
        { title: 'Socialstyrelsen', url: 'https://www.socialstyrelsen.se' },
        { title: 'SKR', url: 'https://skr.se' },
      ],
    }
    // Server code without a user publishes directly (as the importer does): three published versions.
    const doc = await payload.create({ collection: 'areas', data: { ...data, body: body(area, 1), _status: 'published' } as never, overrideAccess: true })
    for (const round of [2, 3]) {
      await payload.update({ collection: 'areas', id: doc.id, data: { body: body(area, round), _status: 'published' } as never, overrideAccess: true })
    }
  }
  console.log(JSON.stringify({ seedMs: performance.now() - started }))
} else if (arg === '--sections') {
  const count = first!
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    await payload.create({ collection: 'users', data: { email: `${role}@bench.example`, password, name: role, roles: [role] }, overrideAccess: true })
  }
  const { docs } = await payload.find({ collection: 'areas', pagination: false, depth: 0, overrideAccess: true, select: { slug: true } })
  const idBySlug = new Map(docs.map((doc) => [doc.slug, doc.id]))
  const ids = Array.from({ length: count }, (_, area) => idBySlug.get(`omrade-${area}`)!)
  for (let start = 0; start < count; start += SECTION_SIZE) {
    const link = await payload.create({ collection: 'links', data: { title: `Sida utanför ${start}`, teaser: 'En sida utanför jämförelserna.', url: 'https://kalmar.se' }, overrideAccess: true })
    const members = [...ids.slice(start, start + SECTION_SIZE).map((value) => ({ relationTo: 'areas', value })), { relationTo: 'links', value: link.id }]
    await payload.create({ collection: 'sections', data: { title: `Avsnitt ${start / SECTION_SIZE}`, slug: `avsnitt-${start / SECTION_SIZE}`, members } as never, overrideAccess: true })
  }
  const middle = Math.floor(count / 2)
  console.log(JSON.stringify({ seedMs: performance.now() - started, middleSlug: `omrade-${middle}`, middleId: ids[middle] }))
} else {
  console.error('Användning: seed.ts --areas <från> <till> | --sections <antal> | --import-seeds | --upgrade')
  process.exit(2)
}
await payload.destroy()
process.exit(0)
