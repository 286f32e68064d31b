/**
 * JSON as text for the admin's own JSON fields (src/admin/JsonFields.tsx),
 * which replace Payload's JSON editor: Monaco loads its code from a public
 * CDN, and no admin page may fetch code from a third party.
 */

/** A stored value as the text shown to edit or read: indented two spaces, empty for nothing. */
export function formatJson(value: unknown): string {
  if (value === undefined || value === null) return ''
  return JSON.stringify(value, null, 2)
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string }

/** Text typed into a JSON field: its value (empty text is null), or why it is not JSON, in Swedish. */
export function parseJsonText(text: string): ParsedJson {
  if (!text.trim()) return { ok: true, value: null }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')
    const where = position ? ` (${lineAndColumn(text, Number(position[1]))})` : ''
    return { ok: false, message: `Texten är inte giltig JSON${where}. Kontrollera citattecken, kommatecken och klamrar.` }
  }
}

/** "rad 3, tecken 7" for a 0-based offset into the text. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n')
  return `rad ${before.length}, tecken ${before[before.length - 1]!.length + 1}`
}
