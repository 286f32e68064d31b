import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './errors'
import { type FileDigest, type Manifest, parseManifest, verifyFiles } from './manifest'

/** Size and SHA-256 of a file, read as a stream (backups can be large). */
export async function digestFile(filePath: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of fs.createReadStream(filePath)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}

export async function readManifest(manifestPath: string): Promise<Manifest> {
  if (!fs.existsSync(manifestPath)) {
    throw new BackupError(`Manifestet ${manifestPath} saknas – utan det kan säkerhetskopian inte kontrolleras, så inget återställdes.`)
  }
  return parseManifest(fs.readFileSync(manifestPath, 'utf8'), manifestPath)
}

/** Throws with every problem on one line unless each listed file has the manifest's size and checksum. */
export async function verifyBackupFiles(manifest: Manifest, directory: string): Promise<void> {
  const actual = new Map<string, FileDigest | undefined>()
  for (const file of manifest.files) {
    const filePath = path.join(directory, file.path)
    actual.set(file.path, fs.existsSync(filePath) ? await digestFile(filePath) : undefined)
  }
  const problems = verifyFiles(manifest, actual)
  if (problems.length > 0) {
    throw new BackupError(`Säkerhetskopian i ${directory} är skadad eller ändrad: ${problems.join('; ')}. Inget återställdes.`)
  }
}

/** Writes beside the destination, flushes, then renames: a reader never sees half a file. */
export function writeFileAtomically(destination: string, content: string): void {
  const temporary = `${destination}.tmp-${process.pid}`
  const fd = fs.openSync(temporary, 'w', 0o600)
  try {
    fs.writeFileSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temporary, destination)
}

export const fsyncFile = (filePath: string): void => {
  const fd = fs.openSync(filePath, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Known migrations of this code, read from the migrations/ folder (empty when it is absent, e.g. MongoDB-only builds). */
export function knownMigrationFiles(directory = path.resolve('migrations')): string[] {
  return fs.existsSync(directory) ? fs.readdirSync(directory) : []
}
