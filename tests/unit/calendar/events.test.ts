import { describe, expect, it } from 'vitest'

import { calendarEvents, upcomingEvents } from '@/calendar/events'

const areas = [
  { id: 1, title: 'Hemtjänst', workflowScheduledPublishAt: '2026-12-02T06:14:00.000Z' },
  { id: 2, title: 'Särskilt boende', workflowScheduledUnpublishAt: '2026-12-01T12:00:00.000Z', reviewBy: '2026-12-02T11:00:00.000Z' },
  { id: 3, title: 'I papperskorgen', workflowScheduledPublishAt: '2026-12-05T08:00:00.000Z', deletedAt: '2026-11-30T08:00:00.000Z' },
  { id: 4, title: 'Trasigt datum', workflowScheduledPublishAt: 'inte ett datum' },
]
const releases = [
  { id: 9, name: 'Decemberpaketet', state: 'scheduled', publishAt: '2026-12-03T07:00:00.000Z' },
  { id: 10, name: 'Öppet paket', state: 'open', publishAt: '2026-12-04T07:00:00.000Z' },
  { id: 11, name: 'Publicerat paket', state: 'published', publishAt: '2026-11-04T07:00:00.000Z' },
]

describe('calendarEvents', () => {
  it('makes sorted events with Swedish labels and admin links; trashed pages and unscheduled releases give none', () => {
    const events = calendarEvents({ areas, releases, viewer: { roles: ['editor'] } })
    expect(events.map((event) => [event.kind, event.title, event.when, event.adminUrl])).toEqual([
      ['unpublish', 'Avpublicering: Särskilt boende', '1 december 2026 kl. 13.00', '/admin/collections/areas/2'],
      ['reviewBy', 'Ses över senast: Särskilt boende', '2 december 2026', '/admin/collections/areas/2'],
      ['publish', 'Publicering: Hemtjänst', '2 december 2026 kl. 07.14', '/admin/collections/areas/1'],
      ['release', 'Publiceringspaket: Decemberpaketet', '3 december 2026 kl. 08.00', '/admin/collections/releases/9'],
    ])
    expect(events.find((event) => event.kind === 'reviewBy')).toMatchObject({ allDay: true, date: '2026-12-02', id: 'areas-2-reviewBy' })
  })

  it('is filtered by role: every staff role sees the staff calendar, a person without a role sees nothing', () => {
    const count = (roles: string[]) => calendarEvents({ areas, releases, viewer: { roles } }).length
    expect(count(['admin'])).toBe(4)
    expect(count(['reviewer'])).toBe(4)
    expect(count(['editor', 'reviewer'])).toBe(4)
    expect(count([])).toBe(0)
    expect(count(['okänd'])).toBe(0)
    expect(calendarEvents({ areas, releases, viewer: null })).toEqual([])
  })

  it('places an event on its Stockholm date (late evening UTC is the next day in Stockholm)', () => {
    const [event] = calendarEvents({ areas: [{ id: 5, title: 'Sent', workflowScheduledPublishAt: '2026-12-31T23:30:00.000Z' }], releases: [], viewer: { roles: ['admin'] } })
    expect(event).toMatchObject({ date: '2027-01-01', when: '1 januari 2027 kl. 00.30' })
  })
})

describe('upcomingEvents', () => {
  it('keeps what is still ahead, and today’s review-by dates', () => {
    const events = calendarEvents({ areas, releases, viewer: { roles: ['admin'] } })
    const now = new Date('2026-12-02T10:00:00.000Z')
    expect(upcomingEvents(events, now).map((event) => event.kind)).toEqual(['reviewBy', 'release'])
  })
})
