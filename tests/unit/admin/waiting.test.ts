import { describe, expect, it } from 'vitest'

import { formatWaitingTime } from '@/admin/waiting'

const now = new Date('2026-11-23T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms)

describe('formatWaitingTime', () => {
  it.each([
    [0, '0 minuter'],
    [60_000, '1 minut'],
    [59 * 60_000, '59 minuter'],
    [60 * 60_000, '1 timme'],
    [5 * 3_600_000, '5 timmar'],
    [24 * 3_600_000, '1 dag'],
    [3 * 86_400_000, '3 dagar'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatWaitingTime(ago(ms), now)).toBe(text)
  })

  it('never shows a negative time for a clock slightly ahead', () => {
    expect(formatWaitingTime(new Date(now.getTime() + 5000), now)).toBe('0 minuter')
  })
})
