/**
 * States of a release (publiceringspaket): the drafts of several areas,
 * published together. Shaped as { value, label } like ./states, so a Payload
 * select field can use the list as its options unchanged.
 */
export const releaseStates = Object.freeze([
  { value: 'open', label: 'Öppet' },
  { value: 'ready', label: 'Klart för publicering' },
  { value: 'scheduled', label: 'Schemalagt' },
  { value: 'published', label: 'Publicerat' },
  { value: 'failed', label: 'Misslyckat' },
  { value: 'recalled', label: 'Återkallat' },
] as const)

export type ReleaseState = (typeof releaseStates)[number]['value']

const labels = new Map<string, string>(releaseStates.map((state) => [state.value, state.label]))

export function isReleaseState(value: unknown): value is ReleaseState {
  return typeof value === 'string' && labels.has(value)
}

/** Swedish label of a release state, e.g. 'ready' → 'Klart för publicering'. */
export function releaseStateLabel(state: ReleaseState): string {
  return labels.get(state) ?? state
}

/**
 * The states in which a release holds its items: an area is in at most one
 * such release. A failed release still holds them (it is fixed and tried
 * again, or deleted); a published or recalled one is done and read-only.
 */
export const RELEASE_HOLDS_ITEMS: readonly ReleaseState[] = Object.freeze(['open', 'ready', 'scheduled', 'failed'])

/** Published and recalled releases are a record: nothing about them changes any more (a recall is the one exception, of a published one). */
export const RELEASE_READ_ONLY: readonly ReleaseState[] = Object.freeze(['published', 'recalled'])
