import { describe, expect, it } from 'vitest'

import {
  afterPublish,
  afterUnpublish,
  decideScheduledPublish,
  decideTransition,
  recordEdit,
  recordSystemEdit,
  toWorkflowActor,
  type WorkflowDocFacts,
} from '@/workflow'

import { actor, doc, LATER, NOW } from './fixtures'

describe('recordEdit', () => {
  it.each(['draft', 'inReview', 'changesRequested', 'approved', 'published', 'unpublished'] as const)(
    'a content save on %s gives a draft',
    (state) => {
      expect(recordEdit(doc({ state, editors: [] }), 'e1').state).toBe('draft')
    },
  )

  it('adds the editor once, comparing ids as strings, and keeps the order', () => {
    let facts = recordEdit(doc({ state: 'draft', editors: [] }), 5)
    facts = recordEdit(facts, 'e2')
    facts = recordEdit(facts, '5')
    facts = recordEdit(facts, 'e2')
    expect(facts.editors).toEqual([5, 'e2'])
  })

  it('keeps the live page beside the new draft', () => {
    const facts = recordEdit(doc({ state: 'published', hasLiveVersion: true, editors: [] }), 'e1')
    expect(facts).toEqual({ state: 'draft', editors: ['e1'], hasLiveVersion: true, scheduledPublishAt: null })
  })

  it('drops a scheduled publish: what was approved is no longer what would go live', () => {
    const facts = recordEdit(doc({ state: 'approved', scheduledPublishAt: LATER }), 'e1')
    expect(facts.scheduledPublishAt).toBeNull()
    expect(decideScheduledPublish({ doc: facts, now: '2031-01-01T00:00:00Z' })).toMatchObject({ allowed: false })
  })

  it('does not change its input', () => {
    const input: WorkflowDocFacts = Object.freeze({ state: 'approved', editors: Object.freeze(['a']), hasLiveVersion: false })
    recordEdit(input, 'b')
    expect(input).toEqual({ state: 'approved', editors: ['a'], hasLiveVersion: false })
  })

  it('is what the edit transition stores', () => {
    const before = doc({ state: 'inReview', editors: ['e1'] })
    expect(decideTransition({ doc: before, transition: 'edit', actor: actor(['editor'], 'e2') })).toMatchObject({
      allowed: true,
      to: 'draft',
      effects: { facts: recordEdit(before, 'e2'), live: 'keep' },
    })
  })
})

describe('recordSystemEdit', () => {
  it.each(['draft', 'inReview', 'changesRequested', 'approved', 'published', 'unpublished'] as const)(
    'a draft the system writes on %s gives a draft, with nobody recorded as its editor',
    (state) => {
      const facts = recordSystemEdit(doc({ state, editors: ['e1'], hasLiveVersion: true }))
      expect(facts).toMatchObject({ state: 'draft', editors: ['e1'], hasLiveVersion: true, scheduledPublishAt: null })
    },
  )

  it('drops a scheduled publish of what was approved before the import', () => {
    const facts = recordSystemEdit(doc({ state: 'approved', scheduledPublishAt: LATER }))
    expect(decideScheduledPublish({ doc: facts, now: '2031-01-01T00:00:00Z' })).toMatchObject({ allowed: false })
  })

  it('leaves the editor who confirms the imported bullets free to be recorded by their own save', () => {
    const facts = recordEdit(recordSystemEdit(doc({ state: 'published', editors: [] })), 'e2')
    expect(facts.editors).toEqual(['e2'])
  })
})

describe('afterPublish and afterUnpublish', () => {
  it('afterPublish: published, live, editors reset, schedule cleared', () => {
    expect(afterPublish(doc({ state: 'approved', editors: ['a', 'b'], scheduledPublishAt: LATER }))).toEqual({
      state: 'published',
      editors: [],
      hasLiveVersion: true,
      scheduledPublishAt: null,
    })
  })

  it('afterUnpublish: nothing live, state unpublished, editors kept', () => {
    expect(afterUnpublish(doc({ state: 'published', hasLiveVersion: true, editors: [] }))).toEqual({
      state: 'unpublished',
      editors: [],
      hasLiveVersion: false,
      scheduledPublishAt: null,
      scheduledUnpublishAt: null,
    })
  })

  it('a takedown beside a pending draft voids its approval and its schedule', () => {
    const pending = doc({ state: 'approved', hasLiveVersion: true, editors: ['e1'], scheduledPublishAt: LATER })
    expect(afterUnpublish(pending)).toEqual({
      state: 'unpublished',
      editors: ['e1'],
      hasLiveVersion: false,
      scheduledPublishAt: null,
      scheduledUnpublishAt: null,
    })
    const decision = decideTransition({ doc: pending, transition: 'unpublish', actor: actor(['reviewer']), comment: 'Fel' })
    expect(decision).toMatchObject({ allowed: true, effects: { facts: afterUnpublish(pending), live: 'remove', comment: 'Fel' } })
  })

  it('an unpublished page goes back through edit → review → approval → publish', () => {
    const editor = actor(['editor'], 'e1')
    const reviewer = actor(['reviewer'], 'r1')
    let facts = afterUnpublish(doc({ state: 'published', hasLiveVersion: true, editors: [] }))
    const steps = [
      { transition: 'edit', actor: editor, expect: 'draft' },
      { transition: 'submit', actor: editor, expect: 'inReview' },
      { transition: 'approve', actor: reviewer, expect: 'approved' },
      { transition: 'publish', actor: reviewer, expect: 'published' },
    ] as const
    for (const step of steps) {
      const decision = decideTransition({ doc: facts, transition: step.transition, actor: step.actor })
      if (!decision.allowed) throw new Error(`${step.transition}: ${decision.message}`)
      facts = decision.effects.facts
      expect(facts.state).toBe(step.expect)
    }
    expect(facts).toMatchObject({ hasLiveVersion: true, editors: [] })
  })
})

describe('decideScheduledPublish (the job, no user)', () => {
  const scheduled = doc({ state: 'approved', scheduledPublishAt: LATER })

  it('publishes when the time has come', () => {
    expect(decideScheduledPublish({ doc: scheduled, now: LATER })).toMatchObject({
      allowed: true,
      to: 'published',
      effects: { facts: afterPublish(scheduled), live: 'replaceWithWorkingCopy' },
    })
  })

  it('waits before the time', () => {
    expect(decideScheduledPublish({ doc: scheduled, now: NOW })).toMatchObject({ allowed: false, rule: 'not-due' })
  })

  it('refuses when nothing is scheduled or the document is no longer approved', () => {
    expect(decideScheduledPublish({ doc: doc({ state: 'approved' }), now: LATER })).toMatchObject({ rule: 'not-scheduled' })
    expect(decideScheduledPublish({ doc: { ...scheduled, state: 'draft' }, now: LATER })).toMatchObject({ rule: 'not-approved' })
  })
})

describe('toWorkflowActor', () => {
  it('maps Payload users and drops unknown roles', () => {
    expect(toWorkflowActor(null)).toBeNull()
    expect(toWorkflowActor(undefined)).toBeNull()
    expect(toWorkflowActor({ id: 3, roles: ['reviewer', 'superuser'] })).toEqual({ id: 3, roles: ['reviewer'] })
    expect(toWorkflowActor({ id: 'x', roles: null })).toEqual({ id: 'x', roles: [] })
  })

  it('a signed-in user without roles may do nothing', () => {
    const nobody = toWorkflowActor({ id: 'x' })
    expect(decideTransition({ doc: doc({ state: 'draft' }), transition: 'edit', actor: nobody })).toMatchObject({ rule: 'role' })
  })
})
