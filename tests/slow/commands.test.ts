/**
 * The README's commands one after another on one database, as a person runs
 * them (issue 15): `npm start`, stop, `npm run import`, start again, an import
 * while the server runs, quality, backup, restore, and the reverse order, in
 * development and with NODE_ENV=production; a database the importer made by
 * pushing the schema (before migrations were the one authority); two commands
 * opening a new database at once. Every command runs with stdin closed.
 *
 *   npx vitest run --config vitest.slow.config.ts tests/slow/commands.test.ts
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { freePort, npm, npmStart, within, type CommandEnv, type CommandResult } from '../helpers/commands'
import { readSeed, SEED_DIR } from '../helpers/seeds'

const CHECK_INTERVAL_MS = 500
const PUSHED_FIXTURE = path.resolve('tests/fixtures/push-schema-e9755f8.db')
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-commands-'))
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

/** What each step took, printed at the end (the closing note of issue 15 quotes it). */
const timings: string[] = []
afterAll(() => console.log(`\nKommandon, steg för steg:\n${timings.join('\n')}`))

/** A page file the seeds do not have: seed 004 under another title (and so another address). */
function pageFile(title: string): { file: string; slug: string } {
  const file = path.join(workDir, 'pages', `${title.toLowerCase().replace(/[^a-z]+/g, '-')}.txt`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, readSeed('004_756308f4ad8fcee6.txt').replace(/^Ekonomiskt bistånd\n/u, `${title}\n`))
  return { file, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-') }
}

type DatabaseEnv = CommandEnv & { PORT: string; DATA_DIR: string; DATABASE_URL: string }

async function database(name: string, production: boolean): Promise<DatabaseEnv> {
  const dataDir = path.join(workDir, name)
  fs.mkdirSync(dataDir, { recursive: true })
  const port = String(await freePort())
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'cms.db')}`,
    PORT: port,
    HOST: '127.0.0.1',
    SERVER_URL: `http://127.0.0.1:${port}`,
    DELIVERY_CHECK_INTERVAL_MS: String(CHECK_INTERVAL_MS),
    ...(production ? { NODE_ENV: 'production', PAYLOAD_SECRET: randomBytes(32).toString('hex') } : { NODE_ENV: 'development' }),
  }
}

/** A command that must succeed: exit 0, no stack trace, no question asked. */
function succeeded(result: CommandResult, what: string): CommandResult {
  expect(result.code, `${what}:\n${result.output}`).toBe(0)
  expect(result.output, what).not.toMatch(/\(y\/N\)|Would you like|^\s+at .+:\d+:\d+\)?$/m)
  timings.push(`  ${what}: ${(result.ms / 1000).toFixed(1)} s`)
  return result
}

const status = async (url: string) => (await fetch(url)).status
const areaSlugs = async (base: string) => ((await (await fetch(`${base}/api/v1/areas?limit=100`)).json()) as { items: { slug: string }[] }).items.map((item) => item.slug)

async function servedPage(base: string, slug: string, title: string): Promise<void> {
  expect(await status(`${base}/api/v1/areas/${slug}`), `/api/v1/areas/${slug}`).toBe(200)
  const html = await fetch(`${base}/jamforelser/${slug}`)
  expect(html.status, `/jamforelser/${slug}`).toBe(200)
  expect(await html.text()).toContain(title)
}

/** Start → stop → import → start → import while running → quality, backup → stop → restore → start. */
async function fullSequence(mode: 'development' | 'production'): Promise<void> {
  const production = mode === 'production'
  const env = await database(mode, production)
  const first = pageFile(`Hemtjanst ${mode}`)
  const second = pageFile(`Boende ${mode}`)

  let server = await npmStart(env)
  timings.push(`  [${mode}] npm start på en tom databas: klar`)
  // Outside production an empty database gets the five demo pages; in production nothing is created.
  expect((await areaSlugs(server.url)).length).toBe(production ? 0 : 4)
  await server.stop()

  succeeded(await npm('import', [first.file], env), `[${mode}] npm run import (servern stoppad)`)
  server = await npmStart(env)
  await servedPage(server.url, first.slug, `Hemtjanst ${mode}`)

  // While the server runs: an import in another process is seen within the check interval.
  const imported = succeeded(await npm('import', [second.file], env), `[${mode}] npm run import (servern igång)`)
  expect(imported.output).toContain('skapad')
  const seenAfter = await within(CHECK_INTERVAL_MS + 3000, 'den nya sidan i /api/v1', async () => (await status(`${server.url}/api/v1/areas/${second.slug}`)) === 200)
  timings.push(`  [${mode}] import → synlig i den körande servern: ${seenAfter.toFixed(0)} ms efter importen (kontrollintervall ${CHECK_INTERVAL_MS} ms)`)
  await servedPage(server.url, second.slug, `Boende ${mode}`)

  const quality = await npm('quality', [first.slug], env)
  expect([0, 1], quality.output).toContain(quality.code) // 1 = the page has an error finding; both are answers
  expect(quality.output).toContain(`Sammanfattning Hemtjanst ${mode}`)
  timings.push(`  [${mode}] npm run quality (servern igång): ${(quality.ms / 1000).toFixed(1)} s, kod ${quality.code}`)

  const backupFile = path.join(env.DATA_DIR, 'backup.db')
  succeeded(await npm('backup', ['--out', backupFile], env), `[${mode}] npm run backup (servern igång)`)
  await server.stop()

  // Something to lose: a page imported after the backup is gone after the restore.
  const third = pageFile(`Efter kopian ${mode}`)
  succeeded(await npm('import', [third.file], env), `[${mode}] npm run import efter kopian`)
  succeeded(await npm('restore', [backupFile], env), `[${mode}] npm run restore`)

  server = await npmStart(env)
  await servedPage(server.url, first.slug, `Hemtjanst ${mode}`)
  await servedPage(server.url, second.slug, `Boende ${mode}`)
  expect(await status(`${server.url}/api/v1/areas/${third.slug}`)).toBe(404)
  await server.stop()
}

