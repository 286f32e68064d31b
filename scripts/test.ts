/**
 * `npm test`: the whole suite, as CI runs it. Type check, lint, generated files
 * up to date, Vitest (unit + integration on SQLite, and on MongoDB when
 * MONGODB_URL is set), one production build, the slow runs (tests/slow), Playwright in chromium. The last
 * line is `N passed, N failed[, N skipped]` summed over Vitest and Playwright
 * (a failed check step counts as one failure).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { buildProduction, isBuildCurrent } from './lib/build'

const root = process.cwd()
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
/** Payload's CLI, through the launcher that retries Node 20's module-loading deadlock (exit code 13). */
const payloadCli = (...args: string[]) => run(process.execPath, ['scripts/node-task.mjs', 'node_modules/payload/bin.js', ...args])
const results = path.join(root, 'test-results')
fs.mkdirSync(results, { recursive: true })

type Counts = { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 }
const steps: { name: string; ok: boolean; seconds: number; note?: string }[] = []

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } as NodeJS.ProcessEnv })
  return result.status === 0
}

async function step(name: string, action: () => boolean | Promise<boolean>, note?: () => string | undefined) {
  console.log(`\n━━ ${name} ━━`)
  const started = Date.now()
  let ok = false
  try {
    ok = await action()
  } catch (error) {
    console.error(`✖ ${name}: ${(error as Error).message}`)
  }
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000, note: note?.() })
  return ok
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

type VitestReport = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: { status: string; assertionResults: { status: string }[] }[]
}

function addVitest(file: string): Counts | undefined {
  const report = readJson<VitestReport>(file)
  if (!report) return undefined
  // A file that failed before any of its tests could fail (an import error) counts once.
  const brokenFiles = report.testResults.filter(
    (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed'),
  ).length
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  }
  total.passed += counts.passed
  total.failed += counts.failed
  total.skipped += counts.skipped
  return counts
}

function addPlaywright(file: string): Counts | undefined {
  const stats = readJson<{ stats: { expected: number; unexpected: number; skipped: number; flaky: number } }>(file)?.stats
  if (!stats) return undefined
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
  total.passed += counts.passed
  total.failed += counts.failed
  total.skipped += counts.skipped
  return counts
}

const describeCounts = (counts: Counts | undefined) =>
  counts ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}` : 'no report'

/** Regenerates what Payload generates and fails when the committed copy differed. */
function generatedFilesAreCurrent(): boolean {
  const files = ['src/payload-types.ts', 'src/app/(payload)/admin/importMap.js']
  const before = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8'))
  const migrationsBefore = new Set(fs.readdirSync(path.join(root, 'migrations')))
  const indexBefore = fs.readFileSync(path.join(root, 'migrations/index.ts'), 'utf8')
  let ok = payloadCli('generate:types') && payloadCli('generate:importmap')
  const stale = files.filter((file, index) => fs.readFileSync(path.join(root, file), 'utf8') !== before[index])
  if (stale.length) {
    console.error(`✖ Genererade filer var inaktuella (nu omgenererade, checka in dem): ${stale.join(', ')}`)
    ok = false
  }
  // A schema change without a committed migration would break `npm start` in production.
  run(process.execPath, ['scripts/node-task.mjs', 'node_modules/payload/bin.js', 'migrate:create', 'schema_check', '--skip-empty'], {
    NODE_ENV: 'development',
  })
  const added = fs.readdirSync(path.join(root, 'migrations')).filter((file) => !migrationsBefore.has(file))
  if (added.length) {
    for (const file of added) fs.rmSync(path.join(root, 'migrations', file))
    fs.writeFileSync(path.join(root, 'migrations/index.ts'), indexBefore)
    console.error('✖ Databasschemat har ändrats utan migrering: kör `npm run migrate:create -- <namn>` och checka in filerna.')
    ok = false
  }
  return ok
}

let playwright: Counts | undefined
let mongoLine = 'MongoDB: skipped (MONGODB_URL not set)'

/** One Vitest run as a step: its JSON report under test-results/<report>, its counts added to the total. */
async function vitestStep(name: string, report: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Counts | undefined> {
  let counts: Counts | undefined
  await step(
    name,
    () => {
      const file = path.join(results, report)
      fs.rmSync(file, { force: true })
      const ok = run(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env)
      counts = addVitest(file)
      return ok && counts !== undefined
    },
    () => describeCounts(counts),
  )
  return counts
}

await step('Typkontroll (tsc)', () => run(bin('tsc'), ['--noEmit']))
await step('Lint (eslint)', () => run(bin('eslint'), ['.', '--max-warnings=0']))
await step('Genererade filer (typer, import map, migreringar)', generatedFilesAreCurrent)
await vitestStep('Vitest: enhet + integration (SQLite)', 'vitest-sqlite.json', [])
// Before the slow runs: they run `npm start`, which would otherwise build inside a test.
await step('Produktionsbygge (next build)', async () => {
  if (isBuildCurrent(root)) {
    console.log('Bygget är aktuellt för källkoden; hoppar över.')
    return true
  }
  await buildProduction(root)
  return true
})
const SLOW = ['--config', 'vitest.slow.config.ts']
await vitestStep('Vitest: långsamma tålighetstester (SQLite: processer som dödas, lång fuzzning)', 'vitest-slow.json', SLOW)
if (process.env.MONGODB_URL) {
  const mongo = { TEST_MONGODB_URL: process.env.MONGODB_URL }
  const integration = await vitestStep('Vitest: integration (MongoDB)', 'vitest-mongodb.json', ['tests/int'], mongo)
  const slow = await vitestStep('Vitest: långsamma tålighetstester (MongoDB)', 'vitest-mongodb-slow.json', SLOW, mongo)
  mongoLine = `MongoDB: ${describeCounts(integration)}; långsamma: ${describeCounts(slow)}`
}
await step(
  'Playwright (chromium)',
  () => {
    const file = path.join(results, 'playwright.json')
    fs.rmSync(file, { force: true })
    const ok = run(bin('playwright'), ['test'])
    playwright = addPlaywright(file)
    return ok && playwright !== undefined
  },
  () => describeCounts(playwright),
)

const failedSteps = steps.filter((entry) => !entry.ok)
// A step that failed without a failed test to show for it (tsc, lint, build, a
// test runner that could not start) counts as one failure.
for (const entry of failedSteps) {
  if (!entry.note || entry.note === 'no report' || / 0 failed/.test(entry.note)) total.failed += 1
}

console.log('\n━━ Sammanfattning ━━')
for (const entry of steps) {
  console.log(`${entry.ok ? '✔' : '✖'} ${entry.name} (${entry.seconds.toFixed(1)} s)${entry.note ? `: ${entry.note}` : ''}`)
}
console.log(mongoLine)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(failedSteps.length === 0 && total.failed === 0 ? 0 : 1)
