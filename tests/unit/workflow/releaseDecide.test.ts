import { describe, expect, it } from 'vitest'

import {
  decideReleaseEdit,
  decideReleaseTransition,
  decideScheduledReleasePublish,
  isReleaseState,
  isReleaseTransitionId,
  releaseItemProblems,
  releaseStateLabel,
  releaseStates,
  releaseTransitions,
  type ReleaseFacts,
} from '@/workflow'

import { actor, LATER, ME, NOW, SOMEONE_ELSE } from './fixtures'

const reviewer = actor(['reviewer'])
const editor = actor(['editor'])

const ready: ReleaseFacts = {
  name: 'Höstens resultat',
  state: 'ready',
  items: [
    { id: 1, title: 'Ekonomiskt bistånd', facts: { state: 'approved', editors: [SOMEONE_ELSE], hasLiveVersion: true } },
    { id: 2, title: 'Hemtjänst', facts: { state: 'approved', editors: [SOMEONE_ELSE], hasLiveVersion: false, scheduledUnpublishAt: LATER } },
  ],
}

describe('release data', () => {
  it('has six states with Swedish labels and the actions in button order', () => {
    expect(releaseStates.map((state) => [state.value, state.label])).toEqual([
      ['open', 'Öppet'],
      ['ready', 'Klart för publicering'],
      ['scheduled', 'Schemalagt'],
      ['published', 'Publicerat'],
      ['failed', 'Misslyckat'],
      ['recalled', 'Återkallat'],
    ])
    expect(releaseStateLabel('recalled')).toBe('Återkallat')
    expect(releaseTransitions.map((t) => [t.id, t.label, t.trigger])).toEqual([
      ['markReady', 'Markera som klart', 'action'],
      ['reopen', 'Öppna paketet igen', 'action'],
      ['publish', 'Publicera paketet', 'action'],
      ['cancelScheduledPublish', 'Avbryt schemalagd publicering', 'action'],
      ['recall', 'Återkalla paketet', 'action'],
      ['edit', 'Ändra paketet', 'save'],
    ])
    expect([isReleaseState('open'), isReleaseState('Öppet'), isReleaseTransitionId('recall'), isReleaseTransitionId('approve')]).toEqual([true, false, true, false])
  })

  it('refuses a save-triggered transition and unknown names as actions', () => {
    expect(decideReleaseTransition({ release: ready, transition: 'edit', actor: editor })).toMatchObject({ allowed: false, rule: 'unknown-transition', message: /spara paketet/ })
    expect(decideReleaseTransition({ release: ready, transition: 'approve', actor: reviewer })).toMatchObject({ allowed: false, rule: 'unknown-transition' })
  })
})

describe('publishing a release', () => {
  it('publishes every item at once: each item’s own publish decision, its facts as after a publish', () => {
    const decision = decideReleaseTransition({ release: ready, transition: 'publish', actor: reviewer, now: NOW })
    expect(decision).toMatchObject({ allowed: true, transition: 'publish', from: 'ready', to: 'published', scheduledFor: null })
    if (!decision.allowed) return
    expect(decision.items.map((item) => [item.id, item.decision.transition, item.decision.effects.live, item.decision.effects.facts.state])).toEqual([
      [1, 'publish', 'replaceWithWorkingCopy', 'published'],
      [2, 'publish', 'replaceWithWorkingCopy', 'published'],
    ])
    // A new round of edits starts from nobody; a scheduled takedown of the live page is kept.
    expect(decision.items[1]!.decision.effects.facts).toMatchObject({ editors: [], hasLiveVersion: true, scheduledUnpublishAt: LATER })
  })

  it('schedules instead with a future time, writing nothing to the items', () => {
    const decision = decideReleaseTransition({ release: ready, transition: 'publish', actor: reviewer, publishAt: LATER, now: NOW })
    expect(decision).toMatchObject({ allowed: true, to: 'scheduled', scheduledFor: LATER, items: [] })
  })

  it('refuses a time in the past, a time that does not exist, and a time on anything but a publish', () => {
    expect(decideReleaseTransition({ release: ready, transition: 'publish', actor: reviewer, publishAt: '2020-01-01T00:00:00Z', now: NOW })).toMatchObject({
      rule: 'schedule-in-past',
    })
    expect(decideReleaseTransition({ release: ready, transition: 'publish', actor: reviewer, publishAt: '2030-02-30T10:00', now: NOW })).toMatchObject({
      rule: 'invalid-schedule',
      message: /"2030-02-30T10:00"/,
    })
    expect(decideReleaseTransition({ release: ready, transition: 'reopen', actor: reviewer, publishAt: LATER, now: NOW })).toMatchObject({
      rule: 'schedule-not-supported',
    })
  })

  it('names every item that is not approved and unchanged, and why', () => {
    const release: ReleaseFacts = {
      ...ready,
      items: [
        { id: 1, title: 'Ekonomiskt bistånd', facts: { state: 'draft', editors: [SOMEONE_ELSE], hasLiveVersion: true } },
        { id: 2, title: 'Hemtjänst', facts: { state: 'approved', editors: [], hasLiveVersion: false }, inTrash: true },
        { id: 3, title: 'Äldreomsorg', facts: { state: 'approved', editors: [], hasLiveVersion: false } },
      ],
    }
    expect(releaseItemProblems(release.items).map((problem) => [problem.title, problem.reason])).toEqual([
      ['Ekonomiskt bistånd', 'status är "Utkast"'],
      ['Hemtjänst', 'ligger i papperskorgen'],
    ])
    const decision = decideReleaseTransition({ release, transition: 'publish', actor: reviewer })
    expect(decision).toMatchObject({ allowed: false, rule: 'items-not-ready' })
    if (!decision.allowed) {
      expect(decision.message).toContain('"Ekonomiskt bistånd": status är "Utkast".')
      expect(decision.message).toContain('"Hemtjänst": ligger i papperskorgen.')
      expect(decision.items?.map((item) => item.id)).toEqual([1, 2])
    }
  })

  it('four eyes per item: an admin who changed one item cannot publish the release, and is told which', () => {
    const release: ReleaseFacts = { ...ready, items: [ready.items[0]!, { ...ready.items[1]!, facts: { ...ready.items[1]!.facts, editors: [ME] } }] }
    const decision = decideReleaseTransition({ release, transition: 'publish', actor: actor(['admin']), publishAt: LATER, now: NOW })
    expect(decision).toMatchObject({ allowed: false, rule: 'four-eyes', message: /du har själv ändrat "Hemtjänst"/, items: [{ id: 2 }] })
    expect(decideReleaseTransition({ release, transition: 'publish', actor: actor(['admin'], 'someone-third') })).toMatchObject({ allowed: true })
  })
})

