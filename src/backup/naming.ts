import path from 'node:path'

import type { DatabaseConfig } from '@/env'

import { BackupError } from './errors'

export type BackupKind = DatabaseConfig['kind']

/**
 * ISO 8601 in its basic form (20261123T102013.123Z): no colons, so the name
 * works on every file system, and names sort in time order.
 */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '')
}

/** `cms-<timestamp>.db` for SQLite (one file), `cms-<timestamp>` for MongoDB (a directory). */
export function defaultBackupName(kind: BackupKind, now: Date): string {
  return `cms-${fileTimestamp(now)}${kind === 'sqlite' ? '.db' : ''}`
}

/**
 * Where a backup goes: `<dataDir>/backups/<default name>` without --out; inside
 * --out when it is an existing directory; else --out itself.
 */
export function resolveBackupPath(options: {
  out: string | undefined
  outIsDirectory: boolean
  kind: BackupKind
  now: Date
  dataDir: string
}): string {
  const name = defaultBackupName(options.kind, options.now)
  if (options.out === undefined) return path.join(options.dataDir, 'backups', name)
  return options.outIsDirectory ? path.join(options.out, name) : options.out
}

export const MONGO_MANIFEST_NAME = 'manifest.json'
const MANIFEST_SUFFIX = '.manifest.json'

/** A SQLite backup's manifest lies beside it: `cms-….db` → `cms-….manifest.json`; any other name gets the suffix added. */
export function manifestPathFor(dataPath: string): string {
  return dataPath.endsWith('.db') ? dataPath.slice(0, -'.db'.length) + MANIFEST_SUFFIX : dataPath + MANIFEST_SUFFIX
}

/** The manifest a restore argument names: a directory's manifest.json, a manifest itself, or the one beside a data file. */
export function locateManifest(arg: string, isDirectory: boolean): string {
  if (isDirectory) return path.join(arg, MONGO_MANIFEST_NAME)
  return arg.endsWith(MANIFEST_SUFFIX) ? arg : manifestPathFor(arg)
}

/** What a replaced SQLite file is renamed to: `<name>.before-restore-<timestamp>`. */
export function beforeRestorePath(targetPath: string, now: Date): string {
  return `${targetPath}.before-restore-${fileTimestamp(now)}`
}

/** Where a replaced MongoDB database is exported to before it is dropped. */
export function mongoBeforeRestoreDir(dataDir: string, databaseName: string, now: Date): string {
  return path.join(dataDir, 'backups', `${databaseName}.before-restore-${fileTimestamp(now)}`)
}

/** A collection's export file; the names come from the server, so anything that could leave the directory is refused. */
export function collectionFileName(collection: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(collection) || collection.startsWith('.')) {
    throw new BackupError(`Samlingen "${collection}" har ett namn som inte kan bli ett filnamn.`)
  }
  return `${collection}.json`
}
