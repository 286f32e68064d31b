import { describe, expect, it } from 'vitest'

import { indicatorIsFilled } from '@/domain/indicators'

describe('indicatorIsFilled', () => {
  it('is true for a code, a share or a value, also as the edit form holds them', () => {
    expect(indicatorIsFilled({ code: 'SOCPSYK-ESL' })).toBe(true)
    expect(indicatorIsFilled({ nationalPercent: 0 })).toBe(true)
    expect(indicatorIsFilled({ localValue: 'nej' })).toBe(true)
  })

  it('is false for nothing, blanks and what is not a figure', () => {
    expect(indicatorIsFilled(null)).toBe(false)
    expect(indicatorIsFilled(undefined)).toBe(false)
    expect(indicatorIsFilled({})).toBe(false)
    expect(indicatorIsFilled({ code: '  ', nationalPercent: null, localValue: '' })).toBe(false)
    expect(indicatorIsFilled({ nationalPercent: Number.NaN })).toBe(false)
  })
})
