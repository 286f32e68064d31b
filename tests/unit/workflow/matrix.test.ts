import { describe, expect, it } from 'vitest'

import {
  availableTransitions,
  decideTransition,
  transitionIds,
  workflowStates,
  type WorkflowDocFacts,
  type WorkflowState,
} from '@/workflow'

import { actor, LATER, ME, NOW, roleSetNames, roleSets, SOMEONE_ELSE } from './fixtures'

/**
 * Every (situation × transition × role-set × is-author) against a table
 * written by hand from the specification, not read from the module's data.
 * A comment is always supplied and no publish time, so only who/when rules
 * decide here; comment and schedule rules have their own tests.
 */

const situations = {
  draft: { state: 'draft', hasLiveVersion: false },
  'draft+live': { state: 'draft', hasLiveVersion: true },
  inReview: { state: 'inReview', hasLiveVersion: false },
  'inReview+live': { state: 'inReview', hasLiveVersion: true },
  changesRequested: { state: 'changesRequested', hasLiveVersion: false },
  'changesRequested+live': { state: 'changesRequested', hasLiveVersion: true },
  approved: { state: 'approved', hasLiveVersion: false },
  'approved+live': { state: 'approved', hasLiveVersion: true },
  'approved+scheduled': { state: 'approved', hasLiveVersion: false, scheduledPublishAt: LATER },
  published: { state: 'published', hasLiveVersion: true },
  'published+unpublishScheduled': { state: 'published', hasLiveVersion: true, scheduledUnpublishAt: LATER },
  unpublished: { state: 'unpublished', hasLiveVersion: false },
} as const satisfies Record<string, Omit<WorkflowDocFacts, 'editors'>>

type Situation = keyof typeof situations

/**
 * Codes, one per role-set in the order anonymous, editor, reviewer, admin,
 * editor+reviewer; before the bar the actor did not edit the draft, after it
 * they did. Y allowed · a not-authenticated · r role · s wrong-state ·
 * l no-live-version · n not-scheduled · u not-scheduled-unpublish · f four-eyes.
 */
