import { describe, expect, it } from 'vitest'

import { afterPublish, decideTransition, recordEdit, type WorkflowActor, type WorkflowDocFacts } from '@/workflow'

import { actor, doc } from './fixtures'

const FOUR_EYES =
  'Fyra ögon-principen: du har själv ändrat utkastet och kan därför inte godkänna det. En annan granskare måste godkänna.'

const approve = (facts: WorkflowDocFacts, who: WorkflowActor) =>
  decideTransition({ doc: facts, transition: 'approve', actor: who })

describe('four-eyes rule on approve', () => {
  it('an admin who edited the draft cannot approve it', () => {
    expect(approve(doc({ state: 'inReview', editors: ['admin-1'] }), actor(['admin'], 'admin-1'))).toEqual({
      allowed: false,
      rule: 'four-eyes',
      message: FOUR_EYES,
    })
  })

  it('an admin who did not edit the draft can approve it', () => {
    const decision = approve(doc({ state: 'inReview', editors: ['editor-1'] }), actor(['admin'], 'admin-1'))
    expect(decision).toMatchObject({ allowed: true, to: 'approved', effects: { facts: { state: 'approved' } } })
  })

  it('a reviewer listed among the editors cannot approve', () => {
    const decision = approve(doc({ state: 'inReview', editors: ['e1', 'rev-1', 'e2'] }), actor(['reviewer'], 'rev-1'))
    expect(decision).toMatchObject({ allowed: false, rule: 'four-eyes' })
  })

  it('an editor+reviewer who saved content (recordEdit) cannot approve after submitting', () => {
    const both = actor(['editor', 'reviewer'], 'both-1')
    const edited = recordEdit(doc({ state: 'draft', editors: [] }), 'both-1')
    const submitted = decideTransition({ doc: edited, transition: 'submit', actor: both })
    if (!submitted.allowed) throw new Error(submitted.message)
    expect(approve(submitted.effects.facts, both)).toMatchObject({ allowed: false, rule: 'four-eyes' })
    expect(approve(submitted.effects.facts, actor(['reviewer'], 'rev-2'))).toMatchObject({ allowed: true })
  })

  it('editing before the last publish does not count: the editors reset on publish', () => {
    const republished = afterPublish(doc({ state: 'approved', editors: ['rev-1'] }))
    const newRound = { ...recordEdit(republished, 'editor-9'), state: 'inReview' as const }
    expect(approve(newRound, actor(['reviewer'], 'rev-1'))).toMatchObject({ allowed: true })
  })

  it('an edit long ago in this round still counts, even after others edited', () => {
    let facts = recordEdit(doc({ state: 'draft', editors: [] }), 'rev-1')
    facts = recordEdit(facts, 'editor-2')
    expect(approve({ ...facts, state: 'inReview' }, actor(['reviewer', 'admin'], 'rev-1'))).toMatchObject({
      rule: 'four-eyes',
    })
  })

  it.each([
    ['number editor, string actor id', [7], '7'],
    ['string editor, number actor id', ['7'], 7],
    ['MongoDB ObjectId string', ['665f1c2ab1e4a3d2c9f00001'], '665f1c2ab1e4a3d2c9f00001'],
  ] as const)('compares ids as strings: %s', (_name, editors, id) => {
    expect(approve(doc({ state: 'inReview', editors }), actor(['reviewer'], id))).toMatchObject({ rule: 'four-eyes' })
  })

  it('does not confuse ids that only share a prefix or differ in type-coercion tricks', () => {
    expect(approve(doc({ state: 'inReview', editors: [70, '07', ' 7'] }), actor(['reviewer'], 7))).toMatchObject({
      allowed: true,
    })
  })

  it('does not stop the author from other reviewer actions: request changes, publish, unpublish', () => {
    const author = actor(['admin'], 'a1')
    const editors = ['a1']
    expect(
      decideTransition({ doc: doc({ state: 'inReview', editors }), transition: 'requestChanges', actor: author, comment: 'x' }),
    ).toMatchObject({ allowed: true })
    expect(decideTransition({ doc: doc({ state: 'approved', editors }), transition: 'publish', actor: author })).toMatchObject(
      { allowed: true },
    )
    expect(
      decideTransition({
        doc: doc({ state: 'published', editors, hasLiveVersion: true }),
        transition: 'unpublish',
        actor: author,
        comment: 'Felaktiga siffror',
      }),
    ).toMatchObject({ allowed: true, to: 'unpublished' })
  })
})
