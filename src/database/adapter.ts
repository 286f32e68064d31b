import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { DATABASE_BUSY_TIMEOUT_MS } from '@/database/busy'
import { migrateSqlite, type Migration } from '@/database/migrate'
import type { DatabaseConfig } from '@/env'

import { serialiseWrites } from './sqliteTransactions'

type SqliteAdapter = Parameters<typeof serialiseWrites>[0]

/**
 * SQLite is the zero-set-up default; MongoDB is for production (it needs no
 * schema migrations). On SQLite the committed migrations (migrations/) are
 * the one schema authority, in every environment and for every command: the
 * schema is never pushed, and pending migrations run as the database is
 * opened (src/database/migrate.ts), so the server, the importer and the other
 * scripts accept each other's databases in any order.
 */
export function createDatabaseAdapter(database: DatabaseConfig, options: { migrationDir: string; migrations: readonly Migration[] }): DatabaseAdapterObj {
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
    // Where `npm run migrate:create` writes; the migrations that run are `options.migrations`.
    migrationDir: options.migrationDir,
    push: false,
    // WAL lets readers go on while a publish writes; the busy timeout queues writers from other processes.
    wal: true,
    busyTimeout: DATABASE_BUSY_TIMEOUT_MS,
    // Real transactions: a publish or an import is written whole or not at all (Payload's default here is none).
    transactionOptions: { behavior: 'immediate' },
  })
  const init = adapter.init
  return {
    ...adapter,
    init: (args) => {
      // Writes in this process take turns (src/database/sqliteTransactions.ts explains why).
      const sqlite = serialiseWrites(init(args) as SqliteAdapter)
      const connect = sqlite.connect!.bind(sqlite)
      sqlite.connect = async (connectOptions) => {
        await connect(connectOptions)
        if (connectOptions?.hotReload) return
        // Payload's adapter type does not expose drizzle and sessions, which the SQLite adapter has.
        await migrateSqlite(sqlite.payload, sqlite as unknown as Parameters<typeof migrateSqlite>[1], options.migrations, database.filePath)
      }
      return sqlite as ReturnType<typeof init>
    },
  }
}
