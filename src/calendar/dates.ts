/**
 * Calendar dates and times on the Stockholm calendar, for the admin's
 * "Kalender" and its feed. Dates are 'YYYY-MM-DD' strings and are counted in
 * UTC arithmetic, so a DST change never shifts a day. Dates and times are
 * written by src/domain/swedishDate.ts, as everywhere else.
 */
import { SWEDISH_MONTHS, stockholmCalendarDate } from '@/domain/swedishDate'

export const STOCKHOLM = 'Europe/Stockholm'

const pad = (n: number) => String(n).padStart(2, '0')

export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`

/** The Stockholm calendar date of an instant: '2026-12-02'. */
export function stockholmDate(date: Date): string {
  const { year, month, day } = stockholmCalendarDate(date)
  return isoDate(year, month, day)
}

/** The date `days` days after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(year, month - 1, day + days))
  return isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())
}

/** 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1
}

/** ISO 8601 week number: the week that holds the year's first Thursday is week 1. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date))
  const year = Number(thursday.slice(0, 4))
  const first = Date.UTC(year, 0, 1)
  const [, month, day] = thursday.split('-').map(Number) as [number, number, number]
  const dayOfYear = Math.round((Date.UTC(year, month - 1, day) - first) / 86_400_000)
  return { year, week: Math.floor(dayOfYear / 7) + 1 }
}

/** A month as the admin's address names it: '2026-12'. */
export type MonthKey = `${number}-${string}`

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** '2026-12' → { year, month }, or null for anything else (a hand-edited address must not throw). */
export function parseMonth(value: unknown): { year: number; month: number } | null {
  if (typeof value !== 'string') return null
  const match = MONTH.exec(value.trim())
  if (!match) return null
  const year = Number(match[1])
  if (year < 2000 || year > 2100) return null
  return { year, month: Number(match[2]) }
}

export const monthKey = (year: number, month: number): MonthKey => `${year}-${pad(month)}` as MonthKey

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

export const formatSwedishMonth = (year: number, month: number) => `${SWEDISH_MONTHS[month - 1]} ${year}`
