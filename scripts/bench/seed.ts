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
  // Connecting in production mode has run the pending migrations; loading the catalog fills derived collections.
  const { loadCatalog } = await import('@/delivery/store')
  const catalog = await loadCatalog(payload)
  console.log(JSON.stringify({ upgraded: true, areas: catalog.size }))
  await payload.destroy()
  process.exit(0)
}

if (arg === '--import-seeds') {
  const { importPageFiles } = await import('@/importer/importPages')
  const started = performance.now()
  const report = await importPageFiles(payload, [path.resolve('seed', 'kalmar')])
  console.log(JSON.stringify({ importMs: performance.now() - started, files: report.files.length }))
  await payload.destroy()
  process.exit(0)
}

const count = Number(arg)
if (!Number.isInteger(count) || count < 1) {
  console.error('Användning: seed.ts <antal sidor> | --import-seeds')
  process.exit(2)
}

for (const role of ['admin', 'editor', 'reviewer'] as const) {
  await payload.create({ collection: 'users', data: { email: `${role}@bench.example`, password, name: role, roles: [role] }, overrideAccess: true })
}

const SECTION_SIZE = 10
const bullets = (area: number, year: number, round: number) =>
  Array.from({ length: 5 }, (_, bullet) => ({
    national: `${30 + bullet} procent av kommunerna erbjuder insats ${bullet + 1} inom område ${area} (${year}).`,
    local: `I Kalmar erbjuds insats ${bullet + 1} (område ${area}, år ${year}, version ${round}).`,
  }))
const body = (area: number, round: number) =>
  [2023, 2021, 2019].map((year) => ({ blockType: 'resultSet', surveyYear: year, lead: 'visar att', bullets: bullets(area, year, round) }))

const started = performance.now()
const ids: (string | number)[] = []
for (let area = 0; area < count; area++) {
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
  ids.push(doc.id)
}
for (let start = 0; start < count; start += SECTION_SIZE) {
  const link = await payload.create({ collection: 'links', data: { title: `Sida utanför ${start}`, teaser: 'En sida utanför jämförelserna.', url: 'https://kalmar.se' }, overrideAccess: true })
  const members = [...ids.slice(start, start + SECTION_SIZE).map((value) => ({ relationTo: 'areas', value })), { relationTo: 'links', value: link.id }]
  await payload.create({ collection: 'sections', data: { title: `Avsnitt ${start / SECTION_SIZE}`, slug: `avsnitt-${start / SECTION_SIZE}`, members } as never, overrideAccess: true })
}
const seedMs = performance.now() - started
console.log(JSON.stringify({ count, seedMs, firstId: ids[0], middleSlug: `omrade-${Math.floor(count / 2)}`, middleId: ids[Math.floor(count / 2)] }))
await payload.destroy()
process.exit(0)
