import fs from 'node:fs'
import path from 'node:path'

/** The seed page files (read-only fixtures), located from this file so the working directory does not matter. */
export const SEED_DIR = path.resolve(import.meta.dirname, '../../../seed/kalmar')

export const SEED_FILES = {
  '000': '000_a20085dce89aa5cb.txt',
  '001': '001_47426a130b3b66e2.txt',
  '002': '002_1710827bffd88675.txt',
  '003': '003_93d644f592ab286a.txt',
  '004': '004_756308f4ad8fcee6.txt',
} as const

export const readSeed = (name: string): string => fs.readFileSync(path.join(SEED_DIR, name), 'utf8')
