/**
 * Runs the committed migrations on a SQLite database when a command opens it
 * (the adapter side of migrationPlan.ts). One transaction, begun IMMEDIATE so
 * that two commands opening a new database at once take turns: the second
 * re-reads what the first recorded and finds nothing left to do.
 */
import { randomUUID } from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite'
import { createLocalReq, type Payload } from 'payload'

import { hasPushRecord, planMigrations, PUSH_BATCH, PUSH_RECORD_NAME, type AppliedMigration, type MigrationPlan } from './migrationPlan'
import { DatabaseBusyError, isBusyError } from './busy'
import { matchingPrefix, migrationPrefixShapes, readSchemaShape, schemaDifferences, type SchemaMigration } from './sqliteSchema'

export type Migration = SchemaMigration & { down?: unknown }

type Row = Record<string, unknown>
/** What a drizzle SQLite database and transaction both offer. */
type Queryable = { all: <T = Row>(query: ReturnType<typeof sql.raw>) => Promise<T[]> }
type SqliteAdapterParts = {
  drizzle: Queryable & { transaction: <T>(work: (tx: Queryable) => Promise<T>, options: { behavior: 'immediate' }) => Promise<T> }
  sessions: Record<string, unknown>
}

/** A database this version of the CMS must not open; the message is one line for a person. */
export class DatabaseSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseSchemaError'
  }
}

const query = (db: Queryable, text: string) => db.all<Row>(sql.raw(text))

async function readApplied(db: Queryable): Promise<AppliedMigration[]> {
  const table = await query(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'`)
  if (table.length === 0) return []
  const rows = await query(db, 'SELECT name, batch FROM payload_migrations')
  return rows.map((row) => ({ name: String(row.name), batch: Number(row.batch) }))
}

function refusal(plan: Extract<MigrationPlan, { action: 'refuse' }>, where: string, firstDifference?: string): DatabaseSchemaError {
  if (plan.reason === 'newer-database') {
    return new DatabaseSchemaError(
      `Databasen ${where} har migreringar som den här versionen av CMS:et inte känner till (${plan.unknown.join(', ')}); ` +
        'den har uppdaterats av en nyare version. Kör den nyare versionen, eller återställ en säkerhetskopia från före uppdateringen (npm run restore).',
    )
  }
  return new DatabaseSchemaError(
    `Databasen ${where} har ett schema som skjutits fram i utvecklingsläge och som inte motsvarar någon av de incheckade migreringarna` +
      `${firstDifference ? ` (första skillnaden: ${firstDifference})` : ''}, så den tas inte över. ` +
      'Starta med en ny DATABASE_URL och importera sidorna igen (npm run import), eller kör den version av CMS:et som skapade databasen och ta en säkerhetskopia (npm run backup).',
  )
}

export type MigrationReport = { adopted: string[]; ran: string[] }

/**
 * Brings the database up to the committed migrations, or throws
 * DatabaseSchemaError / DatabaseBusyError with one line saying why not.
 */
export async function migrateSqlite(payload: Payload, adapter: SqliteAdapterParts, migrations: readonly Migration[], where: string): Promise<MigrationReport> {
  const available = migrations.map((migration) => migration.name)
  // The common case costs one read and no lock: everything has run.
  const outside = await readApplied(adapter.drizzle)
  if (!hasPushRecord(outside) && planMigrations({ available, applied: outside }).action === 'none') return { adopted: [], ran: [] }

  try {
    return await adapter.drizzle.transaction(
      async (tx) => {
        // Payload's own writes (the migration records, a data migration's payload.* calls) join this transaction through req.
        const id = randomUUID()
        adapter.sessions[id] = { db: tx, resolve: () => undefined, reject: () => undefined }
        try {
          const req = await createLocalReq({}, payload)
          req.transactionID = id
          const applied = await readApplied(tx)
          let firstDifference: string | undefined
          let pushedSchemaMatchesFirst: number | null | undefined
          if (hasPushRecord(applied)) {
            const actual = await readSchemaShape((text) => query(tx, text))
            const prefixes = await migrationPrefixShapes(migrations)
            pushedSchemaMatchesFirst = matchingPrefix(actual, prefixes)
            firstDifference = schemaDifferences(actual, prefixes.at(-1) ?? [])[0]
          }
          const plan = planMigrations({ available, applied, pushedSchemaMatchesFirst })
          if (plan.action === 'refuse') throw refusal(plan, where, firstDifference)
          if (plan.action === 'none') return { adopted: [], ran: [] }
          const record = (name: string) => payload.create({ collection: 'payload-migrations', data: { name, batch: plan.batch }, req, overrideAccess: true })
          const adopted = plan.action === 'adopt' ? plan.adopt : []
          if (plan.action === 'adopt') {
            payload.logger.info(`Databasen skapades med schemaskjutning; den motsvarar ${adopted.length} migreringar och tas över (inga rader ändras).`)
            await payload.delete({
              collection: 'payload-migrations',
              where: { or: [{ batch: { equals: PUSH_BATCH } }, { name: { equals: PUSH_RECORD_NAME } }] },
              req,
              overrideAccess: true,
            })
            for (const name of adopted) await record(name)
          }
          for (const name of plan.run) {
            const migration = migrations.find((candidate) => candidate.name === name)!
            // tx is drizzle's libsql transaction, typed above only by what this file calls.
            await migration.up({ db: tx, payload, req } as unknown as Parameters<Migration['up']>[0])
            await record(name)
          }
          if (plan.run.length) payload.logger.info(`Databasen migrerad: ${plan.run.length === 1 ? plan.run[0] : `${plan.run.length} migreringar, ${plan.run[0]} … ${plan.run.at(-1)}`}.`)
          return { adopted, ran: plan.run }
        } finally {
          delete adapter.sessions[id]
        }
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (isBusyError(error)) throw new DatabaseBusyError(where)
    throw error
  }
}
