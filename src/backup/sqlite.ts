import fs from 'node:fs'
import path from 'node:path'

import Database from 'libsql'

import { BackupError } from './errors'
import { digestFile, fsyncFile, writeFileAtomically } from './files'
import { buildManifest, formatManifest, type Manifest } from './manifest'
import { beforeRestorePath, manifestPathFor } from './naming'

/**
 * SQLite-specific backup and restore (raw SQL is at home here, nowhere else).
 *
 * The copy is `VACUUM INTO` from a connection of this process's own. libsql
 * (the driver Payload's adapter uses) has no online-backup API (its
 * `backup()` throws "not implemented"), and VACUUM INTO is SQLite's
 * documented way to a consistent copy of a live database: it reads inside
 * one read transaction, so in WAL mode it sees exactly the transactions
 * committed when it began, never part of one, while the server goes on
 * writing beside it.
 */

type Log = (line: string) => void
type Row = Record<string, unknown>

/** A writer in the server holds the file for at most a transaction; wait that long, not forever. */
const BUSY_TIMEOUT_MS = 10_000
const SIDE_FILES = ['-wal', '-journal'] as const

function openExisting(filePath: string): Database.Database {
  if (!fs.existsSync(filePath)) throw new BackupError(`Databasfilen ${filePath} finns inte.`)
  const db = new Database(filePath)
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  return db
}

export type SqliteContents = { counts: Record<string, number>; migrations: string[] }

/** Checks a file with `PRAGMA integrity_check`, then counts the rows of every table and lists the applied migrations. */
export function inspectSqlite(filePath: string): SqliteContents {
  const db = openExisting(filePath)
  try {
    const check = (db.prepare('PRAGMA integrity_check').all() as Row[]).map((row) => String(Object.values(row)[0]))
    if (check.length !== 1 || check[0] !== 'ok') {
      throw new BackupError(`Integritetskontrollen av ${filePath} misslyckades: ${check.slice(0, 3).join('; ')}.`)
    }
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Row[]).map(
      (row) => String(row.name),
    )
    const counts: Record<string, number> = {}
    for (const table of tables) {
      counts[table] = Number((db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as Row).n)
    }
    const migrations = tables.includes('payload_migrations')
      ? (db.prepare('SELECT name FROM payload_migrations ORDER BY id').all() as Row[]).map((row) => String(row.name))
      : []
    return { counts, migrations }
  } finally {
    db.close()
  }
}

export type WrittenBackup = { dataPath: string; manifestPath: string; manifest: Manifest }

/** The consistent copy: to a temporary name, checked, then renamed; the manifest is written last. */
export async function backupSqlite(sourcePath: string, outPath: string, now: Date, log: Log): Promise<WrittenBackup> {
  if (!fs.existsSync(sourcePath)) throw new BackupError(`Databasfilen ${sourcePath} finns inte – det finns inget att säkerhetskopiera.`)
  const manifestPath = manifestPathFor(outPath)
  for (const existing of [outPath, manifestPath]) {
    if (fs.existsSync(existing)) throw new BackupError(`${existing} finns redan. Välj ett annat namn med --out; ingen säkerhetskopia skrivs över.`)
  }
  // Backups hold password hashes: readable by the owner only.
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true, mode: 0o700 })
  const temporary = `${outPath}.tmp-${process.pid}`
  fs.rmSync(temporary, { force: true })

  log(`Tar en ögonblicksbild av ${sourcePath} (VACUUM INTO; servern kan skriva under tiden) …`)
  try {
    const db = openExisting(sourcePath)
    try {
      db.prepare('VACUUM INTO ?').run(temporary)
    } finally {
      db.close()
    }
    fs.chmodSync(temporary, 0o600)
    fsyncFile(temporary)
    const contents = inspectSqlite(temporary)
    fs.renameSync(temporary, outPath)
    const digest = await digestFile(outPath)
    const manifest = buildManifest({
      createdAt: now,
      kind: 'sqlite',
      consistency: 'snapshot',
      source: sourcePath,
      counts: contents.counts,
      files: [{ path: path.basename(outPath), ...digest }],
      migrations: contents.migrations,
    })
    writeFileAtomically(manifestPath, formatManifest(manifest))
    return { dataPath: outPath, manifestPath, manifest }
  } finally {
    fs.rmSync(temporary, { force: true })
  }
}

const isBusy = (error: unknown): boolean => /SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: string }).code ?? ''))

