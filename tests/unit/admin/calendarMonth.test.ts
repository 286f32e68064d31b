import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { CalendarList, CalendarMonth } from '@/admin/CalendarMonth'
import { calendarEvents } from '@/calendar/events'
import { buildMonthGrid } from '@/calendar/month'

const events = calendarEvents({
  viewer: { roles: ['reviewer'] },
  areas: [{ id: 1, title: 'Hemtjänst', workflowScheduledPublishAt: '2026-12-02T06:14:00.000Z', reviewBy: '2026-12-14T11:00:00.000Z' }],
  releases: [],
})

describe('the calendar month table', () => {
  const html = renderToStaticMarkup(createElement(CalendarMonth, { grid: buildMonthGrid(2026, 12, events, '2026-12-02'), basePath: '/admin/kalender' }))

  it('is a table with a caption and header cells for weekdays and weeks', () => {
    expect(html).toContain('<caption>December 2026</caption>')
    expect(html.match(/<th scope="col">/g)).toHaveLength(8)
    expect(html).toContain('<abbr title="måndag">mån</abbr>')
    expect(html.match(/<th scope="row">/g)).toHaveLength(5)
  })

  it('links to the neighbouring months with Swedish labels', () => {
    expect(html).toContain('href="/admin/kalender?month=2026-11" aria-label="Föregående månad: november 2026"')
    expect(html).toContain('href="/admin/kalender?month=2027-01" aria-label="Nästa månad: januari 2027"')
  })

  it('lists each day’s events as links, marks today, and names each day in full for a screen reader', () => {
    expect(html).toContain('<a href="/admin/collections/areas/1" class="calendar-event calendar-event--publish"><time dateTime="2026-12-02T06:14:00.000Z">07.14 </time>Publicering: Hemtjänst</a>')
    expect(html).toContain('Ses över senast: Hemtjänst</a>')
    expect(html).toContain('aria-current="date"')
    expect(html).toContain('<span class="calendar-sr-only">2 december 2026</span>')
  })
})

describe('the list of what is ahead', () => {
  it('lists events with their Swedish date and time', () => {
    const html = renderToStaticMarkup(createElement(CalendarList, { events }))
    expect(html).toContain('<time dateTime="2026-12-02T06:14:00.000Z">2 december 2026 kl. 07.14</time>: <a href="/admin/collections/areas/1">Publicering: Hemtjänst</a>')
    expect(renderToStaticMarkup(createElement(CalendarList, { events: [] }))).toContain('Inget är schemalagt framåt.')
  })
})
