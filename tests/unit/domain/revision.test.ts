import { describe, expect, it } from 'vitest'

import {
  claimOf,
  conflictCopyData,
  conflictCopyTime,
  conflictMessage,
  contentFieldNames,
  decideRevision,
  lastSaverOf,
  parseRevision,
  sendsContent,
  storedRevision,
  swedishClock,
  type RevisionClaim,
} from '@/domain/revision'

const claim = (overrides: Partial<RevisionClaim> = {}): RevisionClaim => ({ submitted: 3, sentContent: true, byId: true, ...overrides })

describe('decideRevision', () => {
  it('a user saving content from the stored revision may save and takes the next one', () => {
    expect(decideRevision({ stored: 3, claim: claim(), hasUser: true })).toEqual({ allowed: true, bump: true, checked: true })
  })

  it('a user saving content from an older revision is refused as stale (409)', () => {
    expect(decideRevision({ stored: 4, claim: claim({ submitted: 3 }), hasUser: true })).toEqual({ allowed: false, reason: 'stale', status: 409 })
  })

  it('a newer revision than the stored one is stale too (it cannot come from this document)', () => {
    expect(decideRevision({ stored: 2, claim: claim({ submitted: 3 }), hasUser: true })).toMatchObject({ allowed: false, reason: 'stale' })
  })

  it('a user saving content by id without a revision is refused (428)', () => {
    expect(decideRevision({ stored: 3, claim: claim({ submitted: null }), hasUser: true })).toEqual({ allowed: false, reason: 'missing', status: 428 })
  })

  it('server code without a user is not checked but still takes the next revision', () => {
    expect(decideRevision({ stored: 7, claim: claim({ submitted: null }), hasUser: false })).toEqual({ allowed: true, bump: true, checked: false })
    expect(decideRevision({ stored: 7, claim: claim({ submitted: 1 }), hasUser: false })).toEqual({ allowed: true, bump: true, checked: false })
  })

  it('a bulk edit is not checked but takes the next revision', () => {
    expect(decideRevision({ stored: 7, claim: claim({ submitted: null, byId: false }), hasUser: true })).toEqual({ allowed: true, bump: true, checked: false })
  })

  it('a save without content (a workflow transition, the trash) is neither checked nor counted, even with a stale revision', () => {
    expect(decideRevision({ stored: 9, claim: claim({ submitted: 1, sentContent: false }), hasUser: true })).toEqual({ allowed: true, bump: false, checked: false })
    expect(decideRevision({ stored: 9, claim: claim({ submitted: null, sentContent: false }), hasUser: true })).toEqual({ allowed: true, bump: false, checked: false })
  })

  it('an unrecorded save (a version restore) changes content: counted, not checked', () => {
    expect(decideRevision({ stored: 2, claim: null, hasUser: true })).toEqual({ allowed: true, bump: true, checked: false })
  })
})

describe('revisions sent and stored', () => {
  it('parses whole non-negative numbers, also from form strings; anything else is none', () => {
    expect(parseRevision(0)).toBe(0)
    expect(parseRevision(12)).toBe(12)
    expect(parseRevision(' 12 ')).toBe(12)
    for (const bad of [-1, 1.5, Number.NaN, '', 'tolv', '1e3', null, undefined, {}, []]) expect(parseRevision(bad), String(bad)).toBeNull()
  })

  it('a document saved before revisions existed is at 0', () => {
    expect(storedRevision(null)).toBe(0)
    expect(storedRevision(undefined)).toBe(0)
    expect(storedRevision(5)).toBe(5)
  })
})

describe('what counts as content', () => {
  const fields = [
    { name: 'title', type: 'text' },
    { name: 'body', type: 'blocks' },
    { name: 'workflowState', type: 'select', admin: { readOnly: true } },
    { name: 'revision', type: 'number', admin: { hidden: true } },
    { name: 'qualityPanel', type: 'ui' },
    { name: 'secret', type: 'text', hidden: true },
    { name: 'deletedAt', type: 'date' },
    { name: '_status', type: 'select' },
    { type: 'row' },
  ]

  it('is the fields an editor edits in the admin: not read-only, hidden, ui or bookkeeping', () => {
    expect([...contentFieldNames(fields)].sort()).toEqual(['body', 'title'])
  })

  it('a save sends content when it has any of them', () => {
    const names = contentFieldNames(fields)
    expect(sendsContent({ title: 'x' }, names)).toBe(true)
    expect(sendsContent({ _status: 'published', revision: 3 }, names)).toBe(false)
    expect(sendsContent({ deletedAt: '2025-01-01T00:00:00.000Z' }, names)).toBe(false)
    expect(sendsContent({}, names)).toBe(false)
    expect(sendsContent(null, names)).toBe(false)
    expect(claimOf({ title: 'x', revision: '4' }, names, true)).toEqual({ submitted: 4, sentContent: true, byId: true })
  })
})

