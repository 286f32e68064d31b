/**
 * The production server on a fresh database, as `npm start` makes it (demo
 * accounts and Kalmar's five pages), for the scripts that measure what a
 * visitor gets: `npm run lighthouse` and `npm run axe:admin`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'

import { buildProduction, isBuildCurrent } from './build'

/** Debian's Chromium (`CHROMIUM_PATH` for another), with the flags this machine needs. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** Before a browser measures the server: Chromium must be there (else exit with why), and the production build current (else made). */
export async function prepareBrowserRun(root: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(`✖ Chromium finns inte på ${CHROMIUM_PATH} (apt-get install chromium, eller sätt CHROMIUM_PATH).`)
    process.exit(1)
  }
  if (!isBuildCurrent(root)) {
    console.log('Bygger (next build) …')
    await buildProduction(root)
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Väntade förgäves på ${what}`)
}

/** Starts `npm start` on an empty `dataDir` at `base` and waits until the catalog answers from memory. */
export async function startFreshServer(root: string, dataDir: string, base: string): Promise<ChildProcess> {
  fs.rmSync(dataDir, { recursive: true, force: true })
  const server = spawn(process.execPath, ['scripts/node-task.mjs', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: new URL(base).port, SERVER_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 180_000, '/api/health')
  await waitFor(async () => (await fetch(`${base}/api/v1/areas?limit=1`)).headers.get('x-delivery-path') === 'memory', 120_000, 'katalogen')
  return server
}
