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

// Releases (publiceringspaket): several areas' drafts published together, by the same rules.
export { releaseStates, releaseStateLabel, isReleaseState, RELEASE_HOLDS_ITEMS, RELEASE_READ_ONLY, type ReleaseState } from './releaseStates'
export {
  releaseTransitions,
  releaseTransitionById,
  releaseTransitionIds,
  isReleaseTransitionId,
  type ReleaseTransitionId,
  type ReleaseTransitionDefinition,
} from './releaseTransitions'
export {
  decideReleaseTransition,
  decideScheduledReleasePublish,
  decideReleaseEdit,
  decideReleaseDelete,
  availableReleaseTransitions,
  checkReleasePreconditions,
  releaseItemProblems,
  itemsEditedBy,
  releaseActorHasRoleFor,
  type ReleaseFacts,
  type ReleaseItemFacts,
  type ReleaseItemPlan,
  type ReleaseItemProblem,
  type ReleaseItemProblemCode,
  type ReleaseAllowed,
  type ReleaseDenied,
  type ReleaseDecision,
  type ReleaseDenyRule,
  type AvailableReleaseTransition,
  type DecideReleaseTransitionInput,
} from './releaseDecide'
export { releaseMessages } from './releaseMessages'
export { releasePanel, type ReleasePanel, type ReleasePanelAction, type ReleasePanelItem } from './releasePanel'
export { releaseBlockers, blockerLines, dueReleaseWarning, leadLabel, type ReleaseBlocker, type ReleaseBlockerCode } from './releaseWarnings'
