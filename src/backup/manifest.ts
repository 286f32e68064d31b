import path from 'node:path'

import { z } from 'zod'

import { BackupError } from './errors'

export const MANIFEST_FORMAT = 'oppna-jamforelser-cms-backup'

/** A file of the backup, by its name in the manifest's own directory (never a path that leaves it). */
const fileEntrySchema = z.object({
  path: z
    .string()
    .min(1)
    .refine((name) => name === path.basename(name) && name !== '.' && name !== '..', 'ska vara ett filnamn utan katalog'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'ska vara 64 hexadecimala tecken'),
})
export type ManifestFile = z.infer<typeof fileEntrySchema>

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  kind: z.enum(['sqlite', 'mongodb']),
  /** `snapshot`: one transaction-consistent point in time; `none`: MongoDB without a replica set. */
  consistency: z.enum(['snapshot', 'none']),
  /** The database it was taken from, password hidden. */
  source: z.string(),
  /** Tables (SQLite) or collections (MongoDB), sorted. */
  collections: z.array(z.string()),
  /** Rows or documents per table or collection. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(fileEntrySchema).min(1),
  /** Names in payload_migrations / payload-migrations ("dev" when the schema was pushed, not migrated). */
  migrations: z.array(z.string()),
}).superRefine((manifest, context) => {
  // Restore reads exactly these files: one database file, or one export per collection.
  if (manifest.kind === 'sqlite' && manifest.files.length !== 1) {
    context.addIssue({ code: 'custom', path: ['files'], message: 'ska ha exakt en fil för en SQLite-kopia' })
  }
  if (manifest.kind === 'mongodb') {
    const listed = new Set(manifest.files.map((file) => file.path))
    const missing = manifest.collections.find((name) => !listed.has(`${name}.json`))
    if (missing !== undefined) context.addIssue({ code: 'custom', path: ['files'], message: `saknar ${missing}.json` })
  }
  const uncounted = manifest.collections.find((name) => manifest.counts[name] === undefined)
  if (uncounted !== undefined) context.addIssue({ code: 'custom', path: ['counts'], message: `saknar antalet för ${uncounted}` })
})
export type Manifest = z.infer<typeof manifestSchema>

export function buildManifest(fields: Omit<Manifest, 'format' | 'version' | 'createdAt' | 'collections'> & { createdAt: Date }): Manifest {
  const collections = Object.keys(fields.counts).sort()
  return manifestSchema.parse({
    format: MANIFEST_FORMAT,
    version: 1,
    ...fields,
    createdAt: fields.createdAt.toISOString(),
    collections,
  })
}

export const formatManifest = (manifest: Manifest): string => JSON.stringify(manifest, null, 2) + '\n'

/** Parses a manifest's text; every failure names the file and, for a wrong field, the field. */
export function parseManifest(text: string, where: string): Manifest {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new BackupError(`Manifestet ${where} är inte giltig JSON – säkerhetskopian kan inte kontrolleras.`)
  }
  const result = manifestSchema.safeParse(raw)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.join('.') || '(hela filen)'
  throw new BackupError(`Manifestet ${where} är ogiltigt: fältet ${field} ${issue.message}.`)
}

export type FileDigest = { bytes: number; sha256: string }

/**
 * Compares the files as they are now with the manifest. Empty: all there and
 * unchanged. Otherwise one Swedish line per problem.
 */
export function verifyFiles(manifest: Manifest, actual: ReadonlyMap<string, FileDigest | undefined>): string[] {
  const problems: string[] = []
  for (const file of manifest.files) {
    const found = actual.get(file.path)
    if (!found) problems.push(`${file.path} saknas`)
    else if (found.bytes !== file.bytes) problems.push(`${file.path} är ${found.bytes} byte, manifestet säger ${file.bytes}`)
    else if (found.sha256 !== file.sha256) problems.push(`kontrollsumman för ${file.path} stämmer inte med manifestet (sha256 ${found.sha256.slice(0, 12)}… i stället för ${file.sha256.slice(0, 12)}…)`)
  }
  return problems
}

/** Pushed development schemas are recorded as "dev"; that is no migration. */
const DEV_PUSH = 'dev'

/**
 * How a backup's schema relates to this code's migrations: `unknown` ones
 * come from newer code (restore into that version), `pending` ones run when
 * the server starts (production) on the restored database.
 */
export function compareMigrations(inBackup: readonly string[], known: readonly string[]): { unknown: string[]; pending: string[] } {
  const applied = inBackup.filter((name) => name !== DEV_PUSH)
  return {
    unknown: applied.filter((name) => !known.includes(name)),
    pending: applied.length === 0 ? [] : known.filter((name) => !applied.includes(name)),
  }
}

/** Swedish lines about the schema, for the restore's output (none when it matches). */
export function migrationNotes(inBackup: readonly string[], known: readonly string[]): string[] {
  const { unknown, pending } = compareMigrations(inBackup, known)
  const notes: string[] = []
  if (unknown.length > 0) {
    notes.push(`⚠ Säkerhetskopian har migreringar som den här versionen av CMS:et inte känner till (${unknown.join(', ')}): använd den version som tog kopian.`)
  }
  if (pending.length > 0) {
    notes.push(`Migreringar som körs när servern startar i produktion: ${pending.join(', ')}.`)
  }
  return notes
}

/** Names of the committed migrations, from the files in migrations/ (20261123_102013_initial.ts → 20261123_102013_initial). */
export function migrationNamesFromFiles(fileNames: readonly string[]): string[] {
  return fileNames
    .filter((name) => /^\d{8}_\d{6}_.+\.ts$/.test(name))
    .map((name) => name.slice(0, -'.ts'.length))
    .sort()
}

export const totalCount = (manifest: Pick<Manifest, 'counts'>): number => Object.values(manifest.counts).reduce((sum, n) => sum + n, 0)
