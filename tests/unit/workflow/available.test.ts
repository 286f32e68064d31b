import { describe, expect, it } from 'vitest'

import { availableTransitions, canEditContent, canPublish, type WorkflowActor, type WorkflowDocFacts } from '@/workflow'

import { actor, doc, LATER, roleSetNames, roleSets } from './fixtures'

/** [id, enabled] pairs, in button order. */
const buttons = (facts: WorkflowDocFacts, who: WorkflowActor) =>
  availableTransitions(facts, who).map((entry) => [entry.transition.id, entry.enabled])

describe('availableTransitions', () => {
  it('anonymous sees nothing', () => {
    expect(buttons(doc({ state: 'inReview', hasLiveVersion: true }), null)).toEqual([])
  })

  it('an editor on a draft sees "Skicka till granskning"', () => {
    const [only, ...rest] = availableTransitions(doc({ state: 'draft' }), actor(['editor']))
    expect(rest).toEqual([])
    expect(only).toMatchObject({ enabled: true, transition: { id: 'submit', label: 'Skicka till granskning', to: 'inReview' } })
  })

  it('the admin who edited sees approve disabled with the four-eyes reason', () => {
    const list = availableTransitions(doc({ state: 'inReview', editors: ['a1'] }), actor(['admin'], 'a1'))
    expect(list.map((entry) => [entry.transition.id, entry.enabled])).toEqual([
      ['withdraw', true],
      ['requestChanges', true],
      ['approve', false],
    ])
    expect(list[2]).toMatchObject({ rule: 'four-eyes', message: expect.stringMatching(/^Fyra ögon-principen/) })
  })

  it('a reviewer who did not edit sees request changes (asks for a comment) and approve', () => {
    const list = availableTransitions(doc({ state: 'inReview' }), actor(['reviewer']))
    expect(list.map((entry) => [entry.transition.id, entry.enabled, entry.transition.requiresComment])).toEqual([
      ['requestChanges', true, true],
      ['approve', true, false],
    ])
  })

  it('an admin on a scheduled, approved draft beside a live page sees publish, cancel and unpublish', () => {
    const facts = doc({ state: 'approved', hasLiveVersion: true, scheduledPublishAt: LATER })
    expect(buttons(facts, actor(['admin']))).toEqual([
      ['publish', true],
      ['cancelScheduledPublish', true],
      ['unpublish', true],
    ])
    expect(availableTransitions(facts, actor(['admin']))[0]?.transition.schedulable).toBe(true)
  })

  it('editing is a save, never a button', () => {
    expect(buttons(doc({ state: 'published', hasLiveVersion: true }), actor(['editor']))).toEqual([])
    expect(buttons(doc({ state: 'published', hasLiveVersion: true }), actor(['reviewer']))).toEqual([['unpublish', true]])
  })
})

describe('canEditContent and canPublish', () => {
  const table: Record<(typeof roleSetNames)[number], [edit: boolean, publish: boolean]> = {
    anonymous: [false, false],
    editor: [true, false],
    reviewer: [false, true],
    admin: [true, true],
    editorReviewer: [true, true],
  }

  it.each(roleSetNames)('%s', (name) => {
    const who = actor(roleSets[name])
    expect([canEditContent(who), canPublish(who)]).toEqual(table[name])
  })

  it('an actor with no roles may do neither', () => {
    expect([canEditContent(actor([])), canPublish(actor([]))]).toEqual([false, false])
  })
})
