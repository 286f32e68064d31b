import { describe, expect, it } from 'vitest'

import { LOCK_DURATION_SECONDS, LOCK_WARNING_SECONDS, lockMessage, lockView, takesLockOnOpen } from '@/concurrency/editLock'

const at = Date.parse('2026-12-03T13:00:00Z') // 14.00 in Stockholm
const erik = { id: 2, name: 'Erik Redaktör', email: 'redaktor@kalmar.example' }
const minutes = (n: number) => n * 60_000

describe('lockView', () => {
  it('nobody holds it', () => {
    expect(lockView({ holder: null, lastEditedAt: null, readerId: 2, now: at })).toEqual({ kind: 'none' })
  })

  it('mine: warned in the last minute, lapsed after five', () => {
    const expiresAt = at + LOCK_DURATION_SECONDS * 1000
    expect(lockView({ holder: erik, lastEditedAt: at, readerId: 2, now: at + minutes(1) })).toEqual({ kind: 'mine', expiresAt, warn: false })
    expect(lockView({ holder: erik, lastEditedAt: at, readerId: '2', now: expiresAt - LOCK_WARNING_SECONDS * 1000 })).toEqual({ kind: 'mine', expiresAt, warn: true })
    expect(lockView({ holder: erik, lastEditedAt: at, readerId: 2, now: expiresAt + 1 })).toEqual({ kind: 'lapsed', lapsedAt: expiresAt })
  })

  it("someone else's: named until it lapses, then nobody's", () => {
    const expiresAt = at + LOCK_DURATION_SECONDS * 1000
    expect(lockView({ holder: erik, lastEditedAt: at, readerId: 3, now: at })).toEqual({ kind: 'other', holder: 'Erik Redaktör', expiresAt })
    expect(lockView({ holder: { id: 2, email: 'redaktor@kalmar.example' }, lastEditedAt: at, readerId: 3, now: at })).toMatchObject({ holder: 'redaktor@kalmar.example' })
    expect(lockView({ holder: erik, lastEditedAt: at, readerId: 3, now: expiresAt + 1 })).toEqual({ kind: 'none' })
  })
})

describe('takesLockOnOpen', () => {
  it('an editor opening a free or lapsed page takes it; not a reviewer, not over a live lock', () => {
    expect(takesLockOnOpen({ kind: 'none' }, true)).toBe(true)
    expect(takesLockOnOpen({ kind: 'lapsed', lapsedAt: at }, true)).toBe(true)
    expect(takesLockOnOpen({ kind: 'none' }, false)).toBe(false)
    expect(takesLockOnOpen({ kind: 'other', holder: 'Erik', expiresAt: at }, true)).toBe(false)
    expect(takesLockOnOpen({ kind: 'mine', expiresAt: at, warn: false }, true)).toBe(false)
  })

  it('not while the page waits for the reviewer', () => {
    expect(takesLockOnOpen({ kind: 'none' }, true, 'inReview')).toBe(false)
    expect(takesLockOnOpen({ kind: 'none' }, true, 'approved')).toBe(false)
    expect(takesLockOnOpen({ kind: 'none' }, true, 'changesRequested')).toBe(true)
    expect(takesLockOnOpen({ kind: 'none' }, true, 'published')).toBe(true)
  })
})

describe('lockMessage', () => {
  it('tells the holder, and warns before it lapses, in Stockholm time', () => {
    const expiresAt = at + minutes(5)
    expect(lockMessage({ kind: 'mine', expiresAt, warn: false })).toContain('låst till kl. 14.05')
    expect(lockMessage({ kind: 'mine', expiresAt, warn: true })).toMatch(/^Ditt lås på sidan släpper kl\. 14\.05\. .*Behåll låset/)
    expect(lockMessage({ kind: 'lapsed', lapsedAt: expiresAt })).toMatch(/^Ditt lås släppte kl\. 14\.05\. Du kan spara/)
    expect(lockMessage({ kind: 'other', holder: 'Erik Redaktör', expiresAt })).toBe('Erik Redaktör redigerar sidan. Låset släpper senast kl. 14.05 om hen inte ändrar något mer.')
    expect(lockMessage({ kind: 'none' })).toBeNull()
  })
})
