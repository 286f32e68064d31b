import fs from 'node:fs'
import path from 'node:path'

import type { Env } from '@/env'

import type { BackupArgs, RestoreArgs } from './args'
import { BackupError } from './errors'
import { knownMigrationFiles, readManifest, verifyBackupFiles } from './files'
import { type Manifest, migrationNamesFromFiles, migrationNotes, totalCount } from './manifest'
import { locateManifest, resolveBackupPath } from './naming'
import { configuredDatabase, describeDatabase, restoreTarget, sameDatabase } from './source'
import { backupSqlite, restoreSqlite, type WrittenBackup } from './sqlite'

type Log = (line: string) => void
type Context = { env: Env; mongodbUrl: string | undefined; now: Date; log: Log }

const isDirectory = (candidate: string): boolean => fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()
const kindName = { sqlite: 'SQLite', mongodb: 'MongoDB' } as const
const formatNumber = (n: number): string => n.toLocaleString('sv-SE')
const UNITS = {
  sqlite: { collections: ['tabell', 'tabeller'], items: ['rad', 'rader'] },
  mongodb: { collections: ['samling', 'samlingar'], items: ['dokument', 'dokument'] },
} as const
/** "1 tabell, 3 rader" / "12 samlingar, 1 dokument": what the copy holds, in the adapter's own words. */
const describeContents = (kind: keyof typeof UNITS, manifest: Manifest): string => {
  const count = (n: number, [one, many]: readonly [string, string]) => `${formatNumber(n)} ${n === 1 ? one : many}`
  return `${count(manifest.collections.length, UNITS[kind].collections)}, ${count(totalCount(manifest), UNITS[kind].items)}`
}

/** `npm run backup`: a consistent copy of the configured database, with its manifest beside it. */
export async function runBackup(args: BackupArgs, { env, mongodbUrl, now, log }: Context): Promise<WrittenBackup> {
  const source = configuredDatabase(env, mongodbUrl)
  const out = resolveBackupPath({ out: args.out, outIsDirectory: args.out !== undefined && isDirectory(args.out), kind: source.kind, now, dataDir: env.dataDir })
  const written = source.kind === 'sqlite' ? await backupSqlite(source.filePath, out, now, log) : await (await import('./mongo')).backupMongo(source.url, out, now, log)
  const { manifest } = written
  log(
    `✔ Säkerhetskopian är klar och kontrollerad: ${describeContents(source.kind, manifest)}${manifest.consistency === 'snapshot' ? ', en enda ögonblicksbild' : ', utan ögonblicksbild'}.`,
  )
  log(`  Kopia: ${written.dataPath}`)
  log(`  Manifest (sha256 för varje fil): ${written.manifestPath}`)
  return written
}

export type RestoreResult = { keptPath: string | undefined }

/** `npm run restore`: verifies the backup against its manifest, then replaces the target, keeping what was there. */
export async function runRestore(args: RestoreArgs, { env, mongodbUrl, now, log }: Context): Promise<RestoreResult> {
  const manifestPath = locateManifest(args.backup, isDirectory(args.backup))
  const manifest = await readManifest(manifestPath)
  const manifestDir = path.dirname(manifestPath)
  await verifyBackupFiles(manifest, manifestDir)
  log(`✔ Kontrollsummorna stämmer med manifestet (${manifest.files.length} ${manifest.files.length === 1 ? 'fil' : 'filer'}, kopian togs ${manifest.createdAt}).`)
  if (manifest.consistency !== 'snapshot') log('⚠ Kopian togs utan ögonblicksbild (MongoDB utan replikset): den kan vara ofullständig om servern skrev under tiden.')

  const target = restoreTarget(env, mongodbUrl, args.target)
  if (target.kind !== manifest.kind) {
    throw new BackupError(`Säkerhetskopian är från ${kindName[manifest.kind]} men målet (${describeDatabase(target)}) är ${kindName[target.kind]}. Ange ett mål av samma slag med --target.`)
  }

  let keptPath: string | undefined
  if (target.kind === 'sqlite') {
    // Migrations are SQLite's; MongoDB's schema lives in the code.
    for (const note of migrationNotes(manifest.migrations, migrationNamesFromFiles(knownMigrationFiles()))) log(note)
    const restored = await restoreSqlite({ manifest, manifestDir, targetPath: target.filePath, force: args.force, now, log })
    keptPath = restored.keptPath
    if (keptPath && !restored.keptManifestPath) log(`  (${keptPath} har inget manifest; den kan öppnas som SQLite-fil.)`)
  } else {
    const configured = configuredDatabase(env, mongodbUrl)
    // Loaded only here: SQLite installations never load the MongoDB driver.
    const { restoreMongo } = await import('./mongo')
    const restored = await restoreMongo({
      manifest,
      manifestDir,
      url: target.url,
      isConfiguredDatabase: sameDatabase(target, configured),
      force: args.force,
      dataDir: env.dataDir,
      now,
      log,
    })
    keptPath = restored.keptPath
  }

  if (keptPath) log(`Den tidigare databasen finns kvar: ${keptPath}`)
  log(
    `✔ Återställde ${describeDatabase(target)} från ${args.backup}: ${describeContents(target.kind, manifest)}.`,
  )
  log('  Starta servern igen för att använda den.')
  return { keptPath }
}
