import { type Role } from '@/access/roles'

import { type ReleaseState } from './releaseStates'

/**
 * The release's specification table as data, read by ./releaseDecide only.
 *
 * Decided here (issue 18 left these open):
 * - Editors and admins put a release together: create it, change its name,
 *   owner, planned time and items, and mark it ready; only while it is open.
 *   A ready (or failed) release goes back to open with "Öppna igen", which
 *   any staff member may do: a reviewer who finds a problem sends it back.
 * - Reviewers and admins publish (now, or at a time: the same `publish` with
 *   `publishAt`, as for an area), cancel a scheduled publish and recall.
 * - Four-eyes per item: nobody publishes or schedules a release containing an
 *   item they changed since its last publish (its `editors`, the same list
 *   that stops them approving it), admins included.
 * - Ready means every item approved and unchanged since approval; the same
 *   is checked again when it is published (now or by the job), so an edit
 *   after approval stops the release instead of publishing unreviewed text.
 * - Recall is a takedown like an area's unpublish: a reason is required and
 *   there is no four-eyes rule (taking something down is never the risk).
 */
export const releaseTransitionIds = ['markReady', 'reopen', 'publish', 'cancelScheduledPublish', 'recall', 'edit'] as const

export type ReleaseTransitionId = (typeof releaseTransitionIds)[number]

export type ReleaseTransitionDefinition = {
  readonly id: ReleaseTransitionId
  /** Swedish button label. */
  readonly label: string
  readonly from: readonly ReleaseState[]
  readonly to: ReleaseState
  /** Any one of these roles suffices. */
  readonly roles: readonly Role[]
  /** 'action' goes through POST /api/releases/:id/workflow; 'save' is a change of the release's fields. */
  readonly trigger: 'action' | 'save'
  readonly requiresComment: boolean
  readonly commentLabel: string | null
  /** Refused to anyone who changed one of the items' drafts since its last publish. */
  readonly fourEyesPerItem: boolean
  /** Every item approved and unchanged since approval, and at least one item. */
  readonly requiresReadyItems: boolean
  /** Accepts a future `publishAt` (then the release is scheduled instead of published). */
  readonly schedulable: boolean
}

type Definition = Omit<ReleaseTransitionDefinition, 'id'>

const writers: readonly Role[] = ['editor', 'admin']
const reviewers: readonly Role[] = ['reviewer', 'admin']
const staff: readonly Role[] = ['editor', 'reviewer', 'admin']

const base = {
  trigger: 'action',
  requiresComment: false,
  commentLabel: null,
  fourEyesPerItem: false,
  requiresReadyItems: false,
  schedulable: false,
} as const

const definitions: Record<ReleaseTransitionId, Definition> = {
  markReady: { ...base, label: 'Markera som klart', from: ['open'], to: 'ready', roles: writers, requiresReadyItems: true },
  reopen: { ...base, label: 'Öppna paketet igen', from: ['ready', 'failed'], to: 'open', roles: staff },
  publish: {
    ...base,
    label: 'Publicera paketet',
    from: ['ready', 'scheduled'],
    to: 'published',
    roles: reviewers,
    fourEyesPerItem: true,
    requiresReadyItems: true,
    schedulable: true,
  },
  cancelScheduledPublish: { ...base, label: 'Avbryt schemalagd publicering', from: ['scheduled'], to: 'ready', roles: reviewers },
  recall: { ...base, label: 'Återkalla paketet', from: ['published'], to: 'recalled', roles: reviewers, requiresComment: true, commentLabel: 'Anledning' },
  edit: { ...base, label: 'Ändra paketet', from: ['open'], to: 'open', roles: writers, trigger: 'save' },
}

export const releaseTransitionById: Readonly<Record<ReleaseTransitionId, ReleaseTransitionDefinition>> = Object.freeze(
  Object.fromEntries(releaseTransitionIds.map((id) => [id, Object.freeze({ id, ...definitions[id] })])) as Record<
    ReleaseTransitionId,
    ReleaseTransitionDefinition
  >,
)

/** In button order. */
export const releaseTransitions: readonly ReleaseTransitionDefinition[] = Object.freeze(releaseTransitionIds.map((id) => releaseTransitionById[id]))

export function isReleaseTransitionId(value: unknown): value is ReleaseTransitionId {
  return typeof value === 'string' && (releaseTransitionIds as readonly string[]).includes(value)
}
