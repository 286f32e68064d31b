import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'

import { matchingPrefix, migrationPrefixShapes, readSchemaShape, schemaDifferences } from '@/database/sqliteSchema'
import { migrations } from '../../../migrations'

/** A database the importer made before migrations were the one authority (commit e9755f8, schema pushed). */
const PUSHED_FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/push-schema-e9755f8.db')

async function shapeOf(file: string) {
  const client = createClient({ url: `file:${file}` })
  try {
    return await readSchemaShape(async (sql) => (await client.execute(sql)).rows as unknown as Record<string, unknown>[])
  } finally {
    client.close()
  }
}

describe('schema shapes', () => {
  it('lists lines only in one shape with - and only in the other with +', () => {
    expect(schemaDifferences(['table a', 'column a.x'], ['table a', 'column a.y'])).toEqual(['- column a.x', '+ column a.y'])
    expect(schemaDifferences(['table a'], ['table a'])).toEqual([])
  })

  it('finds the longest prefix of migrations that produces a shape', () => {
    const prefixes = [[], ['table a'], ['table a', 'table b'], ['table a', 'table b']]
    expect(matchingPrefix(['table a', 'table b'], prefixes)).toBe(3)
    expect(matchingPrefix(['table a'], prefixes)).toBe(1)
    expect(matchingPrefix([], prefixes)).toBe(0)
    expect(matchingPrefix(['table c'], prefixes)).toBeNull()
  })

  it('builds one shape per prefix of the committed migrations, each larger than the one before', async () => {
    const shapes = await migrationPrefixShapes(migrations)
    expect(shapes).toHaveLength(migrations.length + 1)
    expect(shapes[0]).toEqual([])
    expect(shapes[1]!.length).toBeGreaterThan(100)
  })

  it("matches the pushed database of commit e9755f8 to the migrations up to the foreign-key fix, actions included", async () => {
    const shapes = await migrationPrefixShapes(migrations)
    const pushed = await shapeOf(PUSHED_FIXTURE)
    // e9755f8's config is the one the migrations up to and including the foreign-key fix describe; later ones add to it.
    const throughFix = migrations.findIndex((migration) => migration.name === '20261202_093000_foreign_key_actions') + 1
    expect(throughFix).toBeGreaterThan(0)
    expect(schemaDifferences(pushed, shapes[throughFix]!)).toEqual([])
    expect(matchingPrefix(pushed, shapes)).toBe(throughFix)
    // Before the foreign-key migration the migrated schema said NO ACTION where the config says SET NULL or CASCADE.
    const beforeFix = shapes[throughFix - 1]!
    expect(schemaDifferences(pushed, beforeFix).filter((line) => line.includes('delete=NO ACTION'))).toHaveLength(7)
  })

  it('reads a file database it did not write: columns, indexes and foreign keys', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'))
    const file = path.join(dir, 'x.db')
    const client = createClient({ url: `file:${file}` })
    await client.executeMultiple(
      'CREATE TABLE p (id integer PRIMARY KEY); CREATE TABLE c (id integer PRIMARY KEY, p_id integer REFERENCES p(id) ON DELETE CASCADE, name text NOT NULL DEFAULT \'x\'); CREATE UNIQUE INDEX c_name ON c (name);',
    )
    client.close()
    expect(await shapeOf(file)).toEqual([
      'column c.id integer notnull=0 default=null pk=1',
      "column c.name text notnull=1 default='x' pk=0",
      'column c.p_id integer notnull=0 default=null pk=0',
      'column p.id integer notnull=0 default=null pk=1',
      'fk c.p_id -> p.id update=NO ACTION delete=CASCADE',
      'index c_name on c(name) unique=1',
      'table c',
      'table p',
    ])
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
