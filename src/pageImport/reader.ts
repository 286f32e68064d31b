import { PageParseError } from './errors'
import { findSuspectedHyphens } from './hyphens'
import type { ParseWarning, WarningCode } from './schema'
import type { SourceLine } from './blocks'

/** Collects warnings and scans every text taken from the file for hyphen artifacts. */
export class Reader {
  readonly warnings: ParseWarning[] = []

  constructor(readonly sourceName: string) {}

  warn(line: number, code: WarningCode, message: string) {
    this.warnings.push({ line, code, message })
  }

  fail(line: number, message: string): never {
    throw new PageParseError(this.sourceName, line, message)
  }

  /** The lines of one paragraph as one text: hard line breaks become one space, and are reported. */
  take(lines: readonly SourceLine[]): string {
    const first = lines[0]
    const last = lines.at(-1)
    if (!first || !last) return ''
    const text = lines.map((source) => source.text).join(' ')
    if (lines.length > 1) {
      this.warn(
        first.line,
        'joined-lines',
        `Stycket på rad ${first.line}–${last.line} var radbrutet; raderna har slagits ihop med mellanslag. Kontrollera texten.`,
      )
    }
    let offset = 0
    const starts = lines.map((source) => {
      const start = { offset, line: source.line }
      offset += source.text.length + 1
      return start
    })
    for (const suspect of findSuspectedHyphens(text)) {
      const line = starts.filter((start) => start.offset <= suspect.index).at(-1)?.line ?? first.line
      this.warn(line, 'suspected-hyphen', `Möjligt avstavningsfel på rad ${line}: "${suspect.word}". Texten har inte ändrats.`)
    }
    return text
  }
}
