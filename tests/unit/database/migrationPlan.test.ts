import { describe, expect, it } from 'vitest'

import { hasPushRecord, planMigrations } from '@/database/migrationPlan'

const available = ['001_initial', '002_webhooks', '003_history']
const row = (name: string, batch = 1) => ({ name, batch })
const push = row('dev', -1)

describe('planMigrations', () => {
  it('runs every migration on a new database, as batch 1', () => {
    expect(planMigrations({ available, applied: [] })).toEqual({ action: 'run', run: available, batch: 1 })
  })

  it('does nothing when every migration has run', () => {
    expect(planMigrations({ available, applied: available.map((name) => row(name)) })).toEqual({ action: 'none' })
  })

  it('runs only the pending ones, in order, as the next batch', () => {
    const plan = planMigrations({ available, applied: [row('001_initial', 1), row('002_webhooks', 2)] })
    expect(plan).toEqual({ action: 'run', run: ['003_history'], batch: 3 })
  })

  it('runs a pending migration that sorts before one already run (two branches merged)', () => {
    expect(planMigrations({ available, applied: [row('001_initial'), row('003_history')] })).toEqual({ action: 'run', run: ['002_webhooks'], batch: 2 })
  })

  it('refuses a database a newer version migrated, naming the unknown migrations', () => {
    const plan = planMigrations({ available, applied: [...available.map((name) => row(name)), row('004_future', 2)] })
    expect(plan).toEqual({ action: 'refuse', reason: 'newer-database', unknown: ['004_future'] })
  })

  it('takes over a pushed schema that equals all migrations: records them, runs none', () => {
    expect(planMigrations({ available, applied: [push], pushedSchemaMatchesFirst: 3 })).toEqual({ action: 'adopt', adopt: available, run: [], batch: 1 })
  })

  it('takes over a pushed schema of an older version: records the first k, runs the rest', () => {
    expect(planMigrations({ available, applied: [push], pushedSchemaMatchesFirst: 1 })).toEqual({
      action: 'adopt',
      adopt: ['001_initial'],
      run: ['002_webhooks', '003_history'],
      batch: 1,
    })
  })

  it('takes over a push on top of migrations without recording one twice', () => {
    const plan = planMigrations({ available, applied: [row('001_initial'), push], pushedSchemaMatchesFirst: 2 })
    expect(plan).toEqual({ action: 'adopt', adopt: ['002_webhooks'], run: ['003_history'], batch: 2 })
  })

  it('treats a pushed empty schema as a new database', () => {
    expect(planMigrations({ available, applied: [push], pushedSchemaMatchesFirst: 0 })).toEqual({ action: 'adopt', adopt: [], run: available, batch: 1 })
  })

  it('refuses a pushed schema that matches no prefix of the migrations', () => {
    expect(planMigrations({ available, applied: [push], pushedSchemaMatchesFirst: null })).toEqual({ action: 'refuse', reason: 'unmatched-push' })
  })

  it('insists on the schema comparison before deciding about a push', () => {
    expect(() => planMigrations({ available, applied: [push] })).toThrow(/pushedSchemaMatchesFirst/)
  })

  it('recognises the push record by its batch or its name', () => {
    expect(hasPushRecord([row('dev', -1)])).toBe(true)
    expect(hasPushRecord([row('dev', 3)])).toBe(true)
    expect(hasPushRecord([row('x', -1)])).toBe(true)
    expect(hasPushRecord([row('001_initial')])).toBe(false)
  })
})
