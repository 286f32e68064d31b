/**
 * What to do with a SQLite database's schema when a command opens it: pure
 * decisions, so that every state a database can be in is unit-tested.
 *
 * The committed migrations (migrations/) are the one schema authority. Every
 * command (start, dev, import, quality, backup, restore, the bench, migrate)
 * opens the database the same way: pending migrations run, nothing is pushed.
 *
 * Before this was so, the CLI scripts pushed the schema (Payload's dev mode),
 * which leaves a row `dev` with batch -1 in `payload_migrations` and no record
 * of which migrations the schema corresponds to. Such a database is taken
 * over when its tables are exactly those of the first k migrations: those k
 * are recorded as applied, the push record goes, and the rest run as usual.
 * Nothing is copied or rewritten, so every row stays.
 */

/** A row of `payload_migrations`. */
export type AppliedMigration = { name: string; batch: number }

/** Payload writes this name with batch -1 when it pushes a schema. */
export const PUSH_RECORD_NAME = 'dev'
export const PUSH_BATCH = -1

export type MigrationPlan =
  /** Every migration has run. */
  | { action: 'none' }
  /** Run these, in order, as one new batch. */
  | { action: 'run'; run: string[]; batch: number }
  /** A pushed schema that equals the first migrations: record `adopt` as applied (batch), drop the push record, then run `run`. */
  | { action: 'adopt'; adopt: string[]; run: string[]; batch: number }
  | { action: 'refuse'; reason: 'newer-database'; unknown: string[] }
  | { action: 'refuse'; reason: 'unmatched-push' }

export type MigrationState = {
  /** The committed migrations' names, in the order they run. */
  available: readonly string[]
  /** Rows of `payload_migrations` (empty when the table does not exist). */
  applied: readonly AppliedMigration[]
  /**
   * Only for a database with a push record: how many of the first migrations
   * produce exactly its schema (0 for an empty schema), or null when no prefix
   * does. Computing it costs a scratch database, so it is asked for only then.
   */
  pushedSchemaMatchesFirst?: number | null
}

export const hasPushRecord = (applied: readonly AppliedMigration[]): boolean =>
  applied.some((row) => row.batch === PUSH_BATCH || row.name === PUSH_RECORD_NAME)

export function planMigrations(state: MigrationState): MigrationPlan {
  const available = new Set(state.available)
  const recorded = state.applied.filter((row) => row.batch !== PUSH_BATCH && row.name !== PUSH_RECORD_NAME)
  const unknown = recorded.map((row) => row.name).filter((name) => !available.has(name))
  // A database a newer version of the CMS has migrated: running older code on it could lose data.
  if (unknown.length > 0) return { action: 'refuse', reason: 'newer-database', unknown }

  const done = new Set(recorded.map((row) => row.name))
  const batch = Math.max(0, ...recorded.map((row) => row.batch)) + 1

  if (hasPushRecord(state.applied)) {
    const matches = state.pushedSchemaMatchesFirst
    if (matches === undefined) throw new Error('planMigrations: a pushed schema needs pushedSchemaMatchesFirst')
    if (matches === null) return { action: 'refuse', reason: 'unmatched-push' }
    const adopt = state.available.slice(0, matches).filter((name) => !done.has(name))
    const run = state.available.slice(matches).filter((name) => !done.has(name))
    return { action: 'adopt', adopt, run, batch }
  }

  const run = state.available.filter((name) => !done.has(name))
  return run.length === 0 ? { action: 'none' } : { action: 'run', run, batch }
}
