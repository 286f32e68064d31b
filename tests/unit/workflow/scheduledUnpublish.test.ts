import { describe, expect, it } from 'vitest'

import {
  afterPublish,
  afterUnpublish,
  availableTransitions,
  decideScheduledPublish,
  decideScheduledUnpublish,
  decideTransition,
  recordEdit,
  type WorkflowDocFacts,
} from '@/workflow'

import { actor, doc, LATER, NOW } from './fixtures'

const reviewer = actor(['reviewer'], 'rev-1')
const live = doc({ state: 'published', hasLiveVersion: true, editors: [] })
const scheduled = doc({ state: 'published', hasLiveVersion: true, editors: [], scheduledUnpublishAt: LATER })
const EARLIER = '2030-06-01T11:59:00.000Z'

const schedule = (overrides: Partial<Parameters<typeof decideTransition>[0]> = {}) =>
  decideTransition({ doc: live, transition: 'unpublish', actor: reviewer, comment: 'Inaktuell', publishAt: LATER, now: NOW, ...overrides })

describe('scheduling an unpublish', () => {
  it.each([
    ['an ISO string', LATER],
    ['a Date', new Date(LATER)],
    ['another time zone', '2030-06-02T10:00:00+02:00'],
  ])('stores the time given as %s and changes nothing else until the job runs', (_name, publishAt) => {
    expect(schedule({ publishAt })).toEqual({
      allowed: true,
      transition: 'unpublish',
      to: 'published',
      effects: { facts: { ...live, scheduledUnpublishAt: LATER }, live: 'keep', scheduledFor: LATER, comment: 'Inaktuell' },
    })
  })

  it('keeps the state of a pending draft beside the live page', () => {
    const pending = doc({ state: 'inReview', hasLiveVersion: true, editors: ['e1'] })
    expect(schedule({ doc: pending })).toMatchObject({
      allowed: true,
      to: 'inReview',
      effects: { facts: { ...pending, scheduledUnpublishAt: LATER }, live: 'keep' },
    })
  })

  it('moves an already scheduled unpublish to the new time', () => {
    const moved = '2030-07-01T00:00:00.000Z'
    expect(schedule({ doc: scheduled, publishAt: moved })).toMatchObject({
      allowed: true,
      effects: { facts: { scheduledUnpublishAt: moved }, scheduledFor: moved },
    })
  })

  it.each([undefined, null, '', '  '])('still requires a reason (%j)', (comment) => {
    expect(schedule({ comment })).toEqual({
      allowed: false,
      rule: 'comment-required',
      message: 'Anledning krävs: "Avpublicera" måste ha en anledning.',
    })
  })

  it.each([
    ['anonymous', null, 'not-authenticated'],
    ['an editor', ['editor'], 'role'],
  ] as const)('refuses %s', (_name, roles, rule) => {
    expect(schedule({ actor: actor(roles) })).toMatchObject({ allowed: false, rule })
  })

  it.each([['reviewer'], ['admin']] as const)('allows a %s', (role) => {
    expect(schedule({ actor: actor([role]) })).toMatchObject({ allowed: true, effects: { scheduledFor: LATER } })
  })

  it('needs a live version and refuses an unpublished page', () => {
    expect(schedule({ doc: doc({ state: 'draft', hasLiveVersion: false }) })).toMatchObject({ rule: 'no-live-version' })
    expect(schedule({ doc: doc({ state: 'unpublished', hasLiveVersion: false }) })).toMatchObject({ rule: 'wrong-state' })
  })

  it.each([
    ['a minute ago', EARLIER],
    ['exactly now', NOW],
  ])('refuses a time in the past (%s) with unpublish wording', (_name, publishAt) => {
    expect(schedule({ publishAt })).toEqual({
      allowed: false,
      rule: 'schedule-in-past',
      message:
        'Avpubliceringstiden har passerat: en schemalagd avpublicering måste ligga i framtiden. Välj en senare tid eller avpublicera direkt.',
    })
  })

  it('refuses an unreadable time', () => {
    expect(schedule({ publishAt: 'imorgon' })).toEqual({
      allowed: false,
      rule: 'invalid-schedule',
      message: 'Ogiltig avpubliceringstid: "imorgon" är inte ett giltigt datum och klockslag.',
    })
  })

  it.each([undefined, null, ''])('without a time (%j) takes the page down now, as before', (publishAt) => {
    expect(schedule({ doc: scheduled, publishAt })).toEqual({
      allowed: true,
      transition: 'unpublish',
      to: 'unpublished',
      effects: { facts: afterUnpublish(scheduled), live: 'remove', scheduledFor: null, comment: 'Inaktuell' },
    })
  })

  it('the publish wording is unchanged for publish', () => {
    const approved = doc({ state: 'approved' })
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer, publishAt: NOW, now: NOW })).toMatchObject({
      message: expect.stringMatching(/^Publiceringstiden har passerat/),
    })
  })
})

