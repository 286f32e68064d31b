/**
 * Vitest setup file: runs before each test file's imports, so that anything
 * reading the environment at import time (the Payload config) sees a fresh
 * database of this file's own, never the developer's data/cms.db.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Gives a connection string a database name of its own. */
function freshMongoUrl(base: string, name: string): string {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-'))
const mongoBase = process.env.TEST_MONGODB_URL

process.env.DATA_DIR = dataDir
process.env.DATABASE_URL = mongoBase
  ? freshMongoUrl(mongoBase, `cms_test_${randomBytes(6).toString('hex')}`)
  : `file:${path.join(dataDir, 'test.db')}`
process.env.PAYLOAD_SECRET = randomBytes(32).toString('hex')
process.env.SERVER_URL = 'http://localhost:3000'
