/**
 * The shape of a SQLite schema as a set of comparable lines (tables, columns,
 * indexes, foreign keys), and the shape each prefix of the committed
 * migrations produces. Used once, when a database made by a schema push must
 * be matched to the migrations it corresponds to (see migrationPlan.ts).
 */
import { createClient } from '@libsql/client'
import type { MigrateUpArgs } from '@payloadcms/db-sqlite'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'

/** One sorted line per table, column, index and foreign key. */
export type SchemaShape = string[]

type Row = Record<string, unknown>
export type RunQuery = (sql: string) => Promise<Row[]>

const TABLES = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_drizzle%' ESCAPE '\\'`

export async function readSchemaShape(query: RunQuery): Promise<SchemaShape> {
  const lines: string[] = []
  const tables = (await query(TABLES)).map((row) => String(row.name))
  for (const table of tables) {
    const quoted = `'${table.replace(/'/g, "''")}'`
    lines.push(`table ${table}`)
    for (const column of await query(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(${quoted})`)) {
      lines.push(
        `column ${table}.${String(column.name)} ${String(column.type).toLowerCase()}` +
          ` notnull=${String(column.notnull)} default=${String(column.dflt_value)} pk=${String(column.pk)}`,
      )
    }
    for (const index of await query(`SELECT name, "unique" FROM pragma_index_list(${quoted})`)) {
      const name = String(index.name)
      const columns = (await query(`SELECT name FROM pragma_index_info('${name.replace(/'/g, "''")}') ORDER BY seqno`)).map((row) => String(row.name))
      lines.push(`index ${name} on ${table}(${columns.join(',')}) unique=${String(index.unique)}`)
    }
    for (const key of await query(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(${quoted})`)) {
      lines.push(`fk ${table}.${String(key.from)} -> ${String(key.table)}.${String(key.to)} update=${String(key.on_update)} delete=${String(key.on_delete)}`)
    }
  }
  return lines.sort()
}

/** Lines in one shape and not the other, prefixed "-" (only in `actual`) and "+" (only in `expected`). */
export function schemaDifferences(actual: SchemaShape, expected: SchemaShape): string[] {
  const inActual = new Set(actual)
  const inExpected = new Set(expected)
  return [...actual.filter((line) => !inExpected.has(line)).map((line) => `- ${line}`), ...expected.filter((line) => !inActual.has(line)).map((line) => `+ ${line}`)]
}

export type SchemaMigration = { name: string; up: (args: MigrateUpArgs) => Promise<void> }

/**
 * The shape after 0, 1, … n migrations, built in a scratch in-memory
 * database. Only schema statements can run there: a migration that reaches
 * for `payload` (a data migration) ends the list, since no later prefix can be
 * built without it.
 */
export async function migrationPrefixShapes(migrations: readonly SchemaMigration[]): Promise<SchemaShape[]> {
  const client = createClient({ url: ':memory:' })
  try {
    const db = drizzle(client)
    // libsql types rows as its own Row class; the comparison reads them as plain column records.
    const query: RunQuery = async (sql) => (await client.execute(sql)).rows as unknown as Row[]
    const shapes = [await readSchemaShape(query)]
    const noPayload = new Proxy({}, { get: () => { throw new Error('data migration') } })
    for (const migration of migrations) {
      try {
        // A scratch database and no Payload: schema statements need only `db` (see above).
        await migration.up({ db, payload: noPayload, req: {} } as unknown as MigrateUpArgs)
      } catch {
        break
      }
      shapes.push(await readSchemaShape(query))
    }
    return shapes
  } finally {
    client.close()
  }
}

/** How many of the first migrations produce exactly `actual` (the longest such prefix), or null. */
export function matchingPrefix(actual: SchemaShape, prefixes: readonly SchemaShape[]): number | null {
  for (let k = prefixes.length - 1; k >= 0; k--) {
    if (schemaDifferences(actual, prefixes[k]!).length === 0) return k
  }
  return null
}