// SQLite's files and migrations; MongoDB has no schema to migrate (its run of the slow suite covers the kills).
describe.runIf(process.env.TEST_MONGODB_URL === undefined)('the README commands on one database, in any order', () => {
  it('development: start, stop, import, start, import while running, quality, backup, restore, start', async () => {
    await fullSequence('development')
  })

  it('production (NODE_ENV=production, PAYLOAD_SECRET): the same sequence', async () => {
    await fullSequence('production')
  })

  it('the reverse order: import into an empty database, then start', async () => {
    const env = await database('reverse', false)
    const page = pageFile('Forst importerad')
    const result = succeeded(await npm('import', [SEED_DIR, page.file], env), 'import i en tom databas')
    expect(result.output).toContain('skapad')
    const server = await npmStart(env)
    try {
      await servedPage(server.url, page.slug, 'Forst importerad')
      expect((await areaSlugs(server.url)).length).toBe(5)
    } finally {
      await server.stop()
    }
  })

  it('a database the importer made by pushing the schema is taken over, every row kept', async () => {
    const env = await database('pushed', false)
    fs.copyFileSync(PUSHED_FIXTURE, env.DATABASE_URL.slice('file:'.length))
    const server = await npmStart(env)
    try {
      expect(server.output()).toContain('tas över (inga rader ändras)')
      expect((await areaSlugs(server.url)).sort()).toEqual(['ekonomiskt-bistand', 'missbruk-och-beroendevard', 'psykisk-funktionsnedsattning-socialpsykiatri', 'stod-till-personer-med-funktionsnedsattning'])
      const history = (await (await fetch(`${server.url}/api/v1/areas/psykisk-funktionsnedsattning-socialpsykiatri/versions`)).json()) as { items: unknown[] }
      expect(history.items).toHaveLength(2)
    } finally {
      await server.stop()
    }
    // And every other command accepts it now.
    succeeded(await npm('import', [SEED_DIR], env), 'import efter övertagandet')
  })

  it('a pushed database that matches no migration is refused with one Swedish line, before anything is written', async () => {
    const env = await database('pushed-unmatched', false)
    const file = env.DATABASE_URL.slice('file:'.length)
    fs.copyFileSync(PUSHED_FIXTURE, file)
    // A column no migration makes: as if pushed by a version with a schema change never migrated.
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url: `file:${file}` })
    await client.execute('ALTER TABLE areas ADD extra_column text')
    // Every row of the tables the refusal could have touched (opening switches the file to WAL, so not its bytes).
    const contents = async () =>
      JSON.stringify(await Promise.all(['payload_migrations', 'areas', '_areas_v', 'users'].map(async (table) => (await client.execute(`SELECT * FROM ${table} ORDER BY id`)).rows)))
    const before = await contents()
    for (const [script, args] of [['import', [SEED_DIR]], ['quality', []]] as const) {
      const result = await npm(script, args, env)
      expect(result.code, result.output).toBe(1)
      const failures = result.output.split('\n').filter((line) => line.startsWith('✖'))
      expect(failures, result.output).toHaveLength(1)
      expect(failures[0]).toContain('inte motsvarar någon av de incheckade migreringarna')
      expect(failures[0]).toContain('extra_column')
      expect(result.output).not.toMatch(/^\s+at /m)
    }
    expect(await contents()).toBe(before)
    client.close()
  })

  it('two commands opening a new database at once both succeed: the migrations run once', async () => {
    const env = await database('concurrent', false)
    const [imported, checked] = await Promise.all([npm('import', [SEED_DIR], env), npm('quality', [], env)])
    succeeded(imported, 'import samtidigt som quality')
    expect([0, 1], checked.output).toContain(checked.code)
    expect(checked.output).not.toMatch(/SQLITE_BUSY|already exists/)
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url: env.DATABASE_URL })
    const rows = (await client.execute('SELECT name, count(*) AS n FROM payload_migrations GROUP BY name')).rows
    client.close()
    expect(rows.every((row) => Number(row.n) === 1)).toBe(true)
    expect(rows.length).toBeGreaterThan(0)
  })
})
