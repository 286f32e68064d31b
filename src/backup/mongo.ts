import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'

import { BSON, type Db, type Document, MongoClient } from 'mongodb'

import { redactUrl } from '@/env'

import { BackupError } from './errors'
import { digestFile, writeFileAtomically } from './files'
import { buildManifest, formatManifest, type Manifest, type ManifestFile } from './manifest'
import { collectionFileName, MONGO_MANIFEST_NAME, mongoBeforeRestoreDir } from './naming'
import type { WrittenBackup } from './sqlite'

/**
 * MongoDB backup and restore with the driver mongoose brings. One file per
 * collection, one document per line in canonical Extended JSON (what
 * `mongoexport --jsonFormat=canonical` writes and `mongoimport` reads), so
 * every BSON type (ObjectId, dates, Int32 vs Double, Decimal128) comes back
 * as it was. All collections are read in one snapshot session where the
 * server supports it (a replica set or sharded cluster, MongoDB 5.0+).
 */

type Log = (line: string) => void

const INSERT_BATCH = 1000
const MIGRATIONS_COLLECTION = 'payload-migrations'
const NAMESPACE_NOT_FOUND = 26

async function connect(url: string): Promise<MongoClient> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000, connectTimeoutMS: 5000 })
  try {
    await client.connect()
  } catch (error) {
    throw new BackupError(`Kunde inte ansluta till MongoDB (${error instanceof Error ? error.message : String(error)}).`)
  }
  return client
}

/** Snapshot reads (readConcern "snapshot") need a replica set or a sharded cluster on MongoDB 5.0 or newer. */
async function supportsSnapshot(db: Db): Promise<boolean> {
  const hello = await db.admin().command({ hello: 1 })
  if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') return false
  const info = await db.admin().command({ buildInfo: 1 })
  return Array.isArray(info.versionArray) && Number(info.versionArray[0]) >= 5
}

const userCollections = async (db: Db): Promise<string[]> =>
  (await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray())
    .map((info) => info.name)
    .filter((name) => !name.startsWith('system.'))
    .sort()

type Exported = { counts: Record<string, number>; files: ManifestFile[]; migrations: string[]; snapshot: boolean }

async function exportDatabase(client: MongoClient, db: Db, directory: string, log: Log): Promise<Exported> {
  const snapshot = await supportsSnapshot(db)
  if (!snapshot) {
    log(
      '⚠ MongoDB-servern är inget replikset (eller äldre än 5.0), så kopian tas utan ögonblicksbild: skrivningar under tiden kan komma med i vissa samlingar men inte i andra. Stoppa skrivningarna medan kopian tas, eller kör ett replikset.',
    )
  }
  const session = client.startSession(snapshot ? { snapshot: true } : {})
  try {
    const counts: Record<string, number> = {}
    const files: ManifestFile[] = []
    let migrations: string[] = []
    for (const name of await userCollections(db)) {
      const fileName = collectionFileName(name)
      const filePath = path.join(directory, fileName)
      const out = fs.createWriteStream(filePath, { mode: 0o600 })
      let count = 0
      for await (const doc of db.collection(name).find({}, { session, sort: { _id: 1 } })) {
        if (!out.write(BSON.EJSON.stringify(doc, { relaxed: false }) + '\n')) await once(out, 'drain')
        if (name === MIGRATIONS_COLLECTION) migrations = [...migrations, String((doc as Document).name)]
        count += 1
      }
      out.end()
      await once(out, 'finish')
      counts[name] = count
      files.push({ path: fileName, ...(await digestFile(filePath)) })
    }
    return { counts, files, migrations, snapshot }
  } finally {
    await session.endSession()
  }
}

