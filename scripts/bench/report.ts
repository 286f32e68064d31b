/** Pure helpers of `npm run bench`: ratios and the printed table. */

export type Measurement = { name: string; requestsPerSecond: number; p50: number; p99: number; statusOk: boolean }

export const ratio = (value: number, ceiling: number): number => (ceiling > 0 ? value / ceiling : 0)

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width))

/** A Markdown table (readable in a terminal and pasteable into docs/benchmarks.md). */
export function formatTable(rows: readonly Measurement[], ceiling: Measurement): string {
  const header = ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'ratio to ceiling']
  const lines = [ceiling, ...rows].map((row) => [
    row.statusOk ? row.name : `${row.name} (!) oväntad status`,
    Math.round(row.requestsPerSecond).toString(),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    ratio(row.requestsPerSecond, ceiling.requestsPerSecond).toFixed(2),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)))
  const format = (cells: string[]) => `| ${cells.map((cell, column) => pad(cell, widths[column]!, column > 0)).join(' | ')} |`
  return [format(header), `|${widths.map((width, column) => (column > 0 ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2))).join('|')}|`, ...lines.map(format)].join('\n')
}

export const cachedPageRatioLine = (cachedPage: Measurement, ceiling: Measurement): string =>
  `cached-page-ratio: ${ratio(cachedPage.requestsPerSecond, ceiling.requestsPerSecond).toFixed(2)}`
