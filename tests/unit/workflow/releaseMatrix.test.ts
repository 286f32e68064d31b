import { describe, expect, it } from 'vitest'

import {
  availableReleaseTransitions,
  decideReleaseDelete,
  decideReleaseEdit,
  decideReleaseTransition,
  releaseStates,
  releaseTransitionIds,
  type ReleaseFacts,
  type ReleaseItemFacts,
  type ReleaseState,
  type WorkflowState,
} from '@/workflow'

import { actor, ME, NOW, roleSetNames, roleSets, SOMEONE_ELSE } from './fixtures'

/**
 * Every (situation × transition × role-set × is-editor-of-an-item) of a
 * release against a table written by hand from the decisions documented in
 * src/workflow/releaseTransitions.ts, not read from the module's data. A
 * reason is always supplied and no publish time, so only who/when/items rules
 * decide here; reasons and schedules have their own tests (releaseDecide.test.ts).
 */

type ItemsKind = 'empty' | 'ready' | 'notReady' | 'unchanged' | 'changed'

const situations = {
  'open (empty)': { state: 'open', items: 'empty' },
  'open (ready items)': { state: 'open', items: 'ready' },
  'open (item not approved)': { state: 'open', items: 'notReady' },
  'ready (empty)': { state: 'ready', items: 'empty' },
  'ready (ready items)': { state: 'ready', items: 'ready' },
  'ready (item edited since)': { state: 'ready', items: 'notReady' },
  'scheduled (ready items)': { state: 'scheduled', items: 'ready' },
  'scheduled (item edited since)': { state: 'scheduled', items: 'notReady' },
  'published (unchanged)': { state: 'published', items: 'unchanged' },
  'published (item published again)': { state: 'published', items: 'changed' },
  'failed (ready items)': { state: 'failed', items: 'ready' },
  'failed (item not approved)': { state: 'failed', items: 'notReady' },
  recalled: { state: 'recalled', items: 'unchanged' },
} as const satisfies Record<string, { state: ReleaseState; items: ItemsKind }>

type Situation = keyof typeof situations

/**
 * Codes, one per role-set in the order anonymous, editor, reviewer, admin,
 * editor+reviewer; before the bar the actor changed none of the items, after
 * it they changed the first. Y allowed · a not-authenticated · r role ·
 * s wrong-state · o read-only · e no-items · f four-eyes · i items-not-ready ·
 * c changed-since-release.
 */
