import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { BACKUP_USAGE, parseBackupArgs, parseRestoreArgs, RESTORE_USAGE } from '@/backup/args'
import { BackupError, failureLine } from '@/backup/errors'
import {
  buildManifest,
  compareMigrations,
  formatManifest,
  type Manifest,
  migrationNamesFromFiles,
  migrationNotes,
  parseManifest,
  totalCount,
  verifyFiles,
} from '@/backup/manifest'
import {
  beforeRestorePath,
  collectionFileName,
  defaultBackupName,
  fileTimestamp,
  locateManifest,
  manifestPathFor,
  mongoBeforeRestoreDir,
  resolveBackupPath,
} from '@/backup/naming'
import { configuredDatabase, mongoDatabaseKey, restoreTarget, sameDatabase } from '@/backup/source'
import { EnvError, parseEnv } from '@/env'

const now = new Date('2026-11-23T10:20:13.045Z')
const sha = (char: string) => char.repeat(64)

const sqliteManifest = (): Manifest =>
  buildManifest({
    createdAt: now,
    kind: 'sqlite',
    consistency: 'snapshot',
    source: 'data/cms.db',
    counts: { areas: 3, users: 2, payload_migrations: 1 },
    files: [{ path: 'cms-20261123T102013.045Z.db', bytes: 4096, sha256: sha('a') }],
    migrations: ['20261123_102013_initial'],
  })

const mongoManifest = (): Manifest =>
  buildManifest({
    createdAt: now,
    kind: 'mongodb',
    consistency: 'none',
    source: 'mongodb://u:***@db.example/cms',
    counts: { areas: 5, 'payload-migrations': 0 },
    files: [
      { path: 'areas.json', bytes: 10, sha256: sha('b') },
      { path: 'payload-migrations.json', bytes: 0, sha256: sha('c') },
    ],
    migrations: [],
  })

