import { actorHasRoleFor, checkPreconditions } from './decide'
import { transitionById, transitions, type TransitionDefinition } from './transitions'
import { type DenyRule, type WorkflowActor, type WorkflowDocFacts } from './types'

/**
 * One button for the admin UI. A button is shown enabled when the actor may
 * press it now (comment/time are asked for on click), and shown disabled only
 * when the four-eyes rule stops this person: the user should see that approval
 * exists but must come from someone else. Every other refusal hides the button.
 */
export type AvailableTransition =
  | { transition: TransitionDefinition; enabled: true }
  | { transition: TransitionDefinition; enabled: false; rule: DenyRule; message: string }

const shownDisabled: readonly DenyRule[] = ['four-eyes']

export function availableTransitions(doc: WorkflowDocFacts, actor: WorkflowActor): AvailableTransition[] {
  const result: AvailableTransition[] = []
  for (const transition of transitions) {
    if (transition.trigger !== 'action') continue
    const refused = checkPreconditions(doc, transition, actor)
    if (!refused) result.push({ transition, enabled: true })
    else if (shownDisabled.includes(refused.rule)) {
      result.push({ transition, enabled: false, rule: refused.rule, message: refused.message })
    }
  }
  return result
}

/** Whether the actor may change content at all (form read-only otherwise). */
export function canEditContent(actor: WorkflowActor): boolean {
  return actorHasRoleFor(actor, transitionById.edit)
}

/** Whether the actor holds a role that may publish (and unpublish). */
export function canPublish(actor: WorkflowActor): boolean {
  return actorHasRoleFor(actor, transitionById.publish)
}
