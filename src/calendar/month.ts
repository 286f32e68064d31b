/** The month view of the admin's "Kalender": whole weeks, Monday first, with ISO week numbers. */
import { addDays, formatSwedishMonth, isoDate, isoWeek, isoWeekday, type MonthKey, monthKey, shiftMonth } from './dates'
import type { CalendarEvent } from './events'

export const WEEKDAYS = [
  { short: 'mån', long: 'måndag' },
  { short: 'tis', long: 'tisdag' },
  { short: 'ons', long: 'onsdag' },
  { short: 'tors', long: 'torsdag' },
  { short: 'fre', long: 'fredag' },
  { short: 'lör', long: 'lördag' },
  { short: 'sön', long: 'söndag' },
] as const

export type MonthDay = {
  date: string
  day: number
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean
  isToday: boolean
  events: CalendarEvent[]
}

export type MonthWeek = { week: number; days: MonthDay[] }

export type MonthGrid = {
  key: MonthKey
  /** "december 2026". */
  label: string
  weeks: MonthWeek[]
  previous: { key: MonthKey; label: string }
  next: { key: MonthKey; label: string }
}

/** `today` is a Stockholm date ('YYYY-MM-DD'); events are placed on their Stockholm date. */
export function buildMonthGrid(year: number, month: number, events: readonly CalendarEvent[], today: string): MonthGrid {
  const byDate = new Map<string, CalendarEvent[]>()
  for (const event of events) byDate.set(event.date, [...(byDate.get(event.date) ?? []), event])

  const first = isoDate(year, month, 1)
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const last = isoDate(year, month, lastDay)
  const weeks: MonthWeek[] = []
  for (let monday = addDays(first, 1 - isoWeekday(first)); monday <= last; monday = addDays(monday, 7)) {
    const days: MonthDay[] = []
    for (let offset = 0; offset < 7; offset += 1) {
      const date = addDays(monday, offset)
      days.push({ date, day: Number(date.slice(8)), inMonth: date >= first && date <= last, isToday: date === today, events: byDate.get(date) ?? [] })
    }
    weeks.push({ week: isoWeek(monday).week, days })
  }
  const previous = shiftMonth(year, month, -1)
  const next = shiftMonth(year, month, 1)
  return {
    key: monthKey(year, month),
    label: formatSwedishMonth(year, month),
    weeks,
    previous: { key: monthKey(previous.year, previous.month), label: formatSwedishMonth(previous.year, previous.month) },
    next: { key: monthKey(next.year, next.month), label: formatSwedishMonth(next.year, next.month) },
  }
}
