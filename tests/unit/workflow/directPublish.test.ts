import { describe, expect, it } from 'vitest'

import { decideDirectPublish } from '@/workflow'

import { actor, doc } from './fixtures'

const NOT_APPROVED = /^Fyra ögon-principen: innehåll kan bara publiceras efter godkännande av en granskare\./

describe('decideDirectPublish (a save with _status: published)', () => {
  it.each([['reviewer'], ['admin'], ['editor', 'reviewer']] as const)('allows %j on an approved document', (...roles) => {
    expect(decideDirectPublish({ doc: doc({ state: 'approved', editors: ['e1'] }), actor: actor(roles) })).toEqual({
      allowed: true,
      transition: 'publish',
      to: 'published',
      effects: {
        facts: { state: 'published', editors: [], hasLiveVersion: true, scheduledPublishAt: null },
        live: 'replaceWithWorkingCopy',
        scheduledFor: null,
        comment: null,
      },
    })
  })

  it.each(['draft', 'inReview', 'changesRequested', 'published', 'unpublished'] as const)(
    'refuses on %s, naming the four-eyes rule, even for an admin',
    (state) => {
      for (const roles of [['editor'], ['admin']] as const) {
        const decision = decideDirectPublish({ doc: doc({ state, hasLiveVersion: state === 'published' }), actor: actor(roles) })
        expect(decision).toMatchObject({ allowed: false, rule: 'not-approved', message: expect.stringMatching(NOT_APPROVED) })
      }
    },
  )

  it('tells which state the document is in', () => {
    const decision = decideDirectPublish({ doc: doc({ state: 'draft' }), actor: actor(['editor']) })
    expect(decision).toMatchObject({ message: expect.stringContaining('Nu är status "Utkast".') })
  })

  it('refuses an editor even when the document is approved', () => {
    expect(decideDirectPublish({ doc: doc({ state: 'approved' }), actor: actor(['editor']) })).toMatchObject({
      allowed: false,
      rule: 'role',
      message: 'Behörighet saknas: "Publicera" får bara göras av granskare eller administratör.',
    })
  })

  it('refuses anonymous', () => {
    expect(decideDirectPublish({ doc: doc({ state: 'approved' }), actor: null })).toMatchObject({ rule: 'not-authenticated' })
  })

  it('refuses a save that also changes the approved content', () => {
    expect(decideDirectPublish({ doc: doc({ state: 'approved' }), actor: actor(['admin']), contentChanged: true })).toMatchObject({
      allowed: false,
      rule: 'changed-after-approval',
      message: expect.stringMatching(/^Fyra ögon-principen: innehållet har ändrats efter godkännandet/),
    })
  })
})
