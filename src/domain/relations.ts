/** A relationship may arrive populated ({ id, … }) or as a bare id: its id as a string, or null. */
export function relationId(value: unknown): string | null {
  if (value == null) return null
  return typeof value === 'object' && 'id' in value ? String((value as { id: unknown }).id) : String(value)
}
