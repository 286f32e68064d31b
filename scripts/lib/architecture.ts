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
  // Words and rules everyone shares, no database: slugs, roles and access rules, the workflow's decisions, dates,
  // rich text, the typed context hooks hand on, and the two plain .mjs files the HTTP server and the app both read.
  {
    name: 'vocabulary',
    folders: [
      'src/env.ts',
      'src/errors.ts',
      'src/slugs.ts',
      'src/payload-types.ts',
      'src/runtime/processSlots.mjs',
      'src/runtime/serverContract.mjs',
      'src/domain',
      'src/access',
      'src/workflow',
      'src/richText',
      'src/pipeline',
    ],
  },
  // What a stored document needs around it: database, fields, revisions, audit, mail, webhooks, sign-in, backups.
  {
    name: 'storage',
    folders: ['src/database', 'src/fields', 'src/concurrency', 'src/audit', 'src/notifications', 'src/webhooks', 'src/sso', 'src/auth', 'src/backup', 'src/bootstrap'],
  },
  // Reading and checking content: parsers, plans and quality rules (pure), and the importers that write drafts.
  { name: 'content', folders: ['src/quality', 'src/pageImport', 'src/results'] },
  // Review and publishing, then what is served from what was published.
  { name: 'publishing', folders: ['src/publishing', 'src/preview', 'src/calendar'] },
  { name: 'delivery', folders: ['src/delivery'] },
  // What the config registers besides collections: root endpoints and the REST and GraphQL guards.
  { name: 'endpoints', folders: ['src/endpoints', 'src/api'] },
  // Payload's collections and the config that assembles them.
  { name: 'collections', folders: ['collections'] },
  { name: 'config', folders: ['payload.config.ts'] },
  // What runs with the configured Payload: pages, admin, Next routes, the HTTP server and its wiring, commands.
  {
    name: 'interfaces',
    folders: ['src/frontend', 'src/admin', 'src/app', 'src/client', 'src/runtime', 'src/http', 'src/proxy.ts', 'src/instrumentation.ts', 'scripts'],
  },
]

export type ArchitectureFigures = {
  files: number
  cycles: string[][]
  upward: UpwardImport[]
  /** Files under src/ below the interfaces that import collections/ or the config (the slugs are in src/slugs.ts). */
  importingCollections: string[]
  /** `Symbol.for` keys: process-wide hand-offs. */
  symbolFor: { file: string; count: number }[]
  /** `as unknown as` casts outside the generated types. */
  unknownCasts: { file: string; count: number }[]
}

// This file and its report name the patterns they count.
const COUNTING_FILES = new Set(['scripts/lib/architecture.ts', 'scripts/architecture.ts'])

const INTERFACES = LAYERS.findIndex((layer) => layer.name === 'interfaces')
const layerIndex = (file: string) => LAYERS.findIndex((layer) => layer.folders.some((folder) => file === folder || file.startsWith(`${folder}/`)))

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
      (file) =>
        file.startsWith('src/') &&
        layerIndex(file) < INTERFACES &&
        [...graph.get(file)!].some((target) => target.startsWith('collections/') || target === 'payload.config.ts'),
    ),
    symbolFor: countIn(root, files, /Symbol\.for\(/g),
    unknownCasts: countIn(root, files, /as unknown as/g),
  }
}
