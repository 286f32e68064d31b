import { describe, expect, it } from 'vitest'

import { describeCell, formatPercentNumber, localValueText, parseCell } from '@/results/values'

describe('parseCell', () => {
  it('reads Ja, Nej and Delvis in any case, with spaces', () => {
    expect(parseCell('Ja')).toEqual({ kind: 'yes' })
    expect(parseCell(' NEJ ')).toEqual({ kind: 'no' })
    expect(parseCell('delvis')).toEqual({ kind: 'partly' })
  })

  it('reads percentages with decimal comma or point, with or without a sign', () => {
    expect(parseCell('37,5')).toEqual({ kind: 'percent', value: 37.5 })
    expect(parseCell('37.5 %')).toEqual({ kind: 'percent', value: 37.5 })
    expect(parseCell('61 procent')).toEqual({ kind: 'percent', value: 61 })
    expect(parseCell(42)).toEqual({ kind: 'percent', value: 42 })
  })

  it('reads blank, "-", "..", "x" as missing, never as zero', () => {
    for (const mark of [null, undefined, '', '  ', '-', '..', 'x', 'X', '–']) {
      expect(parseCell(mark as never).kind).toBe('missing')
    }
  })

  it('calls anything else invalid, naming the text', () => {
    expect(parseCell('kanske')).toEqual({ kind: 'invalid', text: 'kanske' })
    expect(parseCell('140')).toEqual({ kind: 'invalid', text: '140' })
    expect(parseCell(-3)).toEqual({ kind: 'invalid', text: '-3' })
  })

  it('formats values for the bullet and the preview', () => {
    expect(localValueText({ kind: 'percent', value: 45.25 })).toBe('45,3 %')
    expect(localValueText({ kind: 'yes' })).toBe('ja')
    expect(formatPercentNumber(37)).toBe('37')
    expect(describeCell({ kind: 'missing', mark: '..' })).toBe('".." (saknas)')
  })
})
