import { describe, expect, it } from 'vitest'

import { isTransitionId, isWorkflowState, stateLabel, transitionById, transitions, workflowStates } from '@/workflow'

describe('states', () => {
  it('has the six states with their Swedish labels', () => {
    expect(workflowStates.map((s) => [s.value, s.label])).toEqual([
      ['draft', 'Utkast'],
      ['inReview', 'Granskas'],
      ['changesRequested', 'Ändringar begärda'],
      ['approved', 'Godkänd'],
      ['published', 'Publicerad'],
      ['unpublished', 'Avpublicerad'],
    ])
    expect(stateLabel('changesRequested')).toBe('Ändringar begärda')
  })

  it('recognises states and transition ids from untrusted input', () => {
    expect([isWorkflowState('approved'), isWorkflowState('Godkänd'), isWorkflowState(3)]).toEqual([true, false, false])
    expect([isTransitionId('approve'), isTransitionId('toString'), isTransitionId(null)]).toEqual([true, false, false])
  })
})

describe('transition data', () => {
  it('carries the specification labels, comments and four-eyes flag', () => {
    expect(
      transitions.map((t) => [t.id, t.label, t.requiresComment, t.commentLabel, t.fourEyes, t.trigger]),
    ).toEqual([
      ['submit', 'Skicka till granskning', false, null, false, 'action'],
      ['withdraw', 'Dra tillbaka från granskning', false, null, false, 'action'],
      ['requestChanges', 'Begär ändringar', true, 'Kommentar', false, 'action'],
      ['approve', 'Godkänn', false, null, true, 'action'],
      ['publish', 'Publicera', false, null, false, 'action'],
      ['cancelScheduledPublish', 'Avbryt schemalagd publicering', false, null, false, 'action'],
      ['unpublish', 'Avpublicera', true, 'Anledning', false, 'action'],
      ['cancelScheduledUnpublish', 'Avbryt schemalagd avpublicering', false, null, false, 'action'],
      ['edit', 'Redigera', false, null, false, 'save'],
    ])
  })

  it('only publish and unpublish can be scheduled, and unpublish needs a live version', () => {
    expect(transitions.filter((t) => t.schedulable).map((t) => t.id)).toEqual(['publish', 'unpublish'])
    expect(transitions.filter((t) => t.requiresScheduledUnpublish).map((t) => t.id)).toEqual(['cancelScheduledUnpublish'])
    expect(transitions.filter((t) => t.keepsState).map((t) => t.id)).toEqual(['cancelScheduledUnpublish'])
    expect(transitions.filter((t) => t.requiresLiveVersion).map((t) => t.id)).toEqual(['unpublish'])
  })

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(transitions)).toBe(true)
    expect(Object.isFrozen(transitionById.approve)).toBe(true)
    expect(Object.isFrozen(workflowStates)).toBe(true)
  })
})
