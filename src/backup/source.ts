import path from 'node:path'

import { type DatabaseConfig, type Env, EnvError, parseDatabaseUrl, redactUrl } from '@/env'

/**
 * Which database a backup reads and a restore replaces. MONGODB_URL, when set,
 * names the MongoDB database (as in the issue); otherwise DATABASE_URL, parsed
 * exactly as the server parses it. A restore's --target takes the same forms.
 */
export function configuredDatabase(env: Env, mongodbUrl: string | undefined): DatabaseConfig {
  const value = mongodbUrl?.trim()
  if (!value) return env.database
  const parsed = parseDatabaseUrl(value, env.dataDir)
  if (parsed.kind !== 'mongodb') throw new EnvError(`MONGODB_URL="${redactUrl(value)}" är ingen mongodb://- eller mongodb+srv://-adress.`)
  return parsed
}

export function restoreTarget(env: Env, mongodbUrl: string | undefined, target: string | undefined): DatabaseConfig {
  return target === undefined ? configuredDatabase(env, mongodbUrl) : parseDatabaseUrl(target, env.dataDir)
}

/** `mongodb://user:pw@h1,h2/db?opts` → `h1,h2/db` (no database: "test", as the driver defaults). */
export function mongoDatabaseKey(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)(?:\/([^?]*))?/.exec(url)
  return `${(match?.[1] ?? url).toLowerCase()}/${match?.[2] || 'test'}`
}

/** The same database, as far as the connection strings tell (MongoDB: same hosts and database name). */
export function sameDatabase(a: DatabaseConfig, b: DatabaseConfig): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return path.resolve(a.filePath) === path.resolve(b.filePath)
  if (a.kind === 'mongodb' && b.kind === 'mongodb') return mongoDatabaseKey(a.url) === mongoDatabaseKey(b.url)
  return false
}

export const describeDatabase = (database: DatabaseConfig): string =>
  database.kind === 'sqlite' ? `SQLite-filen ${database.filePath}` : `MongoDB-databasen ${redactUrl(database.url)}`
