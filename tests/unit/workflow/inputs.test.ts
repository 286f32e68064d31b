import { describe, expect, it } from 'vitest'

import { decideTransition } from '@/workflow'

import { actor, doc, LATER, NOW } from './fixtures'

const reviewer = actor(['reviewer'], 'rev-1')
const inReview = doc({ state: 'inReview' })
const approved = doc({ state: 'approved' })
const live = doc({ state: 'published', hasLiveVersion: true })

describe('comment and reason', () => {
  it.each([undefined, null, '', '   \n\t'])('requestChanges refuses a missing comment (%j)', (comment) => {
    const decision = decideTransition({ doc: inReview, transition: 'requestChanges', actor: reviewer, comment })
    expect(decision).toEqual({
      allowed: false,
      rule: 'comment-required',
      message: 'Kommentar krävs: "Begär ändringar" måste ha en kommentar.',
    })
  })

  it('requestChanges keeps the trimmed comment in its effects', () => {
    const decision = decideTransition({
      doc: inReview,
      transition: 'requestChanges',
      actor: reviewer,
      comment: '  Rätta källhänvisningen.  ',
    })
    expect(decision).toMatchObject({ allowed: true, to: 'changesRequested', effects: { comment: 'Rätta källhänvisningen.' } })
  })

  it('unpublish refuses a missing reason', () => {
    const decision = decideTransition({ doc: live, transition: 'unpublish', actor: reviewer, comment: ' ' })
    expect(decision).toEqual({
      allowed: false,
      rule: 'comment-required',
      message: 'Anledning krävs: "Avpublicera" måste ha en anledning.',
    })
  })

  it('the who/when rules come before the comment rule', () => {
    expect(
      decideTransition({ doc: doc({ state: 'inReview', editors: ['rev-1'] }), transition: 'approve', actor: reviewer }),
    ).toMatchObject({ rule: 'four-eyes' })
    expect(decideTransition({ doc: live, transition: 'unpublish', actor: actor(['editor']) })).toMatchObject({ rule: 'role' })
  })

  it('other transitions take an optional comment', () => {
    expect(decideTransition({ doc: inReview, transition: 'approve', actor: reviewer })).toMatchObject({
      allowed: true,
      effects: { comment: null },
    })
    expect(decideTransition({ doc: inReview, transition: 'approve', actor: reviewer, comment: 'Bra!' })).toMatchObject({
      effects: { comment: 'Bra!' },
    })
  })
})

describe('publish now or at a time', () => {
  it('publishes now without a time: live version replaced, editors reset', () => {
    const decision = decideTransition({ doc: doc({ state: 'approved', editors: ['e1'] }), transition: 'publish', actor: reviewer })
    expect(decision).toEqual({
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

  it.each([null, ''])('treats publishAt %j as now', (publishAt) => {
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt, now: NOW })).toMatchObject({
      effects: { live: 'replaceWithWorkingCopy', scheduledFor: null },
    })
  })

  it.each([
    ['an ISO string', LATER],
    ['a Date', new Date(LATER)],
    ['another time zone', '2030-06-02T10:00:00+02:00'],
  ])('schedules a future time given as %s: stays approved until then', (_name, publishAt) => {
    const decision = decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt, now: NOW })
    expect(decision).toEqual({
      allowed: true,
      transition: 'publish',
      to: 'published',
      effects: {
        facts: { ...approved, scheduledPublishAt: LATER },
        live: 'keep',
        scheduledFor: LATER,
        comment: null,
      },
    })
  })

  it.each([
    ['a minute ago', '2030-06-01T11:59:00.000Z'],
    ['exactly now', NOW],
  ])('refuses a time in the past (%s)', (_name, publishAt) => {
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt, now: NOW })).toEqual({
      allowed: false,
      rule: 'schedule-in-past',
      message:
        'Publiceringstiden har passerat: en schemalagd publicering måste ligga i framtiden. Välj en senare tid eller publicera direkt.',
    })
  })

  it('uses the real clock when no `now` is given', () => {
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt: '2000-01-01T00:00:00Z' })).toMatchObject({
      rule: 'schedule-in-past',
    })
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt: '2099-01-01T00:00:00Z' })).toMatchObject({
      allowed: true,
    })
  })

  it('refuses an unreadable time', () => {
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt: 'imorgon', now: NOW })).toMatchObject({
      allowed: false,
      rule: 'invalid-schedule',
      message: expect.stringContaining('"imorgon"'),
    })
  })

  it('refuses a day that does not exist instead of moving it (2030-02-30 is not 2 March)', () => {
    for (const publishAt of ['2030-02-30T10:00:00.000Z', '2030-04-31', '2030-13-01T00:00:00Z', '2030-01-01T25:00:00Z']) {
      expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt, now: NOW }), publishAt).toMatchObject({
        allowed: false,
        rule: 'invalid-schedule',
      })
    }
  })

  it('refuses a time on a transition that cannot be scheduled', () => {
    expect(decideTransition({ doc: inReview, transition: 'approve', actor: reviewer, publishAt: LATER, now: NOW })).toMatchObject({
      allowed: false,
      rule: 'schedule-not-supported',
    })
  })

  it('reschedules an already scheduled publish, and cancelling keeps it approved', () => {
    const scheduled = doc({ state: 'approved', scheduledPublishAt: LATER })
    const moved = decideTransition({ doc: scheduled, transition: 'publish', actor: reviewer, publishAt: '2030-07-01T00:00:00.000Z', now: NOW })
    expect(moved).toMatchObject({ allowed: true, effects: { facts: { scheduledPublishAt: '2030-07-01T00:00:00.000Z' } } })
    expect(decideTransition({ doc: scheduled, transition: 'cancelScheduledPublish', actor: reviewer })).toMatchObject({
      allowed: true,
      to: 'approved',
      effects: { facts: { state: 'approved', scheduledPublishAt: null }, live: 'keep' },
    })
  })
})

describe('unknown input', () => {
  it('refuses an unknown transition id naming it', () => {
    expect(decideTransition({ doc: inReview, transition: 'delete', actor: reviewer })).toEqual({
      allowed: false,
      rule: 'unknown-transition',
      message: 'Okänd åtgärd: "delete" finns inte i arbetsflödet.',
    })
  })
})
