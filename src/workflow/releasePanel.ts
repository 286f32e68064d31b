import { availableReleaseTransitions, itemsEditedBy, releaseItemProblems, type ReleaseFacts, type ReleaseItemFacts } from './releaseDecide'
import { releaseStateLabel, type ReleaseState } from './releaseStates'
import { type ReleaseTransitionId } from './releaseTransitions'
import { stateLabel } from './states'
import { type WorkflowActor } from './types'

type ItemId = string | number

export type ReleasePanelItem = {
  id: ItemId
  title: string
  slug: string
  /** The item's own workflow state, in Swedish. */
  stateLabel: string
  /** Approved and unchanged since approval (or, once published, simply where it stands). */
  ready: boolean
  /** Why it is not ready, in Swedish; null when it is. */
  problem: string | null
  /** The viewer changed this item since its last publish: they may not publish the release (four eyes). */
  changedByViewer: boolean
}

export type ReleasePanelAction = {
  id: ReleaseTransitionId
  label: string
  enabled: boolean
  /** Why it is shown but not allowed now; null when enabled. */
  message: string | null
  requiresComment: boolean
  commentLabel: string | null
  schedulable: boolean
}

/** What the release's edit view shows: the same decisions the server takes, for this viewer. */
export type ReleasePanel = {
  state: ReleaseState
  stateLabel: string
  scheduledFor: string | null
  items: ReleasePanelItem[]
  actions: ReleasePanelAction[]
}

/**
 * The release panel as data, from the release's facts and the viewer: the
 * buttons are availableReleaseTransitions (the server decides again on each
 * click), each item's readiness is releaseItemProblems. Nothing is decided
 * here that the workflow does not decide.
 */
export function releasePanel(release: Omit<ReleaseFacts, 'items'> & { items: readonly (ReleaseItemFacts & { slug: string })[] }, viewer: WorkflowActor): ReleasePanel {
  const done = release.state === 'published' || release.state === 'recalled'
  const problems = new Map(releaseItemProblems(release.items).map((problem) => [String(problem.id), problem.reason]))
  const changed = new Set(viewer ? itemsEditedBy(release.items, viewer).map((item) => String(item.id)) : [])
  return {
    state: release.state,
    stateLabel: releaseStateLabel(release.state),
    scheduledFor: release.scheduledFor ?? null,
    items: release.items.map((item) => {
      const problem = done ? null : (problems.get(String(item.id)) ?? null)
      return {
        id: item.id,
        title: item.title,
        slug: item.slug,
        stateLabel: item.inTrash ? 'I papperskorgen' : stateLabel(item.facts.state),
        ready: problem === null,
        problem,
        changedByViewer: changed.has(String(item.id)),
      }
    }),
    actions: availableReleaseTransitions(release, viewer).map((option) => ({
      id: option.transition.id,
      label: option.transition.label,
      enabled: option.enabled,
      message: option.enabled ? null : option.message,
      requiresComment: option.transition.requiresComment,
      commentLabel: option.transition.commentLabel,
      schedulable: option.transition.schedulable,
    })),
  }
}