describe('recalling a release', () => {
  const published: ReleaseFacts = {
    ...ready,
    state: 'published',
    items: [
      { id: 1, title: 'Ekonomiskt bistånd', facts: { state: 'published', editors: [], hasLiveVersion: true }, recall: { hadLiveVersion: true, unchangedSinceRelease: true } },
      { id: 2, title: 'Hemtjänst', facts: { state: 'draft', editors: [SOMEONE_ELSE], hasLiveVersion: true }, recall: { hadLiveVersion: false, unchangedSinceRelease: true } },
    ],
  }

  it('needs a reason', () => {
    expect(decideReleaseTransition({ release: published, transition: 'recall', actor: reviewer, comment: '  ' })).toMatchObject({
      allowed: false,
      rule: 'comment-required',
      message: /^Anledning krävs/,
    })
  })

  it('sends each item back to its version before the release, or off the site when it had none, with the reason', () => {
    const decision = decideReleaseTransition({ release: published, transition: 'recall', actor: reviewer, comment: ' Fel år i tabellen. ' })
    expect(decision).toMatchObject({ allowed: true, to: 'recalled', comment: 'Fel år i tabellen.' })
    if (!decision.allowed) return
    expect(decision.items.map((item) => [item.id, item.restore, item.decision.transition, item.decision.effects.live, item.decision.effects.facts.state])).toEqual([
      [1, 'previous', 'publish', 'replaceWithWorkingCopy', 'published'],
      [2, 'none', 'unpublish', 'remove', 'unpublished'],
    ])
    for (const item of decision.items) expect(item.decision.effects.comment).toBe('Återkallat med publiceringspaketet "Höstens resultat": Fel år i tabellen.')
  })
})

describe('the scheduled job decides again', () => {
  const scheduled: ReleaseFacts = { ...ready, state: 'scheduled', scheduledFor: LATER }

  it('publishes when due and every item is still ready', () => {
    expect(decideScheduledReleasePublish({ release: scheduled, now: '2030-06-02T08:00:01.000Z' })).toMatchObject({ allowed: true, to: 'published', items: [{ id: 1 }, { id: 2 }] })
  })

  it('does nothing before its time, after a cancel or a reschedule', () => {
    expect(decideScheduledReleasePublish({ release: scheduled, now: NOW })).toMatchObject({ rule: 'not-due' })
    expect(decideScheduledReleasePublish({ release: { ...scheduled, state: 'ready' }, now: LATER })).toMatchObject({ rule: 'not-scheduled' })
    expect(decideScheduledReleasePublish({ release: { ...scheduled, scheduledFor: 'i morgon' }, now: LATER })).toMatchObject({ rule: 'invalid-schedule' })
  })

  it('refuses with the reasons when an item was edited since: the release is then marked failed', () => {
    const edited: ReleaseFacts = { ...scheduled, items: [{ ...ready.items[0]!, facts: { ...ready.items[0]!.facts, state: 'draft' } }, ready.items[1]!] }
    expect(decideScheduledReleasePublish({ release: edited, now: LATER })).toMatchObject({
      allowed: false,
      rule: 'items-not-ready',
      message: /"Ekonomiskt bistånd": status är "Utkast"/,
      items: [{ id: 1 }],
    })
  })
})

describe('editing a release', () => {
  it('refuses an area that another release holds, naming that release', () => {
    const decision = decideReleaseEdit({ state: 'open', actor: editor, conflicts: [{ item: 'Hemtjänst', release: 'Vårens resultat' }] })
    expect(decision).toMatchObject({ allowed: false, rule: 'conflict' })
    if (!decision.allowed) expect(decision.message).toBe(
      'Området ingår redan i ett annat paket: "Hemtjänst" ingår i publiceringspaketet "Vårens resultat". ' +
        'Ett område kan bara ingå i ett öppet paket åt gången; ta bort det därifrån först.',
    )
  })

  it('says a published release is read-only and a ready one must be reopened', () => {
    expect(decideReleaseEdit({ state: 'published', actor: editor })).toMatchObject({ rule: 'read-only', message: /^Skrivskyddat: paketet har status "Publicerat"/ })
    expect(decideReleaseEdit({ state: 'ready', actor: editor })).toMatchObject({ rule: 'wrong-state', message: /Öppna paketet igen/ })
  })
})
