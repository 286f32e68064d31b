import { describe, expect, it } from 'vitest'

import { cachedPageRatioLine, formatTable, median, ratio } from '../../../scripts/bench/report'

const row = (name: string, requestsPerSecond: number, statusOk = true) => ({ name, requestsPerSecond, p50: 1, p99: 4.25, statusOk })

describe('bench report', () => {
  it('computes ratios and medians', () => {
    expect(ratio(250, 1000)).toBe(0.25)
    expect(ratio(1, 0)).toBe(0)
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('prints a Markdown table with the ceiling first and flags unexpected statuses', () => {
    const table = formatTable([row('cached', 5000), row('stock', 400, false)], row('ceiling', 20000))
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/^\| endpoint +\| req\/s \| p50 ms \| p99 ms \| ratio to ceiling \|$/)
    expect(lines[2]).toContain('| 20000 |')
    expect(lines[3]).toMatch(/cached .*\| +0\.25 \|$/)
    expect(lines[4]).toContain('stock (!) oväntad status')
  })

  it('ends with a line a script can compare', () => {
    expect(cachedPageRatioLine(row('cached', 5123), row('ceiling', 20000))).toBe('cached-page-ratio: 0.26')
  })
})
