/**
 * The layers of the code, from the bottom up, and the figures that say
 * whether the code keeps to them. A file may import from its own layer and
 * the ones below; `npm run architecture` prints the figures and
 * tests/unit/architecture.test.ts fails when one goes the wrong way.
 */
import fs from 'node:fs'
import path from 'node:path'

import { importCycles, readImportGraph, upwardImports, type Layer, type UpwardImport } from './importGraph'

export const SOURCE_FOLDERS = ['src', 'collections', 'payload.config.ts', 'scripts'] as const

export const LAYERS: readonly Layer[] = [
  // Words and rules everyone shares: no Payload, no database.
  { name: 'vocabulary', folders: ['src/env.ts', 'src/errors.ts', 'src/vocabulary', 'src/domain', 'src/workflow', 'src/richText'] },
  // Reading and checking content: parsers, plans, quality rules.
  { name: 'content rules', folders: ['src/quality', 'src/pageImport', 'src/results'] },
  // What a stored document needs around it: database, access, fields, audit, mail, webhooks, sign-in.
  {
    name: 'storage',
    folders: ['src/database', 'src/access', 'src/fields', 'src/audit', 'src/notifications', 'src/webhooks', 'src/concurrency', 'src/sso', 'src/backup', 'src/auth', 'src/runtime'],
  },
  // Review and publishing, then what is served from what was published.
  { name: 'publishing', folders: ['src/publishing', 'src/preview'] },
  { name: 'delivery', folders: ['src/delivery'] },
  // Payload's collections and the config that assembles them.
  { name: 'collections', folders: ['collections'] },
  { name: 'config', folders: ['payload.config.ts'] },
  // Everything a person or a program talks to: pages, admin, HTTP, REST, commands.
  {
    name: 'interfaces',
    folders: ['src/frontend', 'src/admin', 'src/app', 'src/endpoints', 'src/client', 'src/server', 'src/http', 'src/rest', 'src/proxy.ts', 'src/instrumentation.ts', 'scripts'],
  },
]

export type ArchitectureFigures = {
  files: number
  cycles: string[][]
  upward: UpwardImport[]
  /** Files outside collections/ and the config that import collections/ (for slugs or types). */
  importingCollections: string[]
  /** `Symbol.for` keys: process-wide hand-offs. */
  symbolFor: { file: string; count: number }[]
  /** `as unknown as` casts outside the generated types. */
  unknownCasts: { file: string; count: number }[]
}

// This file and its report name the patterns they count.
const COUNTING_FILES = new Set(['scripts/lib/architecture.ts', 'scripts/architecture.ts'])

const countIn = (root: string, files: Iterable<string>, pattern: RegExp) =>
  [...files]
    .filter((file) => !COUNTING_FILES.has(file))
    .map((file) => ({ file, count: (fs.readFileSync(path.join(root, file), 'utf8').match(pattern) ?? []).length }))
    .filter((entry) => entry.count > 0)

export function measureArchitecture(root: string): ArchitectureFigures {
  const graph = readImportGraph(root, SOURCE_FOLDERS)
  const files = [...graph.keys()].filter((file) => file !== 'src/payload-types.ts')
  return {
    files: files.length,
    cycles: importCycles(graph),
    upward: upwardImports(graph, LAYERS),
    importingCollections: files.filter(
      (file) => file.startsWith('src/') && !file.startsWith('src/app/') && [...graph.get(file)!].some((target) => target.startsWith('collections/') || target === 'payload.config.ts'),
    ),
    symbolFor: countIn(root, files, /Symbol\.for\(/g),
    unknownCasts: countIn(root, files, /as unknown as/g),
  }
}
