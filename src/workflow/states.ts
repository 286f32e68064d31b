/**
 * Workflow states of a document's working copy. Shaped as { value, label } so
 * a Payload select field can use the list as its options unchanged.
 *
 * A page that is live and also has a newer draft carries two facts: the state
 * of the working copy (e.g. 'draft') and `hasLiveVersion: true`. The state
 * never describes the live version, so 'published' means "the working copy is
 * the live version", not merely "something is live".
 */
export const workflowStates = Object.freeze([
  { value: 'draft', label: 'Utkast' },
  { value: 'inReview', label: 'Granskas' },
  { value: 'changesRequested', label: 'Ändringar begärda' },
  { value: 'approved', label: 'Godkänd' },
  { value: 'published', label: 'Publicerad' },
  { value: 'unpublished', label: 'Avpublicerad' },
] as const)

export type WorkflowState = (typeof workflowStates)[number]['value']

const labels = new Map<string, string>(workflowStates.map((state) => [state.value, state.label]))

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && labels.has(value)
}

/** Swedish label of a state, e.g. 'inReview' → 'Granskas'. */
export function stateLabel(state: WorkflowState): string {
  return labels.get(state) ?? state
}