const expected: Record<string, Record<Situation, string>> = {
  submit: {
    draft: 'aYrYY|aYrYY',
    'draft+live': 'aYrYY|aYrYY',
    inReview: 'asrss|asrss',
    'inReview+live': 'asrss|asrss',
    changesRequested: 'asrss|asrss',
    'changesRequested+live': 'asrss|asrss',
    approved: 'asrss|asrss',
    'approved+live': 'asrss|asrss',
    'approved+scheduled': 'asrss|asrss',
    published: 'asrss|asrss',
    'published+unpublishScheduled': 'asrss|asrss',
    unpublished: 'asrss|asrss',
  },
  withdraw: {
    draft: 'asrss|asrss',
    'draft+live': 'asrss|asrss',
    inReview: 'aYrYY|aYrYY',
    'inReview+live': 'aYrYY|aYrYY',
    changesRequested: 'asrss|asrss',
    'changesRequested+live': 'asrss|asrss',
    approved: 'asrss|asrss',
    'approved+live': 'asrss|asrss',
    'approved+scheduled': 'asrss|asrss',
    published: 'asrss|asrss',
    'published+unpublishScheduled': 'asrss|asrss',
    unpublished: 'asrss|asrss',
  },
  requestChanges: {
    draft: 'arsss|arsss',
    'draft+live': 'arsss|arsss',
    inReview: 'arYYY|arYYY',
    'inReview+live': 'arYYY|arYYY',
    changesRequested: 'arsss|arsss',
    'changesRequested+live': 'arsss|arsss',
    approved: 'arsss|arsss',
    'approved+live': 'arsss|arsss',
    'approved+scheduled': 'arsss|arsss',
    published: 'arsss|arsss',
    'published+unpublishScheduled': 'arsss|arsss',
    unpublished: 'arsss|arsss',
  },
  approve: {
    draft: 'arsss|arsss',
    'draft+live': 'arsss|arsss',
    inReview: 'arYYY|arfff',
    'inReview+live': 'arYYY|arfff',
    changesRequested: 'arsss|arsss',
    'changesRequested+live': 'arsss|arsss',
    approved: 'arsss|arsss',
    'approved+live': 'arsss|arsss',
    'approved+scheduled': 'arsss|arsss',
    published: 'arsss|arsss',
    'published+unpublishScheduled': 'arsss|arsss',
    unpublished: 'arsss|arsss',
  },
  publish: {
    draft: 'arsss|arsss',
    'draft+live': 'arsss|arsss',
    inReview: 'arsss|arsss',
    'inReview+live': 'arsss|arsss',
    changesRequested: 'arsss|arsss',
    'changesRequested+live': 'arsss|arsss',
    approved: 'arYYY|arYYY',
    'approved+live': 'arYYY|arYYY',
    'approved+scheduled': 'arYYY|arYYY',
    published: 'arsss|arsss',
    'published+unpublishScheduled': 'arsss|arsss',
    unpublished: 'arsss|arsss',
  },
  cancelScheduledPublish: {
    draft: 'arsss|arsss',
    'draft+live': 'arsss|arsss',
    inReview: 'arsss|arsss',
    'inReview+live': 'arsss|arsss',
    changesRequested: 'arsss|arsss',
    'changesRequested+live': 'arsss|arsss',
    approved: 'arnnn|arnnn',
    'approved+live': 'arnnn|arnnn',
    'approved+scheduled': 'arYYY|arYYY',
    published: 'arsss|arsss',
    'published+unpublishScheduled': 'arsss|arsss',
    unpublished: 'arsss|arsss',
  },
  unpublish: {
    draft: 'arlll|arlll',
    'draft+live': 'arYYY|arYYY',
    inReview: 'arlll|arlll',
    'inReview+live': 'arYYY|arYYY',
    changesRequested: 'arlll|arlll',
    'changesRequested+live': 'arYYY|arYYY',
    approved: 'arlll|arlll',
    'approved+live': 'arYYY|arYYY',
    'approved+scheduled': 'arlll|arlll',
    published: 'arYYY|arYYY',
    'published+unpublishScheduled': 'arYYY|arYYY',
    unpublished: 'arsss|arsss',
  },
  cancelScheduledUnpublish: {
    draft: 'aruuu|aruuu',
    'draft+live': 'aruuu|aruuu',
    inReview: 'aruuu|aruuu',
    'inReview+live': 'aruuu|aruuu',
    changesRequested: 'aruuu|aruuu',
    'changesRequested+live': 'aruuu|aruuu',
    approved: 'aruuu|aruuu',
    'approved+live': 'aruuu|aruuu',
    'approved+scheduled': 'aruuu|aruuu',
    published: 'aruuu|aruuu',
    'published+unpublishScheduled': 'arYYY|arYYY',
    unpublished: 'aruuu|aruuu',
  },
  edit: {
    draft: 'aYrYY|aYrYY',
    'draft+live': 'aYrYY|aYrYY',
    inReview: 'aYrYY|aYrYY',
    'inReview+live': 'aYrYY|aYrYY',
    changesRequested: 'aYrYY|aYrYY',
    'changesRequested+live': 'aYrYY|aYrYY',
    approved: 'aYrYY|aYrYY',
    'approved+live': 'aYrYY|aYrYY',
    'approved+scheduled': 'aYrYY|aYrYY',
    published: 'aYrYY|aYrYY',
    'published+unpublishScheduled': 'aYrYY|aYrYY',
    unpublished: 'aYrYY|aYrYY',
  },
}