/** Exports into `<outDir>.tmp-<pid>`, writes the manifest there, then renames the directory into place. */
async function writeBackup(client: MongoClient, url: string, outDir: string, now: Date, log: Log): Promise<WrittenBackup> {
  if (fs.existsSync(outDir)) throw new BackupError(`${outDir} finns redan. Välj ett annat namn med --out; ingen säkerhetskopia skrivs över.`)
  const temporary = `${outDir}.tmp-${process.pid}`
  fs.rmSync(temporary, { recursive: true, force: true })
  // Backups hold password hashes: readable by the owner only.
  fs.mkdirSync(temporary, { recursive: true, mode: 0o700 })
  try {
    const db = client.db()
    const exported = await exportDatabase(client, db, temporary, log)
    if (exported.files.length === 0) throw new BackupError(`MongoDB-databasen ${db.databaseName} har inga samlingar – det finns inget att säkerhetskopiera.`)
    const manifest = buildManifest({
      createdAt: now,
      kind: 'mongodb',
      consistency: exported.snapshot ? 'snapshot' : 'none',
      source: redactUrl(url),
      counts: exported.counts,
      files: exported.files,
      migrations: exported.migrations,
    })
    writeFileAtomically(path.join(temporary, MONGO_MANIFEST_NAME), formatManifest(manifest))
    fs.renameSync(temporary, outDir)
    return { dataPath: outDir, manifestPath: path.join(outDir, MONGO_MANIFEST_NAME), manifest }
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true })
  }
}

export async function backupMongo(url: string, outDir: string, now: Date, log: Log): Promise<WrittenBackup> {
  const client = await connect(url)
  try {
    log(`Exporterar MongoDB-databasen ${client.db().databaseName} …`)
    return await writeBackup(client, url, outDir, now, log)
  } finally {
    await client.close()
  }
}

async function insertLines(db: Db, name: string, filePath: string): Promise<void> {
  const collection = db.collection(name)
  await db.createCollection(name)
  let batch: Document[] = []
  const lines = readline.createInterface({ input: fs.createReadStream(filePath, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line.trim() === '') continue
    batch.push(BSON.EJSON.parse(line, { relaxed: false }) as Document)
    if (batch.length === INSERT_BATCH) {
      await collection.insertMany(batch, { ordered: true })
      batch = []
    }
  }
  if (batch.length > 0) await collection.insertMany(batch, { ordered: true })
}

async function dropIfThere(db: Db, name: string): Promise<void> {
  try {
    await db.collection(name).drop()
  } catch (error) {
    if ((error as { code?: number }).code !== NAMESPACE_NOT_FOUND) throw error
  }
}

/**
 * Drop, then insert in batches. A server connected to the database cannot be
 * seen from here, so the database the configuration points servers at is
 * replaced only with --force once it holds data; its content is exported
 * first (nothing lost). Indexes are not copied: the server's mongoose models
 * build them again when it starts (autoIndex).
 */
export async function restoreMongo(options: {
  manifest: Manifest
  manifestDir: string
  url: string
  isConfiguredDatabase: boolean
  force: boolean
  dataDir: string
  now: Date
  log: Log
}): Promise<{ keptPath: string | undefined }> {
  const { manifest, log } = options
  const client = await connect(options.url)
  try {
    const db = client.db()
    const existing = await userCollections(db)
    let hasData = false
    for (const name of existing) hasData ||= (await db.collection(name).estimatedDocumentCount()) > 0
    if (hasData && options.isConfiguredDatabase && !options.force) {
      throw new BackupError(
        `MongoDB-databasen ${db.databaseName} är den som servern är inställd att använda och den innehåller data; om en server är ansluten kan inte ses härifrån. Stoppa servrarna och ange --force, eller återställ till en annan databas med --target. Inget återställdes.`,
      )
    }
    let keptPath: string | undefined
    if (hasData) {
      keptPath = mongoBeforeRestoreDir(options.dataDir, db.databaseName, options.now)
      await writeBackup(client, options.url, keptPath, options.now, log)
    }
    for (const name of existing.filter((name) => !manifest.collections.includes(name))) await dropIfThere(db, name)
    for (const name of manifest.collections) {
      await dropIfThere(db, name)
      await insertLines(db, name, path.join(options.manifestDir, collectionFileName(name)))
    }
    log(`✔ MongoDB-databasen ${db.databaseName} är återställd (${manifest.collections.length} samlingar).`)
    return { keptPath }
  } finally {
    await client.close()
  }
}
