import fs from 'node:fs'

import type { Payload, SanitizedConfig } from 'payload'

import { RestClient } from './rest'

export type TestCms = {
  payload: Payload
  config: Promise<SanitizedConfig>
  rest: RestClient
  databaseKind: 'sqlite' | 'mongodb'
  dataDir: string
  cleanup: () => Promise<void>
}

/**
 * A fresh database for one test file: a new SQLite file, or a new MongoDB
 * database when TEST_MONGODB_URL is set. Call once per file (Vitest isolates
 * files, so the config and its env are evaluated anew for each).
 */
export async function startTestCms(options: { cron?: boolean } = {}): Promise<TestCms> {
  // tests/helpers/testEnv.ts (a Vitest setup file) has pointed the env at a fresh database.
  const dataDir = process.env.DATA_DIR!
  const mongoBase = process.env.TEST_MONGODB_URL

  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  // cron: the real job runner, as the server runs it.
  const payload = await getPayload({ config, cron: options.cron ?? false })

  return {
    payload,
    config,
    rest: new RestClient(config),
    databaseKind: mongoBase ? 'mongodb' : 'sqlite',
    dataDir,
    cleanup: async () => {
      if (mongoBase) {
        // Test-only cleanup of the per-file database; tests themselves stay adapter-neutral.
        const db = payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }
        await db.connection?.dropDatabase().catch(() => undefined)
      }
      await payload.destroy().catch(() => undefined)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Closes the adapter's underlying connection the way a crashed or unreachable
 * database server would leave it (test infrastructure: the one place that
 * knows each adapter's client).
 */
export async function closeDatabaseConnection(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    client?: { close(): void }
    connection?: { close(force?: boolean): Promise<void> }
  }
  if (db.connection) await db.connection.close(true)
  else db.client?.close()
}
