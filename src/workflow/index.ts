/**
 * The editorial workflow: states, transitions, roles and the four-eyes rule as
 * data plus pure functions. Hooks, endpoints and admin components call these
 * and never decide on their own. No Payload imports and no I/O here.
 */
export { workflowStates, stateLabel, isWorkflowState, type WorkflowState } from './states'
export {
  transitions,
  transitionById,
  transitionIds,
  isTransitionId,
  type TransitionId,
  type TransitionDefinition,
} from './transitions'
export type {
  ActorId,
  WorkflowActor,
  WorkflowDocFacts,
  DenyRule,
  TransitionEffects,
  TransitionDecision,
  Allowed,
  Denied,
} from './types'
export { sameId, isEditorOf, recordEdit, recordSystemEdit, afterPublish, afterUnpublish, toWorkflowActor } from './facts'
export {
  decideTransition,
  decideDirectPublish,
  decideScheduledPublish,
  decideScheduledUnpublish,
  checkPreconditions,
  actorHasRoleFor,
  type DecideTransitionInput,
} from './decide'
export { availableTransitions, canEditContent, canPublish, type AvailableTransition } from './available'
export { messages } from './messages'