const expected: Record<string, Record<Situation, string>> = {
  markReady: {
    'open (empty)': 'aeree|aeree',
    'open (ready items)': 'aYrYY|aYrYY',
    'open (item not approved)': 'airii|airii',
    'ready (empty)': 'asrss|asrss',
    'ready (ready items)': 'asrss|asrss',
    'ready (item edited since)': 'asrss|asrss',
    'scheduled (ready items)': 'asrss|asrss',
    'scheduled (item edited since)': 'asrss|asrss',
    'published (unchanged)': 'asrss|asrss',
    'published (item published again)': 'asrss|asrss',
    'failed (ready items)': 'asrss|asrss',
    'failed (item not approved)': 'asrss|asrss',
    recalled: 'asrss|asrss',
  },
  reopen: {
    'open (empty)': 'assss|assss',
    'open (ready items)': 'assss|assss',
    'open (item not approved)': 'assss|assss',
    'ready (empty)': 'aYYYY|aYYYY',
    'ready (ready items)': 'aYYYY|aYYYY',
    'ready (item edited since)': 'aYYYY|aYYYY',
    'scheduled (ready items)': 'assss|assss',
    'scheduled (item edited since)': 'assss|assss',
    'published (unchanged)': 'assss|assss',
    'published (item published again)': 'assss|assss',
    'failed (ready items)': 'aYYYY|aYYYY',
    'failed (item not approved)': 'aYYYY|aYYYY',
    recalled: 'assss|assss',
  },
  publish: {
    'open (empty)': 'arsss|arsss',
    'open (ready items)': 'arsss|arsss',
    'open (item not approved)': 'arsss|arsss',
    'ready (empty)': 'areee|areee',
    'ready (ready items)': 'arYYY|arfff',
    'ready (item edited since)': 'ariii|arfff',
    'scheduled (ready items)': 'arYYY|arfff',
    'scheduled (item edited since)': 'ariii|arfff',
    'published (unchanged)': 'arsss|arsss',
    'published (item published again)': 'arsss|arsss',
    'failed (ready items)': 'arsss|arsss',
    'failed (item not approved)': 'arsss|arsss',
    recalled: 'arsss|arsss',
  },
  cancelScheduledPublish: {
    'open (empty)': 'arsss|arsss',
    'open (ready items)': 'arsss|arsss',
    'open (item not approved)': 'arsss|arsss',
    'ready (empty)': 'arsss|arsss',
    'ready (ready items)': 'arsss|arsss',
    'ready (item edited since)': 'arsss|arsss',
    'scheduled (ready items)': 'arYYY|arYYY',
    'scheduled (item edited since)': 'arYYY|arYYY',
    'published (unchanged)': 'arsss|arsss',
    'published (item published again)': 'arsss|arsss',
    'failed (ready items)': 'arsss|arsss',
    'failed (item not approved)': 'arsss|arsss',
    recalled: 'arsss|arsss',
  },
  recall: {
    'open (empty)': 'arsss|arsss',
    'open (ready items)': 'arsss|arsss',
    'open (item not approved)': 'arsss|arsss',
    'ready (empty)': 'arsss|arsss',
    'ready (ready items)': 'arsss|arsss',
    'ready (item edited since)': 'arsss|arsss',
    'scheduled (ready items)': 'arsss|arsss',
    'scheduled (item edited since)': 'arsss|arsss',
    'published (unchanged)': 'arYYY|arYYY',
    'published (item published again)': 'arccc|arccc',
    'failed (ready items)': 'arsss|arsss',
    'failed (item not approved)': 'arsss|arsss',
    recalled: 'arsss|arsss',
  },
  // A save of the release's own fields (decideReleaseEdit).
  edit: {
    'open (empty)': 'aYrYY|aYrYY',
    'open (ready items)': 'aYrYY|aYrYY',
    'open (item not approved)': 'aYrYY|aYrYY',
    'ready (empty)': 'asrss|asrss',
    'ready (ready items)': 'asrss|asrss',
    'ready (item edited since)': 'asrss|asrss',
    'scheduled (ready items)': 'asrss|asrss',
    'scheduled (item edited since)': 'asrss|asrss',
    'published (unchanged)': 'aoroo|aoroo',
    'published (item published again)': 'aoroo|aoroo',
    'failed (ready items)': 'asrss|asrss',
    'failed (item not approved)': 'asrss|asrss',
    recalled: 'aoroo|aoroo',
  },
  // Deleting the release (decideReleaseDelete).
  delete: {
    'open (empty)': 'aYrYY|aYrYY',
    'open (ready items)': 'aYrYY|aYrYY',
    'open (item not approved)': 'aYrYY|aYrYY',
    'ready (empty)': 'aYrYY|aYrYY',
    'ready (ready items)': 'aYrYY|aYrYY',
    'ready (item edited since)': 'aYrYY|aYrYY',
    'scheduled (ready items)': 'asrss|asrss',
    'scheduled (item edited since)': 'asrss|asrss',
    'published (unchanged)': 'aoroo|aoroo',
    'published (item published again)': 'aoroo|aoroo',
    'failed (ready items)': 'aYrYY|aYrYY',
    'failed (item not approved)': 'aYrYY|aYrYY',
    recalled: 'aoroo|aoroo',
  },
}

/** Where each allowed action leads (publish without a time: now). */
const expectedTarget: Record<string, ReleaseState> = {
  markReady: 'ready',
  reopen: 'open',
  publish: 'published',
  cancelScheduledPublish: 'ready',
  recall: 'recalled',
}

const codes = {
  a: { rule: 'not-authenticated', words: /^Inloggning krävs/ },
  r: { rule: 'role', words: /^Behörighet saknas/ },
  s: { rule: 'wrong-state', words: /^Fel status/ },
  o: { rule: 'read-only', words: /^(Skrivskyddat|Kan inte raderas)/ },
  e: { rule: 'no-items', words: /^Paketet är tomt/ },
  f: { rule: 'four-eyes', words: /^Fyra ögon-principen: du har själv ändrat "Område 1"/ },
  i: { rule: 'items-not-ready', words: /^Alla områden är inte godkända: .*"Område 1": status är "Utkast"\./ },
  c: { rule: 'changed-since-release', words: /^Kan inte återkallas: "Område 2"/ },
} as const

