import { describe, expect, it } from 'vitest'

import {
  ACCESS_MATRIX,
  CONTENT_API_MATRIX,
  GLOBAL_ACCESS_MATRIX,
  MATRIX_ROLES,
  OPERATIONS,
  cellFor,
  isAllowed,
  scopeOf,
  type Cell,
  type Operation,
} from '@/access/matrix'

const rows = Object.entries(ACCESS_MATRIX)
const WRITES: Operation[] = ['create', 'update', 'publish', 'delete', 'unlock']

describe('cell helpers', () => {
  it('reads a cell by role and tells allowed (with its scope) from denied and n/a', () => {
    const cells = ['published', 'own', 'denied', 'allowed'] as const
    expect(MATRIX_ROLES.map((role) => cellFor(cells, role))).toEqual(['published', 'own', 'denied', 'allowed'])
    expect((['allowed', 'own', 'published', 'active', 'denied', 'n/a'] as Cell[]).map(isAllowed)).toEqual([true, true, true, true, false, false])
    expect((['allowed', 'own', 'published', 'active', 'denied', 'n/a'] as Cell[]).map(scopeOf)).toEqual([null, 'own', 'published', 'active', null, null])
  })
})

describe('the intended permissions', () => {
  it('never let an anonymous visitor write, read drafts or read versions', () => {
    for (const [slug, row] of rows) {
      for (const op of [...WRITES, 'readDraft', 'readVersions'] as Operation[]) {
        expect(['denied', 'n/a'], `${slug} ${op}`).toContain(cellFor(row.cells[op], 'anonymous'))
      }
    }
  })

  it('let anonymous visitors read only public content, and only its public part where it has one', () => {
    const publicSlugs = rows.filter(([, row]) => isAllowed(cellFor(row.cells.read, 'anonymous'))).map(([slug]) => slug)
    expect(publicSlugs.sort()).toEqual(['areas', 'indicators', 'links', 'notices', 'sections'])
    expect(cellFor(ACCESS_MATRIX.areas!.cells.read, 'anonymous')).toBe('published')
    expect(cellFor(ACCESS_MATRIX.notices!.cells.read, 'anonymous')).toBe('active')
  })

  it('let everyone who may change or delete a document also read it (nobody writes blind)', () => {
    for (const [slug, row] of rows) {
      for (const role of MATRIX_ROLES) {
        const read = cellFor(row.cells.read, role)
        for (const op of ['update', 'delete', 'publish'] as const) {
          if (isAllowed(cellFor(row.cells[op], role))) expect(isAllowed(read), `${role} ${op} ${slug} without read`).toBe(true)
        }
      }
    }
  })

  it('keep the four-eyes split: editors write areas but do not publish; reviewers publish but do not write', () => {
    const { cells } = ACCESS_MATRIX.areas!
    expect(cellFor(cells.update, 'editor')).toBe('allowed')
    expect(cellFor(cells.publish, 'editor')).toBe('denied')
    expect(cellFor(cells.update, 'reviewer')).toBe('denied')
    expect(cellFor(cells.publish, 'reviewer')).toBe('allowed')
  })

  it('let no API user, admins included, rewrite the records the server keeps', () => {
    for (const slug of ['audit-log', 'publication-history', 'published-snapshots', 'payload-jobs', 'payload-kv', 'payload-migrations']) {
      for (const op of ['create', 'update', 'delete'] as const) {
        expect(ACCESS_MATRIX[slug]!.cells[op], `${slug} ${op}`).toEqual(['denied', 'denied', 'denied', 'denied'])
      }
    }
    expect(GLOBAL_ACCESS_MATRIX['payload-jobs-stats']!.cells.update).toEqual(['denied', 'denied', 'denied', 'denied'])
  })

  it('use the scopes only where they mean something', () => {
    for (const [slug, row] of rows) {
      for (const op of OPERATIONS) {
        for (const cell of row.cells[op]) {
          if (cell === 'published' || cell === 'active') expect(['list', 'read'], `${slug} ${op}: ${cell}`).toContain(op)
          if (cell === 'own') expect(['list', 'read', 'create', 'update', 'delete'], `${slug} ${op}: own`).toContain(op)
        }
      }
    }
  })

  it('serve no draft over /api/v1 to anyone, and the same to every role', () => {
    expect(CONTENT_API_MATRIX.areas!.readDraft).toEqual(['denied', 'denied', 'denied', 'denied'])
    for (const [slug, row] of Object.entries(CONTENT_API_MATRIX)) {
      for (const [op, cells] of Object.entries(row)) expect(new Set(cells).size, `${slug} ${op}`).toBe(1)
    }
  })
})
