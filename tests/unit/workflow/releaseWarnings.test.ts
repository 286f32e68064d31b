import { describe, expect, it } from 'vitest'

import {
  blockerLines,
  decideReleaseTransition,
  decideScheduledReleasePublish,
  dueReleaseWarning,
  leadLabel,
  releaseBlockers,
  releaseItemProblems,
  type ReleaseFacts,
  type ReleaseItemFacts,
} from '@/workflow'

import { actor, LATER, SOMEONE_ELSE } from './fixtures'

const HOUR = 3_600_000
const item = (id: number, title: string, facts: Partial<ReleaseItemFacts['facts']> = {}, extra: Partial<ReleaseItemFacts> = {}): ReleaseItemFacts => ({
  id,
  title,
  facts: { state: 'approved', editors: [SOMEONE_ELSE], hasLiveVersion: true, ...facts },
  ...extra,
})

const scheduled: ReleaseFacts = {
  name: 'Höstens resultat',
  state: 'scheduled',
  scheduledFor: LATER,
  items: [item(1, 'Ekonomiskt bistånd'), item(2, 'Hemtjänst'), item(3, 'Äldreomsorg')],
}

describe('what blocks a release', () => {
  it('nothing when every item is approved, unchanged and free of quality errors', () => {
    expect(releaseBlockers(scheduled)).toEqual([])
    expect(releaseBlockers({ ...scheduled, items: [item(1, 'Ekonomiskt bistånd', {}, { qualityErrors: [] })] })).toEqual([])
  })

  it('names each blocked item with a code and a Swedish reason: edited after approval, in the trash, a quality error', () => {
    const release: ReleaseFacts = {
      ...scheduled,
      items: [
        item(1, 'Ekonomiskt bistånd', { state: 'draft' }),
        item(2, 'Hemtjänst', {}, { inTrash: true }),
        item(3, 'Äldreomsorg', {}, { qualityErrors: ['Kalmars svar saknas under det nationella resultatet.', '"140 procent" ligger utanför 0–100 procent.', 'Tredje.'] }),
        item(4, 'Missbruk', { state: 'inReview' }),
        item(5, 'LSS'),
      ],
    }
    expect(releaseBlockers(release)).toEqual([
      { itemId: 1, title: 'Ekonomiskt bistånd', code: 'edited-after-approval', message: 'ändrat efter godkännandet, status är nu "Utkast"' },
      { itemId: 2, title: 'Hemtjänst', code: 'in-trash', message: 'ligger i papperskorgen' },
      {
        itemId: 3,
        title: 'Äldreomsorg',
        code: 'quality-error',
        message: 'kvalitetskontrollen hittar 3 fel: Kalmars svar saknas under det nationella resultatet; "140 procent" ligger utanför 0–100 procent (och 1 till)',
      },
      { itemId: 4, title: 'Missbruk', code: 'edited-after-approval', message: 'ändrat efter godkännandet, status är nu "Granskas"' },
    ])
    expect(blockerLines(releaseBlockers(release)).slice(0, 2)).toEqual([
      '"Ekonomiskt bistånd": ändrat efter godkännandet, status är nu "Utkast".',
      '"Hemtjänst": ligger i papperskorgen.',
    ])
  })

  it('is what the scheduled publish refuses with at the planned time, item for item', () => {
    const release: ReleaseFacts = { ...scheduled, items: [item(1, 'Ekonomiskt bistånd', { state: 'draft' }), item(2, 'Hemtjänst', {}, { qualityErrors: ['Fel.'] }), item(3, 'Äldreomsorg')] }
    const decision = decideScheduledReleasePublish({ release, now: LATER })
    expect(decision).toMatchObject({ allowed: false, rule: 'items-not-ready' })
    if (decision.allowed) return
    expect(releaseBlockers(release).map((blocker) => blocker.itemId)).toEqual(decision.items?.map((problem) => problem.id))
    expect(decideScheduledReleasePublish({ release: scheduled, now: LATER })).toMatchObject({ allowed: true })
  })

  it('an item never approved in an open release is "not approved", not "edited after approval"', () => {
    const open: ReleaseFacts = { name: 'Utkast', state: 'open', items: [item(1, 'Ekonomiskt bistånd', { state: 'draft' })] }
    expect(releaseBlockers(open)).toEqual([{ itemId: 1, title: 'Ekonomiskt bistånd', code: 'not-approved', message: 'status är "Utkast"' }])
    // Published on its own since: not an edit, so its state is named as it is.
    expect(releaseBlockers({ ...scheduled, items: [item(1, 'Ekonomiskt bistånd', { state: 'published' })] })).toMatchObject([{ code: 'not-approved', message: 'status är "Publicerad"' }])
  })

  it('an empty release is blocked by itself', () => {
    expect(releaseBlockers({ ...scheduled, items: [] })).toEqual([{ itemId: null, title: 'Höstens resultat', code: 'no-items', message: 'Paketet är tomt: lägg till minst ett jämförelseområde.' }])
    expect(blockerLines(releaseBlockers({ ...scheduled, items: [] }))).toEqual(['Paketet är tomt: lägg till minst ett jämförelseområde.'])
  })

  it('a quality error keeps a release from being marked ready and from being published now, as an unapproved item does', () => {
    const withError: ReleaseFacts = { ...scheduled, state: 'open', items: [item(1, 'Ekonomiskt bistånd', {}, { qualityErrors: ['Kalmars svar saknas under det nationella resultatet.'] })] }
    expect(releaseItemProblems(withError.items)).toMatchObject([{ id: 1, code: 'quality-error' }])
    expect(decideReleaseTransition({ release: withError, transition: 'markReady', actor: actor(['editor']) })).toMatchObject({
      allowed: false,
      rule: 'items-not-ready',
      message: /utan fel i kvalitetskontrollen\. "Ekonomiskt bistånd": kvalitetskontrollen hittar 1 fel: Kalmars svar saknas under det nationella resultatet\.$/,
    })
    expect(decideReleaseTransition({ release: { ...withError, state: 'ready' }, transition: 'publish', actor: actor(['reviewer']) })).toMatchObject({ rule: 'items-not-ready' })
  })
})

