import { describe, expect, it } from 'vitest'

import { releasePanel, type ReleaseFacts, type ReleaseItemFacts } from '@/workflow'

import { actor, ME, SOMEONE_ELSE } from './fixtures'

type Item = ReleaseItemFacts & { slug: string }

const approved = (id: number, title: string, editors = [SOMEONE_ELSE]): Item => ({ id, title, slug: `omrade-${id}`, facts: { state: 'approved', editors, hasLiveVersion: true } })
const release = (state: ReleaseFacts['state'], items: Item[]): ReleaseFacts & { items: Item[] } => ({ name: 'Juni 2026', state, items })

describe('the release panel', () => {
  it('shows an open release to its editor: every item with its state and why it is not ready, and Markera som klart disabled with the reason', () => {
    const open = release('open', [approved(1, 'Socialpsykiatri'), { ...approved(2, 'Ekonomiskt bistånd'), facts: { state: 'inReview', editors: [ME], hasLiveVersion: true } }])
    const panel = releasePanel(open, actor(['editor']))
    expect(panel).toMatchObject({ state: 'open', stateLabel: 'Öppet', scheduledFor: null })
    expect(panel.items).toEqual([
      { id: 1, title: 'Socialpsykiatri', slug: 'omrade-1', stateLabel: 'Godkänd', ready: true, problem: null, changedByViewer: false },
      { id: 2, title: 'Ekonomiskt bistånd', slug: 'omrade-2', stateLabel: 'Granskas', ready: false, problem: 'status är "Granskas"', changedByViewer: true },
    ])
    expect(panel.actions).toEqual([
      expect.objectContaining({ id: 'markReady', label: 'Markera som klart', enabled: false, message: expect.stringContaining('"Ekonomiskt bistånd": status är "Granskas"') }),
    ])
  })

  it('offers a reviewer Publicera paketet (schedulable) on a ready release, and disables it for whoever changed an item', () => {
    const ready = release('ready', [approved(1, 'Socialpsykiatri'), approved(2, 'Ekonomiskt bistånd', [ME])])
    const reviewer = releasePanel(ready, actor(['reviewer'], 'u-third'))
    expect(reviewer.actions.map((action) => [action.id, action.enabled, action.schedulable])).toEqual([
      ['reopen', true, false],
      ['publish', true, true],
    ])
    const changer = releasePanel(ready, actor(['reviewer']))
    expect(changer.items.map((item) => item.changedByViewer)).toEqual([false, true])
    expect(changer.actions.find((action) => action.id === 'publish')).toMatchObject({ enabled: false, message: expect.stringContaining('Ekonomiskt bistånd') })
  })

  it('asks for a reason to recall a published release; items show where they stand, not problems; nothing for an editor', () => {
    const published = release('published', [{ ...approved(1, 'Socialpsykiatri'), facts: { state: 'published', editors: [], hasLiveVersion: true }, recall: { hadLiveVersion: true, unchangedSinceRelease: true } }])
    const panel = releasePanel(published, actor(['reviewer']))
    expect(panel.items[0]).toMatchObject({ stateLabel: 'Publicerad', ready: true, problem: null })
    expect(panel.actions).toEqual([expect.objectContaining({ id: 'recall', label: 'Återkalla paketet', enabled: true, requiresComment: true, commentLabel: 'Anledning' })])
    expect(releasePanel(published, actor(['editor'])).actions).toEqual([])
    expect(releasePanel(published, null).actions).toEqual([])
  })

  it('names an item in the trash as such', () => {
    const panel = releasePanel(release('open', [{ ...approved(1, 'Socialpsykiatri'), inTrash: true }]), actor(['editor']))
    expect(panel.items[0]).toMatchObject({ stateLabel: 'I papperskorgen', ready: false, problem: 'ligger i papperskorgen' })
  })
})