function item(n: number, state: WorkflowState, editors: readonly string[], recall?: ReleaseItemFacts['recall']): ReleaseItemFacts {
  return { id: `a${n}`, title: `Område ${n}`, facts: { state, editors, hasLiveVersion: n % 2 === 0 }, ...(recall ? { recall } : {}) }
}

function releaseFor(situation: Situation, isAuthor: boolean): ReleaseFacts {
  const { state, items } = situations[situation]
  const firstEditors = isAuthor ? [SOMEONE_ELSE, ME] : [SOMEONE_ELSE]
  const list: Record<ItemsKind, ReleaseItemFacts[]> = {
    empty: [],
    ready: [item(1, 'approved', firstEditors), item(2, 'approved', [SOMEONE_ELSE])],
    notReady: [item(1, 'draft', firstEditors), item(2, 'approved', [SOMEONE_ELSE])],
    // After a publish nobody has edited yet: the editors list is empty, but the author case still names the actor.
    unchanged: [
      item(1, 'published', isAuthor ? [ME] : [], { hadLiveVersion: true, unchangedSinceRelease: true }),
      item(2, 'published', [], { hadLiveVersion: false, unchangedSinceRelease: true }),
    ],
    changed: [
      item(1, 'published', isAuthor ? [ME] : [], { hadLiveVersion: true, unchangedSinceRelease: true }),
      item(2, 'published', [], { hadLiveVersion: false, unchangedSinceRelease: false }),
    ],
  }
  return { name: 'Paket', state, items: list[items], scheduledFor: state === 'scheduled' ? '2030-06-02T08:00:00.000Z' : null }
}

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

function decide(cell: Cell) {
  const release = releaseFor(cell.situation, cell.isAuthor)
  const who = actor(roleSets[cell.roleSet])
  if (cell.transition === 'edit') return decideReleaseEdit({ state: release.state, actor: who })
  if (cell.transition === 'delete') return decideReleaseDelete({ state: release.state, actor: who })
  return decideReleaseTransition({ release, transition: cell.transition, actor: who, comment: 'Fel siffror i paketet.', now: NOW })
}

describe('release transition matrix', () => {
  it('covers every transition and every state, and every code is known', () => {
    expect(Object.keys(expected).sort()).toEqual([...releaseTransitionIds, 'delete'].sort())
    const covered = new Set(Object.values(situations).map((s) => s.state))
    expect([...covered].sort()).toEqual(releaseStates.map((s) => s.value).sort())
    expect(cells).toHaveLength((releaseTransitionIds.length + 1) * Object.keys(situations).length * 5 * 2)
    for (const cell of cells) expect('Yarsoefic').toContain(cell.code || '?')
  })

  it.each(cells)('$transition on $situation by $roleSet (edited an item: $isAuthor) → $code', (cell) => {
    const decision = decide(cell)
    if (cell.code === 'Y') {
      expect(decision.allowed).toBe(true)
      const target = expectedTarget[cell.transition]
      if (target) expect(decision).toMatchObject({ allowed: true, transition: cell.transition, to: target })
    } else {
      const { rule, words } = codes[cell.code as keyof typeof codes]
      expect(decision).toMatchObject({ allowed: false, rule })
      if (!decision.allowed) expect(decision.message).toMatch(words)
    }
  })

  it.each(cells.filter((cell) => cell.transition !== 'edit' && cell.transition !== 'delete'))(
    'availableReleaseTransitions agrees: $transition on $situation by $roleSet (edited an item: $isAuthor)',
    (cell) => {
      const release = releaseFor(cell.situation, cell.isAuthor)
      const shown = availableReleaseTransitions(release, actor(roleSets[cell.roleSet])).find((entry) => entry.transition.id === cell.transition)
      // A recall's refusal for items changed since is decided on the input, after the button is pressed.
      if (cell.code === 'Y' || cell.code === 'c') expect(shown).toMatchObject({ enabled: true })
      else if ('fie'.includes(cell.code)) expect(shown).toMatchObject({ enabled: false, rule: codes[cell.code as 'f' | 'i' | 'e'].rule })
      else expect(shown).toBeUndefined()
    },
  )
})
