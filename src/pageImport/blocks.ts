/**
 * First pass of the parser: the file's lines grouped into blocks. Blank lines
 * separate paragraphs; a bullet line always starts a block of its own (in 003
 * bullets and answers follow each other without blank lines); marker lines
 * (result headings, "Fler sidor inom …", "Övriga länkar", the dates) are
 * blocks of one line.
 */
import type { ResultLead } from '@/domain/resultSets'

/** One line of the file: text trimmed, `indented` if the raw line began with whitespace. */
export type SourceLine = { text: string; line: number; indented: boolean }

export type Block =
  | { kind: 'paragraph'; lines: SourceLine[]; line: number }
  | { kind: 'bullet'; lines: SourceLine[]; line: number }
  | { kind: 'resultHeading'; year: number | null; lead: ResultLead; line: number }
  | { kind: 'sectionMarker'; title: string; line: number }
  | { kind: 'otherLinksHeading'; line: number }
  | { kind: 'date'; field: 'lastUpdated' | 'published'; value: string; text: string; line: number }

/** Comparisons ignore Unicode normal form and case; the text itself is kept as written. */
export const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv')

// \s covers the non-breaking space of "2018 års resultat" in 001 and 003.
// Markers are matched on the NFC form, so a file saved decomposed still parses.
const RESULT_HEADING = /^(?:årets|(\d{4})\s+års)\s+resultat\s+visar\s+(att|bland\s+annat)\s*:$/iu
const SECTION_MARKER = /^fler sidor inom\s+(.+)$/iu
const OTHER_LINKS = /^övriga länkar:?$/iu
const DATE_LINE = /^(senast uppdaterad|publicerad)\s*:\s*(.*)$/iu
export const BULLET = /^•/u

export function splitLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ text: raw.trim(), line: index + 1, indented: /^\s/u.test(raw) }))
}

function markerBlock(source: SourceLine): Block | null {
  const text = source.text.normalize('NFC')
  const heading = RESULT_HEADING.exec(text)
  if (heading) {
    const lead: ResultLead = fold(heading[2] ?? '') === 'att' ? 'visar att' : 'visar bland annat'
    return { kind: 'resultHeading', year: heading[1] ? Number(heading[1]) : null, lead, line: source.line }
  }
  const section = SECTION_MARKER.exec(text)
  if (section) {
    // "Fler sidor inom jämförelser, …" names the section in lower case; its title is capitalised.
    const rest = (section[1] ?? '').trim()
    return { kind: 'sectionMarker', title: rest.charAt(0).toLocaleUpperCase('sv') + rest.slice(1), line: source.line }
  }
  if (OTHER_LINKS.test(text)) return { kind: 'otherLinksHeading', line: source.line }
  const date = DATE_LINE.exec(text)
  if (date) {
    const field = fold(date[1] ?? '') === 'publicerad' ? 'published' : 'lastUpdated'
    return { kind: 'date', field, value: (date[2] ?? '').trim(), text: source.text, line: source.line }
  }
  return null
}

export function toBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = []
  let open: Extract<Block, { lines: SourceLine[] }> | null = null
  for (const source of lines) {
    if (source.text === '') {
      open = null
      continue
    }
    const marker = markerBlock(source)
    if (marker) {
      blocks.push(marker)
      open = null
    } else if (BULLET.test(source.text)) {
      open = { kind: 'bullet', lines: [source], line: source.line }
      blocks.push(open)
    } else if (open) {
      open.lines.push(source)
    } else {
      open = { kind: 'paragraph', lines: [source], line: source.line }
      blocks.push(open)
    }
  }
  return blocks
}
