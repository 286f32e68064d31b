/**
 * The committed migrations are the one schema authority (src/database): they
 * must produce exactly the schema the config declares (what Payload's push
 * would make), and a migrated database must behave like one.
 */
import { createClient } from '@libsql/client'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readSchemaShape, schemaDifferences } from '@/database/sqliteSchema'
import { migrations } from '../../../migrations'
import { startTestCms, type TestCms } from '../../helpers/payload'
import { createUser } from '../../helpers/users'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => cms?.cleanup())

type Row = Record<string, unknown>
type SqliteParts = {
  client: { execute(sql: string): Promise<{ rows: unknown[] }> }
  schema: unknown
  requireDrizzleKit(): { pushSchema(schema: unknown, db: unknown): Promise<{ apply(): Promise<void>; warnings: string[] }> }
}
// Test-only: the SQLite adapter's client and drizzle-kit, which Payload's types do not expose.
const sqlite = () => cms.payload.db as unknown as SqliteParts

describe.runIf(process.env.TEST_MONGODB_URL === undefined)('SQLite migrations', () => {
  it('record every committed migration on a new database, once', async () => {
    const { docs } = await cms.payload.find({ collection: 'payload-migrations', limit: 100, overrideAccess: true, sort: 'name' })
    expect(docs.map((doc) => doc.name)).toEqual(migrations.map((migration) => migration.name).sort())
    expect(new Set(docs.map((doc) => doc.batch))).toEqual(new Set([1]))
  })

  it("produce exactly the schema the config declares (drizzle-kit's push into an empty database)", async () => {
    const migrated = await readSchemaShape(async (sql) => (await sqlite().client.execute(sql)).rows as Row[])
    const scratch = createClient({ url: ':memory:' })
    try {
      const { apply } = await sqlite().requireDrizzleKit().pushSchema(sqlite().schema, drizzle(scratch))
      await apply()
      const declared = await readSchemaShape(async (sql) => (await scratch.execute(sql)).rows as unknown as Row[])
      // payload_migrations holds no rows in the scratch database, but its table is declared too.
      expect(schemaDifferences(migrated, declared)).toEqual([])
    } finally {
      scratch.close()
    }
  })

  it('let a user who last saved a page be deleted: the page keeps its content, without the name (ON DELETE SET NULL)', async () => {
    await createUser(cms.payload, ['admin']) // the last administrator cannot be deleted
    const editor = await createUser(cms.payload, ['editor'])
    const user = { ...(await cms.payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })), collection: 'users' as const }
    const area = await cms.payload.create({ collection: 'areas', draft: true, data: { title: 'Raderad redaktör', slug: 'raderad-redaktor' }, user })
    expect(area.lastSavedBy).toBeTruthy()
    await cms.payload.delete({ collection: 'users', id: editor.id, overrideAccess: true })
    const after = await cms.payload.findByID({ collection: 'areas', id: area.id, draft: true, overrideAccess: true, depth: 0 })
    expect(after.title).toBe('Raderad redaktör')
    expect(after.lastSavedBy ?? null).toBeNull()
  })
})
