import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

/**
 * Everything a database holds, read through Payload's local API (so it is
 * the same on SQLite and MongoDB): every document of every collection,
 * including Payload's own (users with their hidden hash and salt, jobs,
 * preferences, migrations), and every version of every versioned
 * collection. Depth 0 (relations as ids), all pages, sorted by id, as plain
 * JSON: two dumps are equal exactly when the content is.
 */
export type ContentDump = {
  collections: Record<string, Record<string, unknown>[]>
  versions: Record<string, Record<string, unknown>[]>
}

const PAGE_SIZE = 100

/**
 * Payload's development schema push stamps its "dev" migration row each time
 * a process opens the database: that field says when the file was last
 * opened, not what it holds.
 */
const STAMPED_ON_OPEN: Record<string, readonly string[]> = { 'payload-migrations': ['updatedAt'] }

type Page = { docs: unknown[]; hasNextPage: boolean }

async function allPages(fetchPage: (page: number) => Promise<Page>): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = []
  for (let page = 1; ; page++) {
    const result = await fetchPage(page)
    docs.push(...(JSON.parse(JSON.stringify(result.docs)) as Record<string, unknown>[]))
    if (!result.hasNextPage) return docs
  }
}

const withoutStamps = (slug: string, docs: Record<string, unknown>[]) =>
  docs.map((doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => !STAMPED_ON_OPEN[slug]?.includes(key))))

export async function dumpContent(payload: Payload): Promise<ContentDump> {
  const dump: ContentDump = { collections: {}, versions: {} }
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const common = { collection: slug, depth: 0, overrideAccess: true, showHiddenFields: true, limit: PAGE_SIZE, sort: 'id' } as const
    dump.collections[slug] = withoutStamps(slug, await allPages((page) => payload.find({ ...common, page, draft: false })))
    if (collection.versions) {
      dump.versions[slug] = await allPages((page) => payload.findVersions({ ...common, page }))
    }
  }
  return dump
}

export type TaskResult = { code: number; stdout: string; stderr: string }

/** Runs a script the way `npm run …` does (scripts/node-task.mjs, tsx), with extra environment. */
export function runNodeTask(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/node-task.mjs', script, ...args], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** The dump of the database at `databaseUrl`, read by a process of its own (tests/helpers/dumpContentCli.ts). */
export async function dumpContentOf(databaseUrl: string): Promise<ContentDump> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cms-dump-')), 'dump.json')
  try {
    const result = await runNodeTask('tests/helpers/dumpContentCli.ts', [out], { DATABASE_URL: databaseUrl })
    if (result.code !== 0) throw new Error(`dumpContentCli exited with ${result.code}: ${result.stderr || result.stdout}`)
    return JSON.parse(fs.readFileSync(out, 'utf8')) as ContentDump
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true })
  }
}

/**
 * A connection string for another, new database of the same kind as this
 * test file's (test infrastructure: the one place that knows both forms).
 */
export function siblingDatabaseUrl(name: string): string {
  const current = process.env.DATABASE_URL!
  if (!current.startsWith('mongodb')) return `file:${path.join(process.env.DATA_DIR!, `${name}.db`)}`
  const url = new URL(current)
  url.pathname = `${url.pathname.replace(/\/$/, '')}_${name}`
  return url.toString()
}

/** Drops the MongoDB databases a test created beside its own (SQLite files go with the data folder). */
export async function dropSiblingDatabases(urls: string[]): Promise<void> {
  const mongoUrls = urls.filter((url) => url.startsWith('mongodb'))
  if (mongoUrls.length === 0) return
  const { MongoClient } = await import('mongodb')
  for (const url of mongoUrls) {
    const client = new MongoClient(url)
    try {
      await client.db().dropDatabase()
    } finally {
      await client.close()
    }
  }
}
