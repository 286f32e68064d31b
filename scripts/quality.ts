/**
 * `npm run quality -- [slug | page file]… [--cycle=1|2] [--latest-year=YYYY] [--now=YYYY-MM-DD]`:
 * editorial quality checks. A page file (format of seed/kalmar) is parsed and
 * checked without importing; a slug, or nothing (all pages), is read from the
 * database. Exit code 1 when any finding is an error. In database mode the
 * spelling check also accepts the admin's Ordlista; page files are checked
 * without the database, so with the built-in word list only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { AREAS } from '@collections/index'
import { parsePage } from '@/pageImport/parse'
import {
  checkPage,
  type Finding,
  formatFinding,
  formatSummary,
  fromAreaDocument,
  fromParsedPage,
  loadSwedishSpellChecker,
  pageLix,
  type QualityContext,
  type QualityPage,
  type SpellChecker,
} from '@/quality'
import { linksWithoutUrlInSection, loadSectionLinks, sectionAreaOf } from '@/quality/sectionLinks'
import { spellCheckerWithAdminWords } from '@/quality/spellingWords'
import { openPayload } from './lib/payload'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cycle: { type: 'string' }, 'latest-year': { type: 'string' }, now: { type: 'string' } },
})

const usage = 'Användning: npm run quality -- [slug | sidfil]… [--cycle=1|2] [--latest-year=ÅÅÅÅ] [--now=ÅÅÅÅ-MM-DD]'
const cycle = values.cycle === undefined ? 1 : Number(values.cycle)
const latestYear = values['latest-year'] === undefined ? undefined : Number(values['latest-year'])
const now = values.now ? new Date(`${values.now}T12:00:00Z`) : new Date()
if ((cycle !== 1 && cycle !== 2) || (latestYear !== undefined && !Number.isInteger(latestYear)) || Number.isNaN(now.getTime())) {
  console.error(usage)
  process.exit(2)
}

let dictionary: SpellChecker | undefined
/** Loaded on first use (about a second), in database mode after Payload has opened the database. */
async function loadDictionary(): Promise<SpellChecker> {
  if (!dictionary) {
    const started = performance.now()
    dictionary = await loadSwedishSpellChecker()
    console.log(`(ordlistan laddad på ${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
  }
  return dictionary
}

const contextFor = (spelling: SpellChecker, reviewBy: string | null = null): QualityContext => ({
  now,
  surveyCycleYears: cycle,
  latestSurveyYear: latestYear,
  spelling,
  reviewBy,
})

let failed = false
function report(name: string, page: QualityPage, context: QualityContext): void {
  const findings: Finding[] = checkPage(page, context)
  console.log(`== ${name}`)
  for (const finding of findings) console.log(formatFinding(finding))
  for (const line of formatSummary(name, findings, pageLix(page))) console.log(line)
  console.log('')
  if (findings.some((finding) => finding.severity === 'error')) failed = true
}

const isFile = (arg: string) => fs.existsSync(arg) && fs.statSync(arg).isFile()
const files = positionals.filter(isFile)
const slugs = positionals.filter((arg) => !isFile(arg))

for (const file of files) {
  try {
    report(file, fromParsedPage(parsePage(fs.readFileSync(file, 'utf8'), path.basename(file))), contextFor(await loadDictionary()))
  } catch (error) {
    console.error(`✖ ${file}: ${error instanceof Error ? error.message : String(error)}\n`)
    failed = true
  }
}

if (slugs.length > 0 || positionals.length === 0) {
  const payload = await openPayload()
  // The newest version of each page, draft or published: that is what editors work on.
  const { docs } = await payload.find({
    collection: AREAS,
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    ...(slugs.length > 0 && { where: { slug: { in: slugs } } }),
  })
  for (const slug of slugs.filter((slug) => !docs.some((doc) => doc.slug === slug))) {
    console.error(`✖ Ingen sida med slug "${slug}" (och ingen fil med det namnet).\n`)
    failed = true
  }
  const { sections, links } = await loadSectionLinks(payload)
  // The admin's Ordlista on top of the dictionary, read once for this run.
  const spelling = await spellCheckerWithAdminWords(await loadDictionary(), payload)
  for (const doc of docs) {
    const context = { ...contextFor(spelling, doc.reviewBy ?? null), sectionLinksWithoutUrl: linksWithoutUrlInSection(sectionAreaOf(doc), sections, links) }
    report(`${doc.title} (${doc.slug})`, fromAreaDocument(doc), context)
  }
  await payload.destroy()
}

process.exit(failed ? 1 : 0)
