/**
 * `npm run lighthouse [-- --runs 3]`: the public pages as an outside check
 * measures them. Builds when needed, starts the production server on a fresh
 * database with Kalmar's five pages (as `npm start` does), and runs Lighthouse
 * (mobile preset: simulated slow 4G and a 4× slower CPU) with Debian's
 * Chromium on the start page and the largest comparison page. Prints each
 * run's scores and the median; a script that prints figures, not a test.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { CHROMIUM_FLAGS, CHROMIUM_PATH as chromePath, prepareBrowserRun, startFreshServer } from './lib/freshServer'

const root = process.cwd()
const runsArgument = process.argv.indexOf('--runs')
const RUNS = runsArgument > 0 ? Math.max(1, Number(process.argv[runsArgument + 1]) || 1) : 3
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3402)
const base = `http://localhost:${PORT}`
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS]
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
/** What issue 17 asks of these pages. */
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 }

type Run = {
  scores: Record<(typeof CATEGORIES)[number], number>
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number }
  scriptBytes: number
  totalBytes: number
  failed: string[]
}

/** The comparison page with the most HTML. */
async function largestAreaPage(): Promise<string> {
  const { items } = (await (await fetch(`${base}/api/v1/areas?limit=100`)).json()) as { items: { url: string }[] }
  let largest = { url: '', bytes: -1 }
  for (const { url } of items) {
    const bytes = (await (await fetch(`${base}${url}`)).arrayBuffer()).byteLength
    if (bytes > largest.bytes) largest = { url, bytes }
  }
  return largest.url
}

function lighthouse(url: string): Promise<Run> {
  const output = path.join(root, 'data', 'lighthouse-report.json')
  const args = [
    path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
    url,
    '--quiet',
    '--output=json',
    `--output-path=${output}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url}: kod ${code}`))
      const report = JSON.parse(fs.readFileSync(output, 'utf8'))
      const audit = (id: string) => report.audits[id]
      const resources: { resourceType: string; transferSize: number }[] = audit('resource-summary').details.items
      const bytesOf = (type: string) => resources.find((item) => item.resourceType === type)?.transferSize ?? 0
      const failed: string[] = []
      for (const category of CATEGORIES) {
        for (const ref of report.categories[category].auditRefs) {
          const result = audit(ref.id)
          if (ref.weight > 0 && result.score !== null && result.score < 1) failed.push(`${category}/${ref.id} ${result.displayValue ?? result.score}`)
        }
      }
      resolve({
        scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round(report.categories[category].score * 100)])) as Run['scores'],
        metrics: {
          fcp: audit('first-contentful-paint').numericValue,
          lcp: audit('largest-contentful-paint').numericValue,
          tbt: audit('total-blocking-time').numericValue,
          cls: audit('cumulative-layout-shift').numericValue,
          speedIndex: audit('speed-index').numericValue,
        },
        scriptBytes: bytesOf('script'),
        totalBytes: bytesOf('total'),
        failed,
      })
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function row(label: string, run: Omit<Run, 'failed'>): string {
  const { scores, metrics } = run
  return `| ${label.padEnd(52)} | ${CATEGORIES.map((category) => String(scores[category]).padStart(4)).join(' | ')} | ${(metrics.fcp / 1000).toFixed(2)} s | ${(metrics.lcp / 1000).toFixed(2)} s | ${metrics.tbt.toFixed(0).padStart(3)} ms | ${metrics.cls.toFixed(3)} | ${(metrics.speedIndex / 1000).toFixed(2)} s | ${String(run.scriptBytes).padStart(3)} B | ${(run.totalBytes / 1024).toFixed(1)} KiB |`
}

await prepareBrowserRun(root)
const server = await startFreshServer(root, path.join(root, 'data', 'lighthouse'), base)
try {
  const pages = ['/', await largestAreaPage()]
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version
  console.log(`Lighthouse ${version}, mobil (simulerad strypning), ${RUNS} körningar per sida, ${chromePath}\n`)
  console.log(`| ${'sida'.padEnd(52)} | perf | a11y | b.p. |  seo | FCP    | LCP    | TBT    | CLS   | SI     | JS    | totalt   |`)
  console.log(`|${'-'.repeat(54)}|-----:|-----:|-----:|-----:|-------:|-------:|-------:|------:|-------:|------:|---------:|`)
  let met = true
  for (const page of pages) {
    const runs: Run[] = []
    for (let run = 0; run < RUNS; run++) {
      runs.push(await lighthouse(`${base}${page}`))
      console.log(row(`${page} (körning ${run + 1})`, runs.at(-1)!))
    }
    const summary = {
      scores: Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => run.scores[category]))])) as Run['scores'],
      metrics: {
        fcp: median(runs.map((run) => run.metrics.fcp)),
        lcp: median(runs.map((run) => run.metrics.lcp)),
        tbt: median(runs.map((run) => run.metrics.tbt)),
        cls: median(runs.map((run) => run.metrics.cls)),
        speedIndex: median(runs.map((run) => run.metrics.speedIndex)),
      },
      scriptBytes: Math.max(...runs.map((run) => run.scriptBytes)),
      totalBytes: median(runs.map((run) => run.totalBytes)),
    }
    console.log(row(`${page} (median)`, summary))
    for (const failure of new Set(runs.flatMap((run) => run.failed))) console.log(`|   under full poäng: ${failure}`)
    for (const category of CATEGORIES) if (summary.scores[category] < TARGETS[category]) met = false
    if (summary.scriptBytes > 0) met = false
  }
  console.log(`\nmål (Performance ≥ 98, övriga 100, 0 byte JavaScript): ${met ? 'uppfyllda' : 'EJ uppfyllda'}`)
} finally {
  server.kill('SIGTERM')
}
