/**
 * `npm start`: one command for a newcomer and for production alike.
 * 1. checks the environment (one line on error), 2. connects to the database,
 * runs migrations and, on an empty database outside production, creates demo
 * accounts, 3. builds if the build is missing or stale, 4. serves.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'

import { isOneLineError } from '@/backup/errors'
import { createDemoAccounts, DEMO_ACCOUNTS_FILE } from '@/bootstrap/demoAccounts'
import { EnvError, parseEnv, redactUrl, type Env } from '@/env'
import { importPageFiles } from '@/pageImport/importPages'
import { formatImportReport } from '@/pageImport/report'
import { resolvePayloadSecret } from '@/auth/secret'
import { buildProduction, isBuildCurrent, STANDALONE_SERVER } from './lib/build'

const root = process.cwd()

function fail(message: string): never {
  console.error(`\n✖ ${message}`)
  process.exit(1)
}

function readEnv(): Env {
  try {
    return parseEnv(process.env)
  } catch (error) {
    if (error instanceof EnvError) fail(error.message)
    throw error
  }
}

/** The standalone server runs from its own folder: every path it gets must be absolute. */
function prepareServerEnv(env: Env): void {
  process.env.DATA_DIR = path.resolve(env.dataDir)
  if (env.database.kind === 'sqlite') process.env.DATABASE_URL = `file:${path.resolve(env.database.filePath)}`
  process.env.PAYLOAD_SECRET = resolvePayloadSecret(env)
  // Payload formats some admin dates on the server (the version view's heading) on the process's
  // clock: the municipality's, not the machine's UTC, unless the operator chose one.
  process.env.TZ ||= 'Europe/Stockholm'
  process.env.SERVER_URL = env.serverUrl
  // The served build is a production build; Payload then runs committed migrations on connect.
  Object.assign(process.env, { NODE_ENV: 'production' })
}

async function prepareDatabase(env: Env): Promise<void> {
  const where = env.database.kind === 'sqlite' ? env.database.filePath : redactUrl(env.database.url)
  try {
    // One after the other: two concurrent dynamic imports of one module graph can leave
    // Node's ESM loader waiting forever (exit code 13, no output).
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    const payload = await getPayload({ config })
    if (!env.isProduction) {
      const accounts = await createDemoAccounts(payload, path.resolve(env.dataDir))
      if (accounts) {
        console.log('\nDemokonton (lösenorden visas bara nu; de finns också i ' + path.join(env.dataDir, DEMO_ACCOUNTS_FILE) + '):')
        for (const account of accounts) console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(26)} ${account.password}`)
        console.log('')
      }
      await importDemoContent(payload)
    }
    await payload.destroy()
  } catch (error) {
    // A database this version must not open, or one another process keeps busy: its own line says what to do.
    if (isOneLineError(error)) fail(error.message)
    // Adapters wrap the driver's error in layers of "Error: cannot connect …"; keep the cause.
    // A failed query carries the driver's error as its cause; the SQL text helps nobody here.
    const root = error instanceof Error && error.cause instanceof Error ? error.cause : error
    const message = root instanceof Error ? root.message.replace(/\s+/g, ' ') : String(root)
    const reason = message.replace(/^.*Details: /, '').replace(/^(Error: )+/, '').replace(/\.$/, '')
    fail(`Kunde inte förbereda databasen (${env.database.kind}: ${where}): ${reason}. Kontrollera DATABASE_URL och att databasen går att nå.`)
  }
}

const DEMO_CONTENT = path.join(root, 'seed', 'kalmar')

/** An empty database outside production gets Kalmar's five real pages, so there is something to look at. */
async function importDemoContent(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'areas', overrideAccess: true })
  if (totalDocs > 0) return
  console.log('Tom databas: importerar exempelsidorna i seed/kalmar …')
  const report = await importPageFiles(payload, [DEMO_CONTENT])
  console.log(formatImportReport(report).split('\n').slice(0, report.files.length + 4).join('\n') + '\n')
}

async function waitUntilHealthy(port: number, child: ReturnType<typeof spawn>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`Servern avslutades under starten (kod ${child.exitCode}).`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  fail(`Servern svarade inte på /api/health inom ${timeoutMs / 1000} s.`)
}

const env = readEnv()
prepareServerEnv(env)
await prepareDatabase(env)

if (!isBuildCurrent(root)) {
  console.log('Bygger (next build) – första gången tar det någon minut …')
  await buildProduction(root).catch((error: Error) => fail(`Bygget misslyckades: ${error.message}`))
}

const started = Date.now()
const server = spawn(process.execPath, [path.join(root, STANDALONE_SERVER)], {
  env: { ...process.env, PORT: String(env.port), HOSTNAME: process.env.HOST ?? '0.0.0.0', NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

await waitUntilHealthy(env.port, server)
console.log(`\nÖppna jämförelser-CMS är igång (svarade efter ${Date.now() - started} ms).`)
console.log(`  Webbplats: ${env.serverUrl}/`)
console.log(`  Logga in:  ${env.serverUrl}/admin\n`)