describe('cancelScheduledUnpublish', () => {
  it('clears the time and keeps the state and the live page', () => {
    expect(decideTransition({ doc: scheduled, transition: 'cancelScheduledUnpublish', actor: reviewer })).toEqual({
      allowed: true,
      transition: 'cancelScheduledUnpublish',
      to: 'published',
      effects: { facts: { ...scheduled, scheduledUnpublishAt: null }, live: 'keep', scheduledFor: null, comment: null },
    })
  })

  it('works from any state, e.g. a draft beside the live page', () => {
    const draft = doc({ state: 'draft', hasLiveVersion: true, editors: ['rev-1'], scheduledUnpublishAt: LATER })
    expect(decideTransition({ doc: draft, transition: 'cancelScheduledUnpublish', actor: actor(['admin'], 'rev-1') })).toMatchObject({
      allowed: true,
      to: 'draft',
      effects: { facts: { state: 'draft', editors: ['rev-1'], scheduledUnpublishAt: null } },
    })
  })

  it.each([undefined, null, ''])('refuses when no unpublish is scheduled (%j)', (scheduledUnpublishAt) => {
    expect(
      decideTransition({ doc: { ...live, scheduledUnpublishAt }, transition: 'cancelScheduledUnpublish', actor: reviewer }),
    ).toEqual({
      allowed: false,
      rule: 'not-scheduled-unpublish',
      message: 'Ingen schemalagd avpublicering: det finns ingen schemalagd avpublicering för sidan.',
    })
  })

  it('a scheduled publish is not a scheduled unpublish, and the other way round', () => {
    const publishScheduled = doc({ state: 'approved', hasLiveVersion: true, scheduledPublishAt: LATER })
    expect(decideTransition({ doc: publishScheduled, transition: 'cancelScheduledUnpublish', actor: reviewer })).toMatchObject({
      rule: 'not-scheduled-unpublish',
    })
    const both = { ...publishScheduled, scheduledUnpublishAt: LATER }
    expect(decideTransition({ doc: both, transition: 'cancelScheduledUnpublish', actor: reviewer })).toMatchObject({
      effects: { facts: { scheduledPublishAt: LATER, scheduledUnpublishAt: null } },
    })
  })

  it('only reviewers and admins may cancel', () => {
    expect(decideTransition({ doc: scheduled, transition: 'cancelScheduledUnpublish', actor: actor(['editor']) })).toMatchObject({
      rule: 'role',
      message: 'Behörighet saknas: "Avbryt schemalagd avpublicering" får bara göras av granskare eller administratör.',
    })
    expect(decideTransition({ doc: scheduled, transition: 'cancelScheduledUnpublish', actor: null })).toMatchObject({
      rule: 'not-authenticated',
    })
  })

  it('refuses a time: cancelling cannot be scheduled', () => {
    expect(
      decideTransition({ doc: scheduled, transition: 'cancelScheduledUnpublish', actor: reviewer, publishAt: LATER, now: NOW }),
    ).toMatchObject({ rule: 'schedule-not-supported' })
  })
})

describe('availableTransitions and a scheduled unpublish', () => {
  const ids = (facts: WorkflowDocFacts, roles: Parameters<typeof actor>[0]) =>
    availableTransitions(facts, actor(roles)).map((entry) => [entry.transition.id, entry.enabled])

  it('shows the cancel button after unpublish only while one is scheduled', () => {
    expect(ids(scheduled, ['reviewer'])).toEqual([
      ['unpublish', true],
      ['cancelScheduledUnpublish', true],
    ])
    expect(ids(live, ['reviewer'])).toEqual([['unpublish', true]])
  })

  it('hides it from those who may not cancel', () => {
    expect(ids(scheduled, ['editor'])).toEqual([])
    expect(ids(scheduled, null)).toEqual([])
  })
})

