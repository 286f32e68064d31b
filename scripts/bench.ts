/**
 * `npm run bench [-- --quick]`: how fast published content is served, beside
 * the machine's own ceiling measured in the same run. Builds once, then per N
 * (quick: 100; full: 100, 1 000, 10 000) seeds a fresh SQLite database, starts
 * the production server and loads it with autocannon (20 connections).
 * A script that prints figures, not a test. The last line is
 * `cached-page-ratio: <x.xx>` (at the smallest N) for scripts to compare runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import autocannon from 'autocannon'

import { buildProduction, isBuildCurrent, STANDALONE_SERVER } from './lib/build'
import { publishRelease, type ReleaseFigures } from './bench/release'
import { cachedPageRatioLine, formatTable, median, ratio, type Measurement } from './bench/report'

const root = process.cwd()
const quick = process.argv.includes('--quick')
/** Seeds the databases for every N into data/bench/seeded (slow at 10 000: ~30 000 publishes) and stops. */
const prepareOnly = process.argv.includes('--prepare')
const sizes = quick ? [100] : [100, 1000, 10_000]
const LOAD = quick ? { duration: 4, warmup: 1 } : { duration: 10, warmup: 2 }
const CONNECTIONS = 20
const PORT = Number(process.env.BENCH_PORT ?? 3400)
const PASSWORD = 'bench-lösenord-123'
const SECRET = 'bench-secret-'.padEnd(48, 'x')
const base = `http://127.0.0.1:${PORT}`
const mongoUrl = process.env.MONGODB_URL

type PageMemory = { pages: number; seconds: number; beforeMb: number; browsersMb: number; plainMb: number }
type Figures = {
  n: number
  rows: Measurement[]
  ceiling: Measurement
  /** The ceiling again with the HTML page's own bytes (a larger body than the API's). */
  htmlCeiling: Measurement
  publish: { apiMedian: number; apiMax: number; htmlMedian: number; htmlMax: number }
  rssMb: number
  pageMemory: PageMemory
  /** From spawning the server to /api/health, and to the catalog answering. */
  startSeconds: { health: number; catalog: number }
  /** The first read of a page after start (drawn then). */
  firstDrawMs: number
  seedSeconds: number
  adminFirstRow?: AdminFirstRow
  /** A release of 50 pages published at once (at the largest N only). */
  release?: ReleaseFigures
}

function serverEnv(dataDir: string, n: number): NodeJS.ProcessEnv {
  const database = mongoUrl ? mongoUrl.replace(/\/(\?|$)/, `/oj-bench-${n}-${Date.now()}$1`) : `file:${path.join(dataDir, 'cms.db')}`
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: database,
    PAYLOAD_SECRET: SECRET,
    BENCH_PASSWORD: PASSWORD,
    SERVER_URL: base,
    PORT: String(PORT),
    HOSTNAME: '127.0.0.1',
    NEXT_TELEMETRY_DISABLED: '1',
    // Only this process writes during a run: no need to look for outside changes often.
    DELIVERY_CHECK_INTERVAL_MS: '60000',
  }
}

function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/node-task.mjs', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    // The child's answer is its last JSON line (Payload's logger may flush after it).
    const answer = () => output.split('\n').filter((line) => line.startsWith('{')).at(-1) ?? 'null'
    child.on('exit', (code) => (code === 0 ? resolve(answer()) : reject(new Error(`${args.join(' ')}: kod ${code}\n${output}`))))
  })
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Väntade förgäves på ${what}`)
}

async function load(name: string, url: string, headers: Record<string, string> = {}, expectStatus = 200): Promise<Measurement> {
  const options = { url, connections: CONNECTIONS, headers }
  await autocannon({ ...options, duration: LOAD.warmup })
  const result = await autocannon({ ...options, duration: LOAD.duration })
  const statuses = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}
  const statusOk = Object.keys(statuses).every((status) => Number(status) === expectStatus) && result.errors === 0
  return { name, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, statusOk }
}

/** A plain Node http server returning the bytes of a file from memory; prints its port. */
const CEILING_SERVER = `
const body = require('node:fs').readFileSync(process.argv[1])
const server = require('node:http').createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length })
  res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