describe('messages', () => {
  const now = new Date('2025-03-03T13:30:00.000Z') // 14:30 in Stockholm (CET)

  it('prints Swedish time, with the date when it is not today', () => {
    expect(swedishClock('2025-03-03T13:02:00.000Z', now)).toBe('kl. 14:02')
    expect(swedishClock('2025-03-01T13:02:00.000Z', now)).toBe('den 1 mars kl. 14:02')
    expect(swedishClock('2025-07-01T10:02:00.000Z', new Date('2025-07-01T12:00:00.000Z'))).toBe('kl. 12:02') // summer time
    expect(swedishClock(null, now)).toBeNull()
    expect(swedishClock('inte en tid', now)).toBeNull()
  })

  it('names who saved first and says where the refused text is', () => {
    const message = conflictMessage({
      saver: { kind: 'user', name: 'Anna Andersson' },
      savedAt: '2025-03-03T13:02:00.000Z',
      now,
      copy: { kind: 'saved', datedAt: '2025-03-03T13:01:59.999Z' },
    })
    expect(message).toBe(
      'Sidan har sparats av Anna Andersson kl. 14:02 efter att du öppnade den. Dina ändringar har inte skrivit över det som sparades då; ' +
        'de finns sparade som en egen version under fliken Versioner (daterad kl. 14:01), som du kan jämföra med sidan och återställa som utkast. ' +
        'Ladda om sidan innan du fortsätter.',
    )
  })

  it('says so when the copy could not be saved, or when none is made', () => {
    const base = { saver: { kind: 'user', name: 'Anna Andersson' } as const, savedAt: null, now }
    expect(conflictMessage({ ...base, copy: { kind: 'failed' } })).toMatch(/^Sidan har sparats av Anna Andersson efter att du öppnade den\..*kopiera dem innan du laddar om sidan\.$/)
    expect(conflictMessage({ ...base, copy: { kind: 'none' } })).toMatch(/de har inte sparats\. Hämta sidan igen/)
  })

  it('tells apart the person themselves (another tab), the system and a simultaneous save', () => {
    expect(lastSaverOf({ savedBy: 5, savedByName: 'Anna', actorId: '5' })).toEqual({ kind: 'self' })
    expect(lastSaverOf({ savedBy: null, savedByName: null, actorId: 5 })).toEqual({ kind: 'system' })
    expect(lastSaverOf({ savedBy: 4, savedByName: null, actorId: 5 })).toEqual({ kind: 'unknown' })
    expect(lastSaverOf({ savedBy: 4, savedByName: 'Bo Ek', actorId: 5 })).toEqual({ kind: 'user', name: 'Bo Ek' })
    const copy = { kind: 'none' } as const
    expect(conflictMessage({ saver: { kind: 'self' }, savedAt: null, now, copy })).toMatch(/^Du har själv sparat sidan i ett annat fönster efter/)
    expect(conflictMessage({ saver: { kind: 'system' }, savedAt: null, now, copy })).toMatch(/^Sidan har ändrats av systemet/)
    expect(conflictMessage({ saver: { kind: 'unknown' }, savedAt: null, now, copy, simultaneous: true })).toMatch(/^Någon annan sparade sidan samtidigt som du\./)
  })
})

describe('the refused editor’s copy', () => {
  const now = new Date('2025-03-03T13:30:00.000Z')

  it('is dated right after the version it started from', () => {
    expect(conflictCopyTime({ base: '2025-03-03T12:00:00.000Z', winner: ['2025-03-03T13:00:00.000Z', '2025-03-03T13:00:00.000Z'], now })).toBe('2025-03-03T12:00:00.001Z')
  })

  it('is never as new as the first editor’s version (row or document time), so theirs stays the draft', () => {
    // A publish: the row is written a little after the document's own updatedAt.
    expect(conflictCopyTime({ base: '2025-03-03T12:59:59.999Z', winner: ['2025-03-03T13:00:00.005Z', '2025-03-03T13:00:00.000Z'], now })).toBe('2025-03-03T12:59:59.999Z')
    expect(conflictCopyTime({ base: null, winner: ['2025-03-03T13:00:00.005Z', '2025-03-03T13:00:00.000Z'], now })).toBe('2025-03-03T12:59:59.999Z')
  })

  it('falls back to now when nothing is known', () => {
    expect(conflictCopyTime({ base: undefined, winner: [null, undefined], now })).toBe(now.toISOString())
  })

  it('is the base page with the sent content on top; nothing else is taken from the request', () => {
    const copy = conflictCopyData({
      base: { title: 'Gammal', teaser: 'Bas', workflowState: 'approved' },
      sent: { title: 'Ny', workflowState: 'published', _status: 'published' },
      contentFields: new Set(['title', 'teaser']),
    })
    expect(copy).toEqual({ title: 'Ny', teaser: 'Bas', workflowState: 'approved' })
  })
})