/** Where each allowed transition leads, from the specification; 'same' keeps the current state. */
const expectedTarget: Record<string, WorkflowState | 'same'> = {
  submit: 'inReview',
  withdraw: 'draft',
  requestChanges: 'changesRequested',
  approve: 'approved',
  publish: 'published',
  cancelScheduledPublish: 'approved',
  unpublish: 'unpublished',
  cancelScheduledUnpublish: 'same',
  edit: 'draft',
}

/** Each refusal's rule, and the words its Swedish message must name the rule with. */
const codes = {
  a: { rule: 'not-authenticated', words: /^Inloggning krävs/ },
  r: { rule: 'role', words: /^Behörighet saknas/ },
  s: { rule: 'wrong-state', words: /^Fel status/ },
  l: { rule: 'no-live-version', words: /^Ingen publicerad version/ },
  n: { rule: 'not-scheduled', words: /^Ingen schemalagd publicering/ },
  u: { rule: 'not-scheduled-unpublish', words: /^Ingen schemalagd avpublicering/ },
  f: { rule: 'four-eyes', words: /^Fyra ögon-principen/ },
} as const

/** Save-triggered transitions have no button. */
const buttonless = new Set(['edit'])

type Cell = { transition: string; situation: Situation; roleSet: (typeof roleSetNames)[number]; isAuthor: boolean; code: string }

const cells: Cell[] = Object.entries(expected).flatMap(([transition, rows]) =>
  (Object.keys(situations) as Situation[]).flatMap((situation) => {
    const [nonAuthor = '', author = ''] = rows[situation].split('|')
    return roleSetNames.flatMap((roleSet, i) => [
      { transition, situation, roleSet, isAuthor: false, code: nonAuthor.charAt(i) },
      { transition, situation, roleSet, isAuthor: true, code: author.charAt(i) },
    ])
  }),
)

function factsFor(cell: Cell): WorkflowDocFacts {
  return { ...situations[cell.situation], editors: cell.isAuthor ? [SOMEONE_ELSE, ME] : [SOMEONE_ELSE] }
}

describe('transition matrix', () => {
  it('covers every transition and every state, and every code is known', () => {
    expect(Object.keys(expected).sort()).toEqual([...transitionIds].sort())
    const covered = new Set(Object.values(situations).map((s) => s.state))
    expect([...covered].sort()).toEqual(workflowStates.map((s) => s.value).sort())
    expect(cells).toHaveLength(transitionIds.length * 12 * 5 * 2)
    for (const cell of cells) expect('Yarslnuf').toContain(cell.code || '?')
  })

  it.each(cells)('$transition on $situation by $roleSet (author: $isAuthor) → $code', (cell) => {
    const decision = decideTransition({
      doc: factsFor(cell),
      transition: cell.transition,
      actor: actor(roleSets[cell.roleSet]),
      comment: 'En kommentar',
      now: NOW,
    })
    if (cell.code === 'Y') {
      const target = expectedTarget[cell.transition]
      const to = target === 'same' ? situations[cell.situation].state : target
      expect(decision).toMatchObject({ allowed: true, transition: cell.transition, to })
      if (decision.allowed) expect(decision.effects.facts.state).toBe(to)
    } else {
      const { rule, words } = codes[cell.code as keyof typeof codes]
      expect(decision).toMatchObject({ allowed: false, rule })
      if (!decision.allowed) expect(decision.message).toMatch(words)
    }
  })

  it.each(cells.filter((cell) => !buttonless.has(cell.transition)))(
    'availableTransitions agrees: $transition on $situation by $roleSet (author: $isAuthor)',
    (cell) => {
      const shown = availableTransitions(factsFor(cell), actor(roleSets[cell.roleSet])).find(
        (entry) => entry.transition.id === cell.transition,
      )
      if (cell.code === 'Y') expect(shown).toMatchObject({ enabled: true })
      else if (cell.code === 'f') expect(shown).toMatchObject({ enabled: false, rule: 'four-eyes' })
      else expect(shown).toBeUndefined()
    },
  )
})