describe('decideScheduledUnpublish (the job)', () => {
  it('takes the page down when due', () => {
    for (const now of [LATER, '2030-06-03T00:00:00.000Z']) {
      expect(decideScheduledUnpublish({ doc: scheduled, now })).toEqual({
        allowed: true,
        transition: 'unpublish',
        to: 'unpublished',
        effects: { facts: afterUnpublish(scheduled), live: 'remove', scheduledFor: null, comment: null },
      })
    }
  })

  it('the facts it stores clear the schedule', () => {
    const decision = decideScheduledUnpublish({ doc: scheduled, now: LATER })
    expect(decision.allowed && decision.effects.facts).toMatchObject({ state: 'unpublished', hasLiveVersion: false, scheduledUnpublishAt: null })
  })

  it('takes down a page with a pending draft too, voiding its review', () => {
    const pending = doc({ state: 'approved', hasLiveVersion: true, editors: ['e1'], scheduledPublishAt: LATER, scheduledUnpublishAt: NOW })
    expect(decideScheduledUnpublish({ doc: pending, now: NOW })).toMatchObject({
      allowed: true,
      effects: { facts: { state: 'unpublished', scheduledPublishAt: null, scheduledUnpublishAt: null } },
    })
  })

  it('refuses before the time', () => {
    expect(decideScheduledUnpublish({ doc: scheduled, now: NOW })).toEqual({
      allowed: false,
      rule: 'not-due',
      message: `Schemalagd avpublicering: tiden ${LATER} har inte kommit än.`,
    })
  })

  it('uses the real clock when no `now` is given', () => {
    expect(decideScheduledUnpublish({ doc: scheduled })).toMatchObject({ rule: 'not-due' })
    expect(decideScheduledUnpublish({ doc: { ...scheduled, scheduledUnpublishAt: '2000-01-01T00:00:00Z' } })).toMatchObject({
      allowed: true,
    })
  })

  it.each([undefined, null, ''])('refuses without a schedule (%j)', (scheduledUnpublishAt) => {
    expect(decideScheduledUnpublish({ doc: { ...live, scheduledUnpublishAt }, now: LATER })).toEqual({
      allowed: false,
      rule: 'not-scheduled-unpublish',
      message: 'Ingen schemalagd avpublicering: det finns ingen schemalagd avpublicering för sidan.',
    })
  })

  it('refuses when nothing is live', () => {
    const gone = { ...scheduled, hasLiveVersion: false }
    expect(decideScheduledUnpublish({ doc: gone, now: LATER })).toEqual({
      allowed: false,
      rule: 'no-live-version',
      message: 'Ingen publicerad version: "Avpublicera" kräver att det finns en publicerad version av sidan.',
    })
  })

  it('never treats an unreadable stored time as due', () => {
    expect(decideScheduledUnpublish({ doc: { ...scheduled, scheduledUnpublishAt: 'imorgon' }, now: LATER })).toMatchObject({
      allowed: false,
      rule: 'invalid-schedule',
      message: expect.stringContaining('"imorgon"'),
    })
  })

  it('a scheduled publish does not trigger it, nor it a scheduled publish', () => {
    const publishScheduled = doc({ state: 'approved', hasLiveVersion: true, scheduledPublishAt: NOW })
    expect(decideScheduledUnpublish({ doc: publishScheduled, now: LATER })).toMatchObject({ rule: 'not-scheduled-unpublish' })
    expect(decideScheduledPublish({ doc: scheduled, now: LATER })).toMatchObject({ rule: 'not-scheduled' })
  })
})

describe('what keeps and what clears the schedule', () => {
  it('recordEdit keeps it: a takedown is about the live page, not the draft', () => {
    const facts = recordEdit(scheduled, 'e1')
    expect(facts).toMatchObject({ state: 'draft', scheduledUnpublishAt: LATER })
    expect(decideScheduledUnpublish({ doc: facts, now: LATER })).toMatchObject({ allowed: true })
  })

  it('the edit transition keeps it', () => {
    expect(decideTransition({ doc: scheduled, transition: 'edit', actor: actor(['editor']) })).toMatchObject({
      effects: { facts: { scheduledUnpublishAt: LATER } },
    })
  })

  it('afterPublish keeps it: a new publish does not cancel a takedown', () => {
    const approved = doc({ state: 'approved', hasLiveVersion: true, scheduledUnpublishAt: LATER })
    expect(afterPublish(approved)).toMatchObject({ state: 'published', scheduledUnpublishAt: LATER })
    expect(decideTransition({ doc: approved, transition: 'publish', actor: reviewer })).toMatchObject({
      effects: { facts: { scheduledUnpublishAt: LATER } },
    })
    expect(decideScheduledPublish({ doc: { ...approved, scheduledPublishAt: NOW }, now: NOW })).toMatchObject({
      effects: { facts: { scheduledUnpublishAt: LATER } },
    })
  })

  it('afterUnpublish clears it, so an unpublish now also ends a scheduled one', () => {
    expect(afterUnpublish(scheduled)).toMatchObject({ state: 'unpublished', scheduledUnpublishAt: null })
    expect(decideTransition({ doc: scheduled, transition: 'unpublish', actor: reviewer, comment: 'Nu' })).toMatchObject({
      effects: { facts: { scheduledUnpublishAt: null }, live: 'remove' },
    })
  })

  it('none of them change their input', () => {
    const input: WorkflowDocFacts = Object.freeze({ ...scheduled, editors: Object.freeze([]) })
    recordEdit(input, 'e1')
    afterPublish(input)
    afterUnpublish(input)
    expect(input).toEqual(scheduled)
  })
})
