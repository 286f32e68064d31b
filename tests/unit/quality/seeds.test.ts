import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parsePage } from '@/pageImport/parse'
import { toAreaContent } from '@/pageImport/toAreaData'
import { checkPage, fromAreaDocument, fromParsedPage, type SpellChecker } from '@/quality'

// Structure only: every seed can be checked and every finding points at a real field.
// What the rules find on the seeds is judged in docs/quality.md, not asserted here.
const SEED_DIR = path.resolve(import.meta.dirname, '../../../seed/kalmar')
const seeds = fs.readdirSync(SEED_DIR).filter((name) => name.endsWith('.txt')).sort()
const acceptAll: SpellChecker = { isWord: () => true, suggest: () => [] }
const context = { now: new Date('2024-10-01T12:00:00Z'), spelling: acceptAll }

const resolve = (doc: unknown, fieldPath: string): unknown =>
  fieldPath.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)

describe.each(seeds)('seed %s', (name) => {
  const parsed = parsePage(fs.readFileSync(path.join(SEED_DIR, name), 'utf8'), name)
  const stored = toAreaContent(parsed, 'test', null)

  it('gives the same findings from the page file and from the document the importer stores', () => {
    expect(checkPage(fromAreaDocument(stored), context)).toEqual(checkPage(fromParsedPage(parsed), context))
  })

  it('locates every finding at a field of the stored document', () => {
    for (const finding of checkPage(fromParsedPage(parsed), context)) {
      if (finding.location.path === 'reviewBy') continue
      const field = finding.location.path.replace(/\.(indicator\.\w+)$/, '')
      expect(resolve(stored, field), `${finding.rule} ${finding.location.path}`).toBeDefined()
    }
  })
})
