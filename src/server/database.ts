import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { DatabaseConfig } from '@/env'

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
  return sqliteAdapter({
    client: { url: database.url },
    migrationDir: options.migrationDir,
    prodMigrations: options.migrations,
    // WAL lets readers go on while a publish writes; the busy timeout queues writers.
    wal: true,
    busyTimeout: 5000,
  })
}
