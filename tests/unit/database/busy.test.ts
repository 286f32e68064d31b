import { describe, expect, it } from 'vitest'

import { DATABASE_BUSY_TIMEOUT_MS, DatabaseBusyError, isBusyError } from '@/database/busy'

describe('busy database', () => {
  it('recognises SQLITE_BUSY however deep the drivers wrapped it', () => {
    const driver = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })
    const wrapped = new Error('Failed query: BEGIN IMMEDIATE', { cause: new Error('cannot begin', { cause: driver }) })
    expect(isBusyError(driver)).toBe(true)
    expect(isBusyError(wrapped)).toBe(true)
    expect(isBusyError(new Error('no such table: areas'))).toBe(false)
    expect(isBusyError('database is locked')).toBe(false)
  })

  it('says in one Swedish line where, how long it waited and what to do', () => {
    const message = new DatabaseBusyError('data/cms.db').message
    expect(message).not.toContain('\n')
    expect(message).toContain('data/cms.db')
    expect(message).toContain(`${DATABASE_BUSY_TIMEOUT_MS / 1000} s`)
    expect(message).toMatch(/försök igen/)
  })
})