`

/**
 * The ceiling: a plain Node server returning the same bytes from memory, in a
 * process of its own like the CMS server (sharing autocannon's event loop
 * would handicap it).
 */
async function ceiling(body: string | Uint8Array, name = 'ceiling: plain Node http, same bytes'): Promise<Measurement> {
  const file = path.join(root, 'data', 'bench', 'ceiling-body.json')
  fs.writeFileSync(file, body)
  const server = spawn(process.execPath, ['-e', CEILING_SERVER, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve) => server.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))))
  const measured = await load(name, `http://127.0.0.1:${port}/`)
  server.kill()
  return measured
}

async function login(role: string): Promise<string> {
  const response = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: `${role}@bench.example`, password: PASSWORD }) })
  return (await response.json()).token
}

/** Publish → visible: 20 publishes through the workflow, each timed from the publish call's return. */
async function publishToVisible(slug: string, id: string | number) {
  const editor = await login('editor')
  const reviewer = await login('reviewer')
  const headers = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })
  const draft = await (await fetch(`${base}/api/areas/${id}?draft=true&depth=0`, { headers: headers(editor) })).json()
  const api: number[] = []
  const html: number[] = []
  // Each save names the revision it started from (optimistic concurrency, src/concurrency).
  let revision: number = draft.revision ?? 0
  for (let round = 0; round < 20; round++) {
    const text = `Publicerad text ${round} ${Date.now()}`
    const body = structuredClone(draft.body)
    body[0].bullets[0].local = text
    const saved = await fetch(`${base}/api/areas/${id}?draft=true`, { method: 'PATCH', headers: headers(editor), body: JSON.stringify({ body, revision }) })
    if (saved.status !== 200) throw new Error(`spara: ${saved.status} ${await saved.text()}`)
    revision = (await saved.json()).doc.revision
    for (const [token, transition] of [[editor, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
      const response = await fetch(`${base}/api/areas/${id}/workflow`, { method: 'POST', headers: headers(token), body: JSON.stringify({ transition }) })
      if (response.status !== 200) throw new Error(`${transition}: ${response.status} ${await response.text()}`)
    }
    const returned = performance.now()
    let stale = 0
    await waitFor(async () => {
      const fresh = (await (await fetch(`${base}/api/v1/areas/${slug}`)).text()).includes(text)
      if (!fresh) stale++
      return fresh
    }, 10_000, 'den nya texten i /api/v1')
    if (stale) console.log(`  (!) ${stale} gammal(a) läsning(ar) efter att publiceringen svarat`)
    api.push(performance.now() - returned)
    await waitFor(async () => (await (await fetch(`${base}/jamforelser/${slug}`)).text()).includes(text), 10_000, 'den nya texten på sidan')
    html.push(performance.now() - returned)
  }
  return { apiMedian: median(api), apiMax: Math.max(...api), htmlMedian: median(html), htmlMax: Math.max(...html) }
}

/**
 * What drawn pages cost in memory: the server's RSS before any page but the
 * measured one was read, after every page was read once as a browser reads
 * it (brotli), and after every page was read once more without compression
 * (the plain HTML is then kept beside it).
 */
async function pageMemory(pid: number): Promise<PageMemory> {
  const urls: string[] = []
  for (let page = 1; ; page++) {
    const list = (await (await fetch(`${base}/api/v1/areas?limit=100&page=${page}`)).json()) as { items: { url: string }[]; totalPages: number }
    urls.push(...list.items.map((item) => item.url))
    if (page >= list.totalPages) break
  }
  const crawl = async (headers: Record<string, string>) => {
    let next = 0
    const worker = async () => {
      while (next < urls.length) {
        const response = await fetch(`${base}${urls[next++]}`, { headers })
        if (response.status !== 200) throw new Error(`${response.url}: ${response.status}`)
        await response.arrayBuffer()
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
  }
  const beforeMb = rssMb(pid)
  const started = performance.now()
  await crawl({ 'Accept-Encoding': 'gzip, deflate, br, zstd' })
  const seconds = (performance.now() - started) / 1000
  const browsersMb = rssMb(pid)
  await crawl({ 'Accept-Encoding': 'identity' })
  return { pages: urls.length, seconds, beforeMb, browsersMb, plainMb: rssMb(pid) }
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** The pid of the server itself (node-task is not in between: the server is spawned directly). */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; startSeconds: { health: number; catalog: number } }> {
  const started = performance.now()
  const server = spawn(process.execPath, [path.join(root, STANDALONE_SERVER)], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 120_000, '/api/health')
  const health = (performance.now() - started) / 1000
  // The catalog loads right after start; wait until the fast path answers.
  await waitFor(async () => (await fetch(`${base}/api/v1/areas?limit=1`)).headers.get('x-delivery-path') === 'memory', 300_000, 'katalogen')
  return { server, startSeconds: { health, catalog: (performance.now() - started) / 1000 } }
}

/** The admin list's first row, measured in Chromium; without a browser the rest is still measured, and this says why not. */
type AdminFirstRow = { ms: number } | { skipped: string }

async function adminFirstRow(): Promise<AdminFirstRow> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!fs.existsSync(executablePath)) return { skipped: `Chromium finns inte på ${executablePath} (apt-get install chromium, eller sätt CHROMIUM_PATH)` }
  const { chromium } = await import('@playwright/test')
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
  } catch (error) {
    return { skipped: `Chromium (${executablePath}) startade inte: ${(error as Error).message.split('\n')[0]}` }
  }
  const page = await browser.newPage()
  await page.goto(`${base}/admin/login`)
  await page.locator('#field-email').fill('admin@bench.example')
  await page.locator('#field-password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.waitForURL((url) => !url.pathname.includes('/login'))
  // Once to warm the route's compiled code, then measured.
  await page.goto(`${base}/admin/collections/areas`)
  await page.locator('table tbody tr').first().waitFor()
  const started = performance.now()
  await page.goto(`${base}/admin/collections/areas`)
  await page.locator('table tbody tr').first().waitFor()
  const elapsed = performance.now() - started
  await browser.close()
  return { ms: elapsed }
}

type Seeded = { seedMs: number; middleSlug: string; middleId: string | number }

const SEED_BATCH = 1000

/** N areas in batches of SEED_BATCH, one process each (the SQLite driver's memory grows with every publish), then sections. */
async function seed(n: number, env: NodeJS.ProcessEnv): Promise<Seeded> {
  let seedMs = 0
  for (let from = 0; from < n; from += SEED_BATCH) {
    const batch = JSON.parse(await runChild(['scripts/bench/seed.ts', '--areas', String(from), String(Math.min(n, from + SEED_BATCH))], env)) as { seedMs: number }
    seedMs += batch.seedMs
    if (n > SEED_BATCH) console.log(`   … ${Math.min(n, from + SEED_BATCH)} av ${n} sidor (${(seedMs / 1000).toFixed(0)} s)`)
  }
  const sections = JSON.parse(await runChild(['scripts/bench/seed.ts', '--sections', String(n)], env)) as Seeded
  return { ...sections, seedMs: seedMs + sections.seedMs }
}

/** What a seeded database's content depends on: the seed script. */
const seedHash = () => createHash('sha256').update(fs.readFileSync(path.join(root, 'scripts', 'bench', 'seed.ts'))).digest('hex')

/** The schema it has: a newer one is reached by migrating it forward, not by seeding again. */
const migrationNames = () =>
  fs
    .readdirSync(path.join(root, 'migrations'))
    .filter((file) => /^\d.*\.ts$/.test(file))
    .sort()
    .join(',')

/**
 * A seeded SQLite database for N, made once and copied for each run (seeding
 * 10 000 pages with 3 published versions each takes long: every publish goes
 * through Payload with its hooks). MongoDB is seeded afresh each run.
 */
async function seededDatabase(n: number, dataDir: string, env: NodeJS.ProcessEnv): Promise<Seeded> {
  if (mongoUrl) return seed(n, env)
  const cacheDir = path.join(root, 'data', 'bench', 'seeded', String(n))
  const stamp = path.join(cacheDir, 'seed.json')
  const cached = fs.existsSync(stamp) ? (JSON.parse(fs.readFileSync(stamp, 'utf8')) as Seeded & { seedHash?: string; migrations?: string }) : null
  if (cached?.seedHash !== seedHash()) {
    console.log(`   seedar ${n} sidor × 3 publicerade versioner (sparas för senare körningar) …`)
    fs.rmSync(cacheDir, { recursive: true, force: true })
    fs.mkdirSync(cacheDir, { recursive: true })
    const seeded = await seed(n, serverEnv(cacheDir, n))
    fs.writeFileSync(stamp, JSON.stringify({ ...seeded, seedHash: seedHash(), migrations: migrationNames() }))
  } else if (cached.migrations !== migrationNames()) {
    // Newer schema: migrate the saved database forward once (and fill what new collections derive from it).
    console.log(`   uppgraderar den sparade databasen för N = ${n} till det nya schemat …`)
    await runChild(['scripts/bench/seed.ts', '--upgrade'], serverEnv(cacheDir, n))
    fs.writeFileSync(stamp, JSON.stringify({ ...cached, migrations: migrationNames() }))
  }
  for (const file of fs.readdirSync(cacheDir).filter((name) => name.startsWith('cms.db') || name === 'payload-secret')) {
    fs.copyFileSync(path.join(cacheDir, file), path.join(dataDir, file))
  }
  return JSON.parse(fs.readFileSync(stamp, 'utf8')) as Seeded
}

async function measure(n: number): Promise<Figures> {
  const dataDir = path.join(root, 'data', 'bench', 'run', String(n))
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const env = serverEnv(dataDir, n)
  console.log(`\n── N = ${n}`)
  const seeded = await seededDatabase(n, dataDir, env)
  console.log(`   ${n} sidor × 3 publicerade versioner (seedning ${(seeded.seedMs / 1000).toFixed(1)} s); startar servern …`)
  const { server, startSeconds } = await startServer(env)
  try {
    const pageUrl = `${base}/api/v1/areas/${seeded.middleSlug}`
    const first = await fetch(pageUrl)
    const body = await first.text()
    const etag = first.headers.get('etag')!
    // The ceiling is measured before and after the endpoints and the higher run counts: a server
    // still settling after its start (history backfill, first jobs) must not lower the bar.
    const htmlUrl = `${base}/jamforelser/${seeded.middleSlug}`
    const drawStarted = performance.now()
    const html = await fetch(htmlUrl)
    const firstDrawMs = performance.now() - drawStarted
    const htmlBody = new Uint8Array(await html.arrayBuffer())
    const htmlEtag = html.headers.get('etag')!
    const before = await ceiling(body)
    const rows = [
      await load('GET /api/v1/areas/{slug} (cached page)', pageUrl),
      await load('GET /api/v1/areas/{slug} + If-None-Match (304)', pageUrl, { 'If-None-Match': etag }, 304),
      await load('GET /api/v1/areas?limit=20', `${base}/api/v1/areas?limit=20`),
      await load('GET /jamforelser/{slug} (HTML)', htmlUrl),
      await load('GET /jamforelser/{slug} + If-None-Match (304)', htmlUrl, { 'If-None-Match': htmlEtag }, 304),
      await load("Payload's GET /api/areas/{id} (stock)", `${base}/api/areas/${seeded.middleId}`),
    ]
    const after = await ceiling(body)
    const roof = after.requestsPerSecond > before.requestsPerSecond ? after : before
    const htmlCeiling = await ceiling(htmlBody, 'ceiling: plain Node http, the HTML page’s bytes')
    console.log(formatTable(rows, roof))
    const memory = await pageMemory(server.pid!)
    const publish = await publishToVisible(seeded.middleSlug, seeded.middleId)
    const adminAt = quick ? 100 : 1000
    const admin = n === adminAt ? await adminFirstRow() : undefined
    const release = n === sizes.at(-1) ? await publishRelease(base, { editor: await login('editor'), reviewer: await login('reviewer') }) : undefined
    return {
      n,
      rows,
      ceiling: roof,
      htmlCeiling,
      publish,
      rssMb: rssMb(server.pid!),
      pageMemory: memory,
      startSeconds,
      firstDrawMs,
      seedSeconds: seeded.seedMs / 1000,
      adminFirstRow: admin,
      release,
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
}

if (prepareOnly) {
  for (const n of [100, 1000, 10_000]) {
    const dataDir = path.join(root, 'data', 'bench', 'run', String(n))
    fs.mkdirSync(dataDir, { recursive: true })
    await seededDatabase(n, dataDir, serverEnv(dataDir, n))
  }
  console.log('Databaserna är seedade.')
  process.exit(0)
}

if (!isBuildCurrent(root)) {
  console.log('Bygger (next build) …')
  await buildProduction(root)
}
console.log(`Databas: ${mongoUrl ? 'MongoDB (MONGODB_URL)' : 'SQLite'}; ${CONNECTIONS} anslutningar, ${LOAD.duration} s per mätning efter ${LOAD.warmup} s uppvärmning.`)

const importDir = path.join(root, 'data', 'bench', 'import')
fs.rmSync(importDir, { recursive: true, force: true })
fs.mkdirSync(importDir, { recursive: true })
const imported = JSON.parse(await runChild(['scripts/bench/seed.ts', '--import-seeds'], serverEnv(importDir, 0))) as { importMs: number; files: number }

const results: Figures[] = []
for (const n of sizes) results.push(await measure(n))

const smallest = results[0]!
const largest = results.at(-1)!
const cachedPage = (figures: Figures) => figures.rows[0]!
console.log('\n══ Sammanfattning ══')
for (const figures of results) {
  console.log(`\nN = ${figures.n} (seed ${figures.seedSeconds.toFixed(1)} s, server-RSS efter körningarna ${figures.rssMb.toFixed(0)} MB)`)
  console.log(formatTable(figures.rows, figures.ceiling))
  const { publish } = figures
  console.log(`publish→visible, 20 publiceringar: /api/v1 median ${publish.apiMedian.toFixed(1)} ms, max ${publish.apiMax.toFixed(1)} ms; HTML-sidan median ${publish.htmlMedian.toFixed(1)} ms, max ${publish.htmlMax.toFixed(1)} ms`)
  const htmlRow = figures.rows.find((row) => row.name === 'GET /jamforelser/{slug} (HTML)')!
  console.log(
    `HTML-sidan: ${ratio(htmlRow.requestsPerSecond, figures.ceiling.requestsPerSecond).toFixed(2)} av taket (API:ts bytes), ` +
      `${ratio(htmlRow.requestsPerSecond, figures.htmlCeiling.requestsPerSecond).toFixed(2)} av taket med sidans egna bytes (${Math.round(figures.htmlCeiling.requestsPerSecond)} req/s); p99 ${htmlRow.p99.toFixed(1)} ms`,
  )
  console.log(
    `start: /api/health efter ${figures.startSeconds.health.toFixed(1)} s, katalogen efter ${figures.startSeconds.catalog.toFixed(1)} s; första läsningen av en sida (ritas då) ${figures.firstDrawMs.toFixed(1)} ms`,
  )
  const memory = figures.pageMemory
  console.log(
    `ritade sidor i minnet: ${memory.pages} sidor lästa på ${memory.seconds.toFixed(1)} s; RSS ${memory.beforeMb.toFixed(0)} MB → ${memory.browsersMb.toFixed(0)} MB som webbläsare (brotli, +${(memory.browsersMb - memory.beforeMb).toFixed(0)} MB) → ${memory.plainMb.toFixed(0)} MB även okomprimerat (+${(memory.plainMb - memory.beforeMb).toFixed(0)} MB)`,
  )
  const admin = figures.adminFirstRow
  if (admin && 'ms' in admin) console.log(`admin: listan över ${figures.n} sidor visar första raden efter ${admin.ms.toFixed(0)} ms`)
  if (admin && 'skipped' in admin) console.log(`admin: mätningen av listan hoppades över: ${admin.skipped}`)
  const release = figures.release
  if (release) {
    console.log(
      `publiceringspaket med ${release.pages} sidor: publiceringsanropet ${release.publishMs.toFixed(0)} ms (mål ≤ 3 000 ms); ` +
        `glappet mellan första och sista sidan synlig ${release.gapMs.toFixed(0)} ms; ${release.mixedReads} av ${release.reads} läsningar av listan under publiceringen visade en blandning (mål 0); ` +
        `första läsningen efter svaret ${release.firstReadAfterAllNew ? 'visade alla nya' : 'visade INTE alla nya'}; listläsning median ${release.readMedianMs.toFixed(1)} ms; ` +
        `förberedelse (utkast, granskning, paket) ${release.preparePerPageMs.toFixed(0)} ms per sida`,
    )
  }
}
if (results.length > 1) {
  console.log(`\nskala: p99 för cachad sida vid N=${largest.n} ÷ vid N=${smallest.n} = ${ratio(cachedPage(largest).p99, cachedPage(smallest).p99).toFixed(2)} (mål ≤ 1,3)`)
}
console.log(`import av de ${imported.files} seedfilerna: ${(imported.importMs / 1000).toFixed(2)} s`)
console.log(cachedPageRatioLine(cachedPage(smallest), smallest.ceiling))
