import { sql, type MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * For migrations: gives foreign keys that an `ALTER TABLE … ADD … REFERENCES`
 * created the ON DELETE action the config declares.
 *
 * drizzle-kit writes `ALTER TABLE x ADD y integer REFERENCES z(id)` for a new
 * relationship column and leaves out its ON DELETE clause, so a migrated
 * database said NO ACTION where a pushed one (and the config) says SET NULL or
 * CASCADE: deleting a user who last saved a page, or a webhook someone had
 * open, failed with "FOREIGN KEY constraint failed". SQLite cannot alter a
 * constraint, and rebuilding a table with foreign keys on (libsql's default,
 * and a migration runs in a transaction where the pragma cannot be turned off)
 * would cascade-delete its children. A foreign key's action is not stored in
 * any row, so SQLite's documented procedure for such changes applies: edit
 * the table's definition in sqlite_schema and bump schema_version, in the
 * migration's transaction (https://sqlite.org/lang_altertable.html#otheralter).
 */
export type ForeignKeyAction = { table: string; column: string; references: string; onDelete: 'set null' | 'cascade' }

type Db = MigrateUpArgs['db']

const plainReference = (key: ForeignKeyAction) => `\`${key.column}\` integer REFERENCES ${key.references}(id)`

async function rewriteDefinitions(db: Db, keys: readonly ForeignKeyAction[], rewrite: (definition: string, key: ForeignKeyAction) => string): Promise<void> {
  const version = Number((await db.get<{ schema_version: number }>(sql`PRAGMA schema_version`))?.schema_version)
  await db.run(sql`PRAGMA writable_schema = ON`)
  try {
    for (const table of new Set(keys.map((key) => key.table))) {
      const row = await db.get<{ sql: string }>(sql`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ${table}`)
      if (!row) throw new Error(`Tabellen ${table} finns inte.`)
      const definition = keys.filter((key) => key.table === table).reduce(rewrite, row.sql)
      await db.run(sql`UPDATE sqlite_schema SET sql = ${definition} WHERE type = 'table' AND name = ${table}`)
    }
    await db.run(sql.raw(`PRAGMA schema_version = ${version + 1}`))
  } finally {
    await db.run(sql`PRAGMA writable_schema = OFF`)
  }
  const check = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`)
  if (check[0]?.integrity_check !== 'ok') throw new Error(`Databasen är inte hel efter ändringen: ${JSON.stringify(check)}`)
}

/** Adds each key's ON DELETE action to the column definition ALTER TABLE wrote. */
export function addForeignKeyActions(db: Db, keys: readonly ForeignKeyAction[]): Promise<void> {
  return rewriteDefinitions(db, keys, (definition, key) => {
    const plain = plainReference(key)
    const at = definition.indexOf(plain)
    if (at < 0) throw new Error(`Hittar inte ${plain} i tabellen ${key.table}.`)
    const end = at + plain.length
    if (/^\s+ON\s/i.test(definition.slice(end))) return definition
    return `${definition.slice(0, end)} ON DELETE ${key.onDelete}${definition.slice(end)}`
  })
}

/** The reverse, for `down`. */
export function removeForeignKeyActions(db: Db, keys: readonly ForeignKeyAction[]): Promise<void> {
  return rewriteDefinitions(db, keys, (definition, key) => definition.replace(`${plainReference(key)} ON DELETE ${key.onDelete}`, plainReference(key)))
}
