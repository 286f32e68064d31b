import { type Role } from '@/access/roles'

import { type WorkflowState } from './states'

/**
 * The specification table as data. Decisions (./decide) read only this, so a
 * rule changes here and nowhere else.
 *
 * Cases the specification left open, decided the way a mature CMS would:
 * - edit is a transition from every state: a content save always yields a
 *   draft, so any review or approval of the old content is void (inReview,
 *   changesRequested, approved → draft; draft stays draft; unpublished → draft
 *   and must be reviewed again; published → a new draft beside the live page).
 * - withdraw: an editor pulls a submission back (inReview → draft) without
 *   changing content. Any editor may, not only the submitter: the facts do not
 *   record who submitted, editors share drafts, and nothing goes live.
 * - cancelScheduledPublish keeps the document approved; only a publisher may.
 * - unpublish can be scheduled (a future `publishAt` = when to take the page
 *   down): the same who/when/reason rules apply when it is scheduled, and
 *   nothing changes but the stored time until the job runs.
 * - cancelScheduledUnpublish: a publisher may cancel a scheduled takedown
 *   from any state; the working copy keeps its state.
 * - unpublish is a takedown: allowed from every state while a live version
 *   exists, with no four-eyes. It also voids a pending draft's review, so the
 *   working copy becomes 'unpublished' and must go through review again.
 * - four-eyes applies to approve only. Publish needs no second check: an
 *   approval is void as soon as content changes, so what is published is
 *   exactly what someone other than its editors approved.
 */
export const transitionIds = [
  'submit',
  'withdraw',
  'requestChanges',
  'approve',
  'publish',
  'cancelScheduledPublish',
  'unpublish',
  'cancelScheduledUnpublish',
  'edit',
] as const

export type TransitionId = (typeof transitionIds)[number]

export type TransitionDefinition = {
  readonly id: TransitionId
  /** Swedish button label. */
  readonly label: string
  readonly from: readonly WorkflowState[]
  /** Where the working copy goes; ignored when `keepsState` (the state is then unchanged). */
  readonly to: WorkflowState
  /** The working copy keeps whatever state it has (cancelScheduledUnpublish). */
  readonly keepsState: boolean
  /** Any one of these roles suffices. */
  readonly roles: readonly Role[]
  /** 'action' is a workflow button; 'save' happens when content is saved (no button). */
  readonly trigger: 'action' | 'save'
  readonly requiresComment: boolean
  /** Swedish name of the comment field ("Kommentar", "Anledning"), null when none is asked for. */
  readonly commentLabel: string | null
  /** Nobody who edited the draft since the last publish may make it, admins included. */
  readonly fourEyes: boolean
  readonly requiresLiveVersion: boolean
  /** Only meaningful while a publish is scheduled. */
  readonly requiresSchedule: boolean
  /** Only meaningful while an unpublish is scheduled. */
  readonly requiresScheduledUnpublish: boolean
  /** Accepts a future `publishAt` (for unpublish: when to take the page down). */
  readonly schedulable: boolean
}

type Definition = Omit<TransitionDefinition, 'id'>

const allStates: readonly WorkflowState[] = ['draft', 'inReview', 'changesRequested', 'approved', 'published', 'unpublished']
const writers: readonly Role[] = ['editor', 'admin']
const reviewers: readonly Role[] = ['reviewer', 'admin']

const base = {
  trigger: 'action',
  requiresComment: false,
  commentLabel: null,
  fourEyes: false,
  requiresLiveVersion: false,
  requiresSchedule: false,
  requiresScheduledUnpublish: false,
  schedulable: false,
  keepsState: false,
} as const

const definitions: Record<TransitionId, Definition> = {
  submit: { ...base, label: 'Skicka till granskning', from: ['draft'], to: 'inReview', roles: writers },
  withdraw: { ...base, label: 'Dra tillbaka från granskning', from: ['inReview'], to: 'draft', roles: writers },
  requestChanges: {
    ...base,
    label: 'Begär ändringar',
    from: ['inReview'],
    to: 'changesRequested',
    roles: reviewers,
    requiresComment: true,
    commentLabel: 'Kommentar',
  },
  approve: { ...base, label: 'Godkänn', from: ['inReview'], to: 'approved', roles: reviewers, fourEyes: true },
  publish: { ...base, label: 'Publicera', from: ['approved'], to: 'published', roles: reviewers, schedulable: true },
  cancelScheduledPublish: {
    ...base,
    label: 'Avbryt schemalagd publicering',
    from: ['approved'],
    to: 'approved',
    roles: reviewers,
    requiresSchedule: true,
  },
  unpublish: {
    ...base,
    label: 'Avpublicera',
    from: allStates.filter((state) => state !== 'unpublished'),
    to: 'unpublished',
    roles: reviewers,
    requiresComment: true,
    commentLabel: 'Anledning',
    requiresLiveVersion: true,
    schedulable: true,
  },
  cancelScheduledUnpublish: {
    ...base,
    label: 'Avbryt schemalagd avpublicering',
    from: allStates,
    to: 'published',
    keepsState: true,
    roles: reviewers,
    requiresScheduledUnpublish: true,
  },
  edit: { ...base, label: 'Redigera', from: allStates, to: 'draft', roles: writers, trigger: 'save' },
}

export const transitionById: Readonly<Record<TransitionId, TransitionDefinition>> = Object.freeze(
  Object.fromEntries(transitionIds.map((id) => [id, Object.freeze({ id, ...definitions[id] })])) as Record<
    TransitionId,
    TransitionDefinition
  >,
)

/** In button order. */
export const transitions: readonly TransitionDefinition[] = Object.freeze(transitionIds.map((id) => transitionById[id]))

export function isTransitionId(value: unknown): value is TransitionId {
  return typeof value === 'string' && (transitionIds as readonly string[]).includes(value)
}
