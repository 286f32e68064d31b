import type { AdminViewServerProps } from 'payload'

import { userHasRole } from '@/access'
import { parseMonth, stockholmDate } from '@/calendar/dates'
import { swedishDateTimeOrNull } from '@/domain/swedishDate'
import { upcomingEvents } from '@/calendar/events'
import { loadCalendarEvents } from '@/calendar/load'
import { buildMonthGrid } from '@/calendar/month'
import { USERS } from '@/slugs'
import { AdminViewShell } from './AdminViewShell'
import { CalendarFeedKey } from './CalendarFeedKey'
import { CalendarList, CalendarMonth } from './CalendarMonth'

import './calendar.css'

export const CALENDAR_PATH = '/admin/kalender'

/**
 * /admin/kalender: scheduled publishes and unpublishes, scheduled releases and
 * review-by dates, as a month (?month=2026-12) and as a list of what is ahead;
 * and the person's own calendar address for Outlook.
 */
export async function CalendarView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const user = req.user
  const allowed = Boolean(user) && userHasRole(user, 'admin', 'editor', 'reviewer')
  if (!user || !allowed) {
    return (
      <AdminViewShell view={view} title="Kalender">
        <p>Bara redaktörer, granskare och administratörer har en kalender.</p>
      </AdminViewShell>
    )
  }

  const now = new Date()
  const today = stockholmDate(now)
  const requested = parseMonth(view.searchParams?.month)
  const { year, month } = requested ?? { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }
  const [events, account] = await Promise.all([
    loadCalendarEvents(req.payload, user, req),
    req.payload.findByID({ collection: USERS, id: user.id, overrideAccess: true, depth: 0, select: { calendarFeedCreatedAt: true } }),
  ])
  const grid = buildMonthGrid(year, month, events, today)
  const upcoming = upcomingEvents(events, now)
  const feedCreatedAt = account.calendarFeedCreatedAt ? swedishDateTimeOrNull(new Date(account.calendarFeedCreatedAt)) : null

  return (
    <AdminViewShell view={view} title="Kalender">
      <p>Schemalagda publiceringar och avpubliceringar, schemalagda publiceringspaket och datum då sidor ska ses över. Tider i svensk tid.</p>
      <nav aria-label="På sidan" className="calendar-toc">
        <a href="#manad">Månad</a> · <a href="#kommande">Kommande</a> · <a href="#prenumerera">Prenumerera i Outlook</a>
      </nav>

      <CalendarMonth grid={grid} basePath={CALENDAR_PATH} />
      <CalendarList events={upcoming} />
      <section aria-labelledby="prenumerera">
        <h2 id="prenumerera">Prenumerera i Outlook</h2>
        <CalendarFeedKey createdAt={feedCreatedAt} />
      </section>
    </AdminViewShell>
  )
}
