import { describe, expect, it } from 'vitest'

import { reminderHorizon, reviewStatus } from '@/domain/reviewDue'

const now = new Date('2026-11-23T12:00:00Z')
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()

describe('reviewStatus', () => {
  it('is overdue once the date has passed', () => expect(reviewStatus(inDays(-1), now)).toBe('overdue'))
  it('is due soon within 14 days, the 14th included', () => {
    expect(reviewStatus(inDays(0.5), now)).toBe('dueSoon')
    expect(reviewStatus(inDays(14), now)).toBe('dueSoon')
  })
  it('is ok further ahead', () => expect(reviewStatus(inDays(14.1), now)).toBe('ok'))
  it('has no status without a (valid) date', () => {
    expect(reviewStatus(null, now)).toBeNull()
    expect(reviewStatus('inte ett datum', now)).toBeNull()
  })
  it('takes another window', () => expect(reviewStatus(inDays(20), now, 30)).toBe('dueSoon'))
})

describe('reminderHorizon', () => {
  it('is 14 days ahead', () => expect(reminderHorizon(now).toISOString()).toBe(inDays(14)))
})
