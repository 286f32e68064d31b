import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseConfig } from '@/env'

import { serialiseWrites } from './sqliteTransactions'

type Migration = Parameters<typeof sqliteAdapter>[0]['prodMigrations']

/**
 * SQLite is the zero-set-up default; MongoDB is for production. Committed
 * migrations (migrations/, SQLite only) run on connect in production; dev and
 * tests push the schema. MongoDB needs no schema migrations.
 */
export function createDatabaseAdapter(
  database: DatabaseConfig,
  options: { migrationDir: string; migrations: Migration },
): DatabaseAdapterObj {
  if (database.kind === 'mongodb') {
    return mongooseAdapter({
      url: database.url,
      // Fail within seconds when the server is unreachable instead of the 30 s default.
      connectOptions: { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 },
    })
  }
  fs.mkdirSync(path.dirname(path.resolve(database.filePath)), { recursive: true })
  const adapter = sqliteAdapter({
    client: { url: database.url },
    migrationDir: options.migrationDir,
    prodMigrations: options.migrations,
    // WAL lets readers go on while a publish writes; the busy timeout queues writers from other processes.
    wal: true,
    busyTimeout: 5000,
    // Real transactions: a publish or an import is written whole or not at all (Payload's default here is none).
    transactionOptions: { behavior: 'immediate' },
  })
  // Writes in this process take turns (src/server/sqliteTransactions.ts explains why).
  const init = adapter.init
  return { ...adapter, init: (args) => serialiseWrites(init(args) as Parameters<typeof serialiseWrites>[0]) }
}