describe('when a warning is due', () => {
  const at = '2030-06-02T08:00:00.000Z'
  const leadsMs = [24 * HOUR, HOUR]
  const before = (ms: number) => new Date(Date.parse(at) - ms)
  const due = (now: Date, checkedMs: number[] = []) => dueReleaseWarning({ scheduledFor: at, leadsMs, checkedMs, now })

  it('none before the longest lead, none at or after the planned time', () => {
    expect(due(before(25 * HOUR))).toBeNull()
    expect(due(before(0))).toBeNull()
    expect(due(new Date(Date.parse(at) + 1000))).toBeNull()
  })

  it('the 24-hour check once its time has come, once; then the 1-hour check, once', () => {
    expect(due(before(24 * HOUR))).toBe(24 * HOUR)
    expect(due(before(5 * HOUR))).toBe(24 * HOUR)
    expect(due(before(5 * HOUR), [24 * HOUR])).toBeNull()
    expect(due(before(HOUR - 1), [24 * HOUR])).toBe(HOUR)
    expect(due(before(30_000), [24 * HOUR, HOUR])).toBeNull()
  })

  it('a release scheduled within the shortest lead gets that check only', () => {
    expect(due(before(30 * 60_000))).toBe(HOUR)
    expect(due(before(30 * 60_000), [HOUR])).toBeNull()
  })

  it('no check with no leads (warnings turned off) or an invalid time', () => {
    expect(dueReleaseWarning({ scheduledFor: at, leadsMs: [], checkedMs: [], now: before(HOUR) })).toBeNull()
    expect(dueReleaseWarning({ scheduledFor: 'i morgon', leadsMs, checkedMs: [], now: before(HOUR) })).toBeNull()
  })
})

describe('lead times in words', () => {
  it('in the largest unit that fits', () => {
    expect([24 * HOUR, HOUR, 90 * 60_000, 60_000, 5 * 60_000, 1000, 30_000].map(leadLabel)).toEqual([
      '24 timmar',
      '1 timme',
      '90 minuter',
      '1 minut',
      '5 minuter',
      '1 sekund',
      '30 sekunder',
    ])
  })
})