const throwsBackupError = (action: () => unknown, pattern: RegExp) => {
  let caught: unknown
  try {
    action()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(BackupError)
  expect((caught as Error).message).toMatch(pattern)
  expect((caught as Error).message).not.toContain('\n')
}

describe('arguments', () => {
  it('backup takes an optional --out path', () => {
    expect(parseBackupArgs([])).toEqual({})
    expect(parseBackupArgs(['--out', '/srv/backups/x.db'])).toEqual({ out: '/srv/backups/x.db' })
    expect(parseBackupArgs(['--out=kopia.db'])).toEqual({ out: 'kopia.db' })
  })

  it('backup refuses anything else, in Swedish, with the usage', () => {
    throwsBackupError(() => parseBackupArgs(['--ut', 'x']), /^Okänd flagga --ut\. Användning: npm run backup/)
    throwsBackupError(() => parseBackupArgs(['--out']), /^Flaggan --out saknar värde/)
    throwsBackupError(() => parseBackupArgs(['--out', '  ']), /^--out behöver en sökväg/)
    throwsBackupError(() => parseBackupArgs(['kopia.db']), /^Oväntat argument "kopia.db"/)
    expect(BACKUP_USAGE).toContain('--out')
  })

  it('restore takes one backup, an optional --target and --force', () => {
    expect(parseRestoreArgs(['data/backups/x.db'])).toEqual({ backup: 'data/backups/x.db', target: undefined, force: false })
    expect(parseRestoreArgs(['x', '--target', 'file:/tmp/ny.db', '--force'])).toEqual({ backup: 'x', target: 'file:/tmp/ny.db', force: true })
  })

  it('restore names what is missing or extra', () => {
    throwsBackupError(() => parseRestoreArgs([]), /^Ange vilken säkerhetskopia som ska återställas\. Användning: npm run restore/)
    throwsBackupError(() => parseRestoreArgs(['a', 'b']), /^Ange bara en säkerhetskopia \(fick 2\)/)
    throwsBackupError(() => parseRestoreArgs(['a', '--target']), /^Flaggan --target saknar värde/)
    throwsBackupError(() => parseRestoreArgs(['a', '--yes']), /^Okänd flagga --yes/)
    throwsBackupError(() => parseRestoreArgs(['a', '--target', ' ']), /^--target behöver en DATABASE_URL/)
    expect(RESTORE_USAGE).toContain('--force')
  })
})

describe('names and places', () => {
  it('timestamps are ISO 8601 basic format: no colons, sortable', () => {
    expect(fileTimestamp(now)).toBe('20261123T102013.045Z')
    expect(fileTimestamp(new Date('2026-01-02T03:04:05.000Z')) < fileTimestamp(now)).toBe(true)
  })

  it('SQLite backups are cms-<timestamp>.db files, MongoDB backups cms-<timestamp> directories', () => {
    expect(defaultBackupName('sqlite', now)).toBe('cms-20261123T102013.045Z.db')
    expect(defaultBackupName('mongodb', now)).toBe('cms-20261123T102013.045Z')
  })

  it('the backup goes to data/backups, into an existing --out directory, or to --out itself', () => {
    const base = { now, kind: 'sqlite', dataDir: '/srv/data' } as const
    expect(resolveBackupPath({ ...base, out: undefined, outIsDirectory: false })).toBe('/srv/data/backups/cms-20261123T102013.045Z.db')
    expect(resolveBackupPath({ ...base, out: '/mnt/kopior', outIsDirectory: true })).toBe('/mnt/kopior/cms-20261123T102013.045Z.db')
    expect(resolveBackupPath({ ...base, out: '/mnt/kopior/fredag.db', outIsDirectory: false })).toBe('/mnt/kopior/fredag.db')
    expect(resolveBackupPath({ ...base, kind: 'mongodb', out: undefined, outIsDirectory: false })).toBe('/srv/data/backups/cms-20261123T102013.045Z')
  })

  it('a SQLite manifest lies beside its file; restore finds it from the file, the manifest or the directory', () => {
    expect(manifestPathFor('/b/cms-1.db')).toBe('/b/cms-1.manifest.json')
    expect(manifestPathFor('/b/fredag')).toBe('/b/fredag.manifest.json')
    expect(manifestPathFor('/b/cms.db.before-restore-20261123T102013.045Z')).toBe('/b/cms.db.before-restore-20261123T102013.045Z.manifest.json')
    expect(locateManifest('/b/cms-1.db', false)).toBe('/b/cms-1.manifest.json')
    expect(locateManifest('/b/cms-1.manifest.json', false)).toBe('/b/cms-1.manifest.json')
    expect(locateManifest('/b/cms-2', true)).toBe(path.join('/b/cms-2', 'manifest.json'))
  })

  it('what a restore replaces is kept under a name of its own', () => {
    expect(beforeRestorePath('/srv/data/cms.db', now)).toBe('/srv/data/cms.db.before-restore-20261123T102013.045Z')
    expect(mongoBeforeRestoreDir('/srv/data', 'cms', now)).toBe('/srv/data/backups/cms.before-restore-20261123T102013.045Z')
  })

  it('collection files are <name>.json; a name that could leave the directory is refused', () => {
    expect(collectionFileName('payload-migrations')).toBe('payload-migrations.json')
    expect(collectionFileName('_areas_versions')).toBe('_areas_versions.json')
    for (const name of ['../etc', 'a/b', '.hidden', 'mellan slag']) throwsBackupError(() => collectionFileName(name), /inte kan bli ett filnamn/)
  })
})

describe('manifest', () => {
  it('lists the collections from the counts, sorted, and survives a round trip', () => {
    const manifest = sqliteManifest()
    expect(manifest.collections).toEqual(['areas', 'payload_migrations', 'users'])
    expect(manifest.createdAt).toBe('2026-11-23T10:20:13.045Z')
    expect(totalCount(manifest)).toBe(6)
    expect(parseManifest(formatManifest(manifest), 'x.manifest.json')).toEqual(manifest)
    expect(parseManifest(formatManifest(mongoManifest()), 'manifest.json')).toEqual(mongoManifest())
  })

  it('a broken manifest is named, with the field that is wrong', () => {
    throwsBackupError(() => parseManifest('{ inte json', 'k.manifest.json'), /^Manifestet k\.manifest\.json är inte giltig JSON/)
    const wrong = (change: (manifest: Record<string, unknown>) => void, pattern: RegExp) => {
      const manifest = JSON.parse(formatManifest(sqliteManifest())) as Record<string, unknown>
      change(manifest)
      throwsBackupError(() => parseManifest(JSON.stringify(manifest), 'k.manifest.json'), pattern)
    }
    wrong((m) => ((m.files as { sha256: string }[])[0]!.sha256 = 'abc'), /fältet files\.0\.sha256 ska vara 64 hexadecimala tecken/)
    wrong((m) => ((m.files as { path: string }[])[0]!.path = '../../etc/passwd'), /fältet files\.0\.path ska vara ett filnamn utan katalog/)
    wrong((m) => (m.kind = 'postgres'), /fältet kind/)
    wrong((m) => (m.format = 'något-annat'), /fältet format/)
    wrong((m) => (m.files = [...(m.files as unknown[]), { path: 'extra.db', bytes: 1, sha256: sha('d') }]), /fältet files ska ha exakt en fil för en SQLite-kopia/)
    wrong((m) => ((m.counts as Record<string, number>).areas = -1), /fältet counts\.areas/)
    wrong((m) => (m.collections = [...(m.collections as string[]), 'okänd']), /fältet counts saknar antalet för okänd/)
  })

  it('a MongoDB manifest must list one file per collection', () => {
    const manifest = JSON.parse(formatManifest(mongoManifest())) as Manifest
    manifest.files = manifest.files.filter((file) => file.path !== 'areas.json')
    throwsBackupError(() => parseManifest(JSON.stringify(manifest), 'manifest.json'), /fältet files saknar areas\.json/)
  })

  it('verification passes only when every file has the manifest size and checksum', () => {
    const manifest = mongoManifest()
    const exact = new Map(manifest.files.map((file) => [file.path, { bytes: file.bytes, sha256: file.sha256 }]))
    expect(verifyFiles(manifest, exact)).toEqual([])
    expect(verifyFiles(manifest, new Map([...exact, ['areas.json', undefined]]))).toEqual(['areas.json saknas'])
    expect(verifyFiles(manifest, new Map([...exact, ['areas.json', { bytes: 11, sha256: sha('b') }]]))).toEqual(['areas.json är 11 byte, manifestet säger 10'])
    expect(verifyFiles(manifest, new Map([...exact, ['areas.json', { bytes: 10, sha256: sha('e') }]]))).toEqual([
      'kontrollsumman för areas.json stämmer inte med manifestet (sha256 eeeeeeeeeeee… i stället för bbbbbbbbbbbb…)',
    ])
  })
})

describe('migrations', () => {
  const known = ['20261123_102013_initial', '20261123_110752_content_api_webhooks']

  it('are read from the migration file names', () => {
    expect(migrationNamesFromFiles(['index.ts', '20261123_110752_content_api_webhooks.ts', '20261123_110752_content_api_webhooks.json', '20261123_102013_initial.ts'])).toEqual(known)
  })

  it('a backup from newer code and pending migrations are told apart; a pushed dev schema is neither', () => {
    expect(compareMigrations(known, known)).toEqual({ unknown: [], pending: [] })
    expect(compareMigrations(['dev'], known)).toEqual({ unknown: [], pending: [] })
    expect(compareMigrations([known[0]!], known)).toEqual({ unknown: [], pending: [known[1]] })
    expect(compareMigrations([...known, '20270101_000000_future'], known)).toEqual({ unknown: ['20270101_000000_future'], pending: [] })
    expect(migrationNotes(known, known)).toEqual([])
    expect(migrationNotes([...known, '20270101_000000_future'], known)[0]).toMatch(/^⚠ Säkerhetskopian har migreringar som den här versionen av CMS:et inte känner till \(20270101_000000_future\)/)
    expect(migrationNotes([known[0]!], known)).toEqual([`Migreringar som körs när servern startar i produktion: ${known[1]}.`])
  })
})

describe('which database', () => {
  const env = parseEnv({ DATA_DIR: '/srv/data' })

  it('MONGODB_URL wins over DATABASE_URL; without it the server’s own setting is used', () => {
    expect(configuredDatabase(env, undefined)).toEqual({ kind: 'sqlite', url: 'file:/srv/data/cms.db', filePath: '/srv/data/cms.db' })
    expect(configuredDatabase(env, ' ')).toMatchObject({ kind: 'sqlite' })
    expect(configuredDatabase(env, 'mongodb://db.example/cms')).toEqual({ kind: 'mongodb', url: 'mongodb://db.example/cms' })
    expect(() => configuredDatabase(env, 'file:x.db')).toThrow(EnvError)
    expect(() => configuredDatabase(env, 'file:x.db')).toThrow(/MONGODB_URL="file:x\.db" är ingen mongodb/)
  })

  it('--target takes the forms DATABASE_URL takes', () => {
    expect(restoreTarget(env, undefined, 'file:/tmp/ny.db')).toMatchObject({ kind: 'sqlite', filePath: '/tmp/ny.db' })
    expect(restoreTarget(env, 'mongodb://a/cms', undefined)).toMatchObject({ kind: 'mongodb' })
    expect(() => restoreTarget(env, undefined, 'postgres://x/y')).toThrow(EnvError)
  })

  it('recognises the configured database in another spelling', () => {
    expect(mongoDatabaseKey('mongodb://u:p@H1:27017,h2:27017/cms?replicaSet=rs0')).toBe('h1:27017,h2:27017/cms')
    expect(mongoDatabaseKey('mongodb+srv://cluster.example')).toBe('cluster.example/test')
    const mongo = (url: string) => ({ kind: 'mongodb', url }) as const
    expect(sameDatabase(mongo('mongodb://u:p@db:27017/cms'), mongo('mongodb://db:27017/cms?retryWrites=true'))).toBe(true)
    expect(sameDatabase(mongo('mongodb://db:27017/cms'), mongo('mongodb://db:27017/cms_kopia'))).toBe(false)
    const sqlite = (filePath: string) => ({ kind: 'sqlite', url: `file:${filePath}`, filePath }) as const
    expect(sameDatabase(sqlite('data/cms.db'), sqlite(path.resolve('data/cms.db')))).toBe(true)
    expect(sameDatabase(sqlite('data/cms.db'), mongo('mongodb://db/cms'))).toBe(false)
  })
})

describe('failure lines', () => {
  it('our messages are printed as they are; anything else after a Swedish lead-in, first line only', () => {
    expect(failureLine(new BackupError('Manifestet saknas.'), 'Återställningen')).toBe('Manifestet saknas.')
    expect(failureLine(new EnvError('PORT="x" är inte ett portnummer.'), 'Återställningen')).toBe('PORT="x" är inte ett portnummer.')
    expect(failureLine(new Error('SQLITE_FULL: database or disk is full\n    at x'), 'Säkerhetskopieringen')).toBe(
      'Säkerhetskopieringen misslyckades: SQLITE_FULL: database or disk is full',
    )
    expect(failureLine('konstigt', 'Återställningen')).toBe('Återställningen misslyckades: konstigt')
  })
})
