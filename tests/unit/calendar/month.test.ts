import { describe, expect, it } from 'vitest'

import { isoWeek, parseMonth } from '@/calendar/dates'
import { calendarEvents } from '@/calendar/events'
import { buildMonthGrid } from '@/calendar/month'

const publishAt = (id: number, at: string) => ({ id, title: `Sida ${id}`, workflowScheduledPublishAt: at })
const eventsAt = (...at: string[]) => calendarEvents({ areas: at.map((value, index) => publishAt(index + 1, value)), releases: [], viewer: { roles: ['admin'] } })

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 does, across year boundaries', () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 })
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 })
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 })
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 })
    expect(isoWeek('2026-03-30')).toEqual({ year: 2026, week: 14 })
  })
})

describe('parseMonth', () => {
  it('reads ?month=2026-12 and refuses anything else', () => {
    expect(parseMonth('2026-12')).toEqual({ year: 2026, month: 12 })
    for (const bad of ['2026-13', '2026-1', 'december', '', undefined, ['2026-12'], '1999-01']) expect(parseMonth(bad)).toBeNull()
  })
})

describe('buildMonthGrid', () => {
  it('builds whole Monday-first weeks around the year boundary, with neighbours and links', () => {
    const grid = buildMonthGrid(2026, 12, [], '2026-12-02')
    expect(grid.label).toBe('december 2026')
    expect(grid.weeks.map((week) => week.week)).toEqual([49, 50, 51, 52, 53])
    expect(grid.weeks[0]!.days[0]).toMatchObject({ date: '2026-11-30', inMonth: false })
    expect(grid.weeks[0]!.days[2]).toMatchObject({ date: '2026-12-02', inMonth: true, isToday: true })
    expect(grid.weeks.at(-1)!.days.at(-1)).toMatchObject({ date: '2027-01-03', inMonth: false })
    expect(grid.weeks.every((week) => week.days.length === 7)).toBe(true)
    expect(grid.previous).toEqual({ key: '2026-11', label: 'november 2026' })
    expect(grid.next).toEqual({ key: '2027-01', label: 'januari 2027' })
    expect(buildMonthGrid(2027, 1, [], '2026-12-02').previous.key).toBe('2026-12')
  })

  it('puts events on their Stockholm day across the DST changes', () => {
    // Summer time begins 29 March 2026 at 01.00 UTC and ends 25 October 2026 at 01.00 UTC.
    const march = buildMonthGrid(2026, 3, eventsAt('2026-03-28T23:30:00.000Z', '2026-03-29T22:30:00.000Z'), '2026-03-01')
    const days = march.weeks.flatMap((week) => week.days)
    const on = (date: string) => days.find((day) => day.date === date)!.events.map((event) => event.when)
    expect(on('2026-03-29')).toEqual(['29 mars 2026 kl. 00.30'])
    expect(on('2026-03-30')).toEqual(['30 mars 2026 kl. 00.30'])
    // Each date appears once: a 23-hour day neither repeats nor skips a date.
    expect(new Set(days.map((day) => day.date)).size).toBe(days.length)

    const october = buildMonthGrid(2026, 10, eventsAt('2026-10-24T22:30:00.000Z', '2026-10-25T23:30:00.000Z'), '2026-10-01')
    const octoberDays = october.weeks.flatMap((week) => week.days)
    const onOctober = (date: string) => octoberDays.find((day) => day.date === date)!.events.map((event) => event.when)
    expect(onOctober('2026-10-25')).toEqual(['25 oktober 2026 kl. 00.30'])
    expect(onOctober('2026-10-26')).toEqual(['26 oktober 2026 kl. 00.30'])
    expect(october.weeks.map((week) => week.week)).toEqual([40, 41, 42, 43, 44])
  })
})