/**
 * Is another process using this file? Every connection to a WAL database
 * holds a shared lock on it for as long as it is open, even when idle, so
 * an exclusive lock (locking_mode=EXCLUSIVE, then BEGIN EXCLUSIVE, without
 * waiting) is granted only when nobody else has the file open: a running
 * server, an import, a backup. This asks SQLite itself, so it cannot go
 * stale the way a pid file left by a crashed server can. When granted, closing
 * the connection checkpoints the WAL into the file.
 */
export function sqliteInUse(filePath: string): boolean {
  const db = new Database(filePath)
  try {
    db.exec('PRAGMA busy_timeout = 0')
    db.exec('PRAGMA locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (error) {
    if (isBusy(error)) return true
    // Not a database at all (or unreadable): nothing can be serving it; it is kept aside like any other file.
    return false
  } finally {
    db.close()
  }
}

export type SqliteRestore = { keptPath: string | undefined; keptManifestPath: string | undefined }

/**
 * Replaces `targetPath` with the backup's file (already verified against its
 * manifest). The file it replaces is renamed to `<name>.before-restore-<ts>`
 * with its WAL, and gets a manifest of its own, so it can be restored in turn.
 */
export async function restoreSqlite(options: {
  manifest: Manifest
  manifestDir: string
  targetPath: string
  force: boolean
  now: Date
  log: Log
}): Promise<SqliteRestore> {
  const { manifest, log, now } = options
  const file = manifest.files[0]!
  const targetPath = path.resolve(options.targetPath)
  fs.mkdirSync(path.dirname(targetPath), { recursive: true })

  const exists = fs.existsSync(targetPath)
  const inUse = exists && sqliteInUse(targetPath)
  if (inUse) {
    if (!options.force) {
      throw new BackupError(
        `${targetPath} används av en annan process (körs servern?). Stoppa den och försök igen, eller ange --force för att ersätta databasen ändå. Inget återställdes.`,
      )
    }
    log(`⚠ ${targetPath} används av en annan process; --force: ersätter den ändå. Starta om servern direkt – den skriver annars vidare i den gamla filen.`)
  }

  const temporary = `${targetPath}.restore-tmp-${process.pid}`
  try {
    fs.copyFileSync(path.join(options.manifestDir, file.path), temporary)
    fsyncFile(temporary)
    const copied = await digestFile(temporary)
    if (copied.sha256 !== file.sha256) throw new BackupError(`Kopian av ${file.path} blev inte lik originalet (kontrollsumman skiljer sig). Inget återställdes.`)
    inspectSqlite(temporary)

    // Nothing is deleted: the old file and its WAL (which may hold committed writes) move aside together.
    const keptPath = exists || SIDE_FILES.some((suffix) => fs.existsSync(targetPath + suffix)) ? beforeRestorePath(targetPath, now) : undefined
    if (keptPath) {
      for (const suffix of ['', ...SIDE_FILES]) {
        if (fs.existsSync(targetPath + suffix)) fs.renameSync(targetPath + suffix, keptPath + suffix)
      }
    }
    // The shared-memory index belongs to the old WAL; SQLite rebuilds it.
    fs.rmSync(`${targetPath}-shm`, { force: true })
    fs.renameSync(temporary, targetPath)
    log(`✔ ${targetPath} är återställd från ${file.path}.`)
    // A server still holding the old file (--force) has its own index over that WAL: opening it here could corrupt it.
    const describable = keptPath && exists && !inUse
    return { keptPath, keptManifestPath: describable ? await describeKept(keptPath, now, log) : undefined }
  } finally {
    fs.rmSync(temporary, { force: true })
  }
}

/** A manifest for the replaced file, so `npm run restore -- <it>` brings it back. */
async function describeKept(keptPath: string, now: Date, log: Log): Promise<string | undefined> {
  try {
    const contents = inspectSqlite(keptPath)
    // Opening it applied and removed its WAL: the file alone is now the whole database.
    const manifest = buildManifest({
      createdAt: now,
      kind: 'sqlite',
      consistency: 'snapshot',
      source: keptPath,
      counts: contents.counts,
      files: [{ path: path.basename(keptPath), ...(await digestFile(keptPath)) }],
      migrations: contents.migrations,
    })
    const manifestPath = manifestPathFor(keptPath)
    writeFileAtomically(manifestPath, formatManifest(manifest))
    return manifestPath
  } catch (error) {
    log(`⚠ Den tidigare filen ${keptPath} är sparad men kunde inte läsas som databas (${error instanceof Error ? error.message : String(error)}); den har inget manifest.`)
    return undefined
  }
}
