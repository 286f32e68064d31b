import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseSwedishDate } from '@/domain/swedishDate'
import { importPageFiles, type ImportReport } from '@/pageImport/importPages'
import { startTestCms, type TestCms } from '../helpers/payload'
import { countBulletLines, lastUpdatedLine, readSeed, SEED_DIR, seedFiles } from '../helpers/seeds'

let cms: TestCms
let first: ImportReport

beforeAll(async () => {
  cms = await startTestCms()
  first = await importPageFiles(cms.payload, [SEED_DIR])
})
afterAll(async () => cms?.cleanup())

const allVersions = async () =>
  (await cms.payload.findVersions({ collection: 'areas', pagination: false, depth: 0, overrideAccess: true })).docs

describe('import of seed/kalmar on an empty database', () => {
  it('reports every file imported and none failed', () => {
    expect(first.files.map((file) => file.file)).toEqual(seedFiles())
    expect(first.files.filter((file) => file.action === 'fel')).toEqual([])
    expect(first.files.every((file) => ['skapad', 'ny version'].includes(file.action))).toBe(true)
  })

  it('creates 4 areas (001 + 000 as one), 1 section, the outside pages and both notices', async () => {
    expect((await cms.payload.count({ collection: 'areas' })).totalDocs).toBe(4)
    const sections = await cms.payload.find({ collection: 'sections', depth: 0 })
    expect(sections.docs.map((section) => section.title)).toEqual(['Jämförelser, service och kvalitet i verksamheter'])
    const links = await cms.payload.find({ collection: 'links', sort: 'title', limit: 50 })
    expect(links.docs.map((link) => link.title)).toEqual([
      'Barn- och ungdomsvård',
      'Brukarundersökningar socialförvaltningen',
      'Kommunens kvalitet i korthet',
      'SCB:s medborgarundersökning',
      'Vård och omsorg om äldre',
    ])
    const notices = await cms.payload.find({ collection: 'notices', sort: 'startsAt' })
    expect(notices.docs.map((notice) => notice.text)).toEqual([
      'Begränsa smittspridningen av covid-19',
      'Avspärrning av gator för att inspektera gasminibussar. Höga smällar kan förekomma.',
    ])
  })

  it('has every bullet of every file in the version of that file, with its text as written', async () => {
    const versions = await allVersions()
    for (const name of seedFiles()) {
      const text = readSeed(name)
      const date = parseSwedishDate(lastUpdatedLine(text))
      const flat = text.replace(/\s+/g, ' ')
      // 002 and 004 share a date: the version's title must stand as a line above the related pages.
      const pageLines = text.split('Fler sidor inom')[0]!.split(/\r?\n/).map((line) => line.trim())
      const matching = versions.filter(
        (version) => String(version.version.lastPublishedAt).startsWith(date) && pageLines.includes(String(version.version.title)),
      )
      expect(matching, `${name}: one version dated ${date}`).toHaveLength(1)
      const blocks = (matching[0]!.version.body ?? []) as { blockType: string; bullets?: { national: string; local?: string }[] }[]
      const bullets = blocks.flatMap((block) => (block.blockType === 'resultSet' ? block.bullets ?? [] : []))
      expect(bullets.length, name).toBe(countBulletLines(text))
      for (const bullet of bullets) {
        expect(flat).toContain(bullet.national.replace(/\s+/g, ' '))
        if (bullet.local) expect(flat).toContain(bullet.local.replace(/\s+/g, ' '))
      }
    }
  })

  it('keeps 001 and 000 as two published versions of one area, oldest first, with their own dates', async () => {
    const area = (await cms.payload.find({ collection: 'areas', where: { slug: { equals: 'psykisk-funktionsnedsattning-socialpsykiatri' } } })).docs[0]!
    const { docs } = await cms.payload.findVersions({
      collection: 'areas',
      where: { parent: { equals: area.id } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(docs.map((version) => version.version._status)).toEqual(['published', 'published'])
    expect(docs.map((version) => version.version.lastPublishedAt?.slice(0, 10))).toEqual(['2020-06-30', '2023-06-28'])
    expect(docs.map((version) => version.version.firstPublishedAt?.slice(0, 10))).toEqual(['2019-06-27', '2019-06-27'])
    expect(docs.map((version) => version.createdAt.slice(0, 10))).toEqual(['2020-06-30', '2023-06-28'])
    expect(area.lastPublishedAt?.slice(0, 10)).toBe('2023-06-28')
  })

  it('lists the section members in the order the files show them, with the newest teasers', async () => {
    const section = (await cms.payload.find({ collection: 'sections', depth: 1 })).docs[0]!
    const members = (section.members ?? []).map((member) => (member.value as { title: string }).title)
    expect(members).toEqual([
      'Barn- och ungdomsvård',
      'Brukarundersökningar socialförvaltningen',
      'Kommunens kvalitet i korthet',
      'SCB:s medborgarundersökning',
      'Stöd till personer med funktionsnedsättning',
      'Vård och omsorg om äldre',
    ])
    const kkik = (await cms.payload.find({ collection: 'links', where: { title: { equals: 'Kommunens kvalitet i korthet' } } })).docs[0]!
    expect(kkik.teaser).toMatch(/^Kommunens Kvalitet i Korthet \(KKiK\) omfattar/)
    expect(first.notes.join('\n')).toContain('Kommunens kvalitet i korthet 2018')
  })

  it('derives result-set headings from the years (REST)', async () => {
    const response = await cms.rest.get('/areas?where[slug][equals]=psykisk-funktionsnedsattning-socialpsykiatri&depth=0')
    const area = (await response.json()).docs[0]
    const headings = area.body.filter((block: { blockType: string }) => block.blockType === 'resultSet').map((block: { heading: string }) => block.heading)
    expect(headings).toEqual(['Årets resultat visar bland annat:'])

    const stod = (await (await cms.rest.get('/areas?where[slug][equals]=stod-till-personer-med-funktionsnedsattning&depth=0')).json()).docs[0]
    expect(stod.body.filter((block: { blockType: string }) => block.blockType === 'resultSet').map((block: { heading: string }) => block.heading)).toEqual([
      'Årets resultat visar att:',
      '2019 års resultat visar att:',
      '2018 års resultat visar att:',
    ])
  })
})

describe('a second run', () => {
  it('changes nothing and says so per file', async () => {
    const before = (await allVersions()).length
    const again = await importPageFiles(cms.payload, [SEED_DIR])
    expect(again.files.map((file) => file.action)).toEqual(seedFiles().map(() => 'oförändrad'))
    expect((await allVersions()).length).toBe(before)
    expect(again.counts).toEqual({ sectionsCreated: 0, linksCreated: 0, linksUpdated: 0, noticesCreated: 0, membersChanged: 0 })
  })

  it('--dry-run writes nothing and gives the same report', async () => {
    const dry = await importPageFiles(cms.payload, [SEED_DIR], { dryRun: true })
    expect(dry.dryRun).toBe(true)
    expect(dry.files.map((file) => file.action)).toEqual(seedFiles().map(() => 'oförändrad'))
  })
})

describe('bad input', () => {
  it('names file and line, writes nothing of that file, imports the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-import-'))
    const good = readSeed('004_756308f4ad8fcee6.txt').replace(/Ekonomiskt bistånd/g, 'Ekonomiskt bistånd testkopia').replace('24 juni 2021', '25 juni 2021')
    const badMonth = good.replace('Ekonomiskt bistånd testkopia', 'Felaktig sida').replace('Publicerad: 29 juni 2018', 'Publicerad: 29 midsommar 2018')
    fs.writeFileSync(path.join(dir, 'a-good.txt'), good)
    fs.writeFileSync(path.join(dir, 'b-bad-month.txt'), badMonth)
    fs.writeFileSync(path.join(dir, 'c-not-a-page.txt'), 'Hej hej\n\nDetta är ingen sida.\n')
    fs.writeFileSync(path.join(dir, 'd-empty-bullet.txt'), good.replace('Ekonomiskt bistånd testkopia', 'Tom punkt').replace('• Fler än 9 av 10', '•\n\nFler än 9 av 10'))

    const report = await importPageFiles(cms.payload, [dir])
    const byFile = Object.fromEntries(report.files.map((file) => [file.file, file]))
    expect(byFile['a-good.txt']!.action).toBe('skapad')
    expect(byFile['b-bad-month.txt']!.action).toBe('fel')
    expect(byFile['b-bad-month.txt']!.error).toMatch(/b-bad-month\.txt, rad \d+/)
    expect(byFile['b-bad-month.txt']!.error).toMatch(/midsommar/)
    expect(byFile['c-not-a-page.txt']!.action).toBe('fel')
    expect(byFile['d-empty-bullet.txt']!.action).toBe('fel')
    expect(byFile['d-empty-bullet.txt']!.error).toMatch(/d-empty-bullet\.txt, rad \d+/)

    for (const title of ['Felaktig sida', 'Tom punkt']) {
      expect((await cms.payload.count({ collection: 'areas', where: { title: { equals: title } } })).totalDocs).toBe(0)
    }
    expect((await cms.payload.count({ collection: 'areas', where: { title: { equals: 'Ekonomiskt bistånd testkopia' } } })).totalDocs).toBe(1)
  })
})
