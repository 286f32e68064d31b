/** A relationship may arrive populated ({ id, … }) or as a bare id: its id as a string, or null. */
export function relationId(value: unknown): string | null {
  if (value == null) return null
  return typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : String(value)
}

/** A relationship's id, whether it is stored as the id or populated as the document. */
export const idOf = (value: unknown): number | string | null =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : ((value as number | string | null) ?? null)
