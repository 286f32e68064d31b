import fs from 'node:fs'
import path from 'node:path'

export const SEED_DIR = path.resolve('seed', 'kalmar')

export const seedFiles = (): string[] =>
  fs
    .readdirSync(SEED_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()

export const readSeed = (name: string): string => fs.readFileSync(path.join(SEED_DIR, name), 'utf8')

/** Bullets counted straight from the text (lines starting with "•"), independently of the parser. */
export const countBulletLines = (text: string): number => text.split(/\r?\n/).filter((line) => /^\s*•/.test(line)).length

/** "Senast uppdaterad: 28 juni 2023" → the raw Swedish date, for lookups in tests. */
export const lastUpdatedLine = (text: string): string => /Senast uppdaterad:\s*(.+)/.exec(text)![1]!.trim()
