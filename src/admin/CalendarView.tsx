import type { AdminViewServerProps } from 'payload'

import { userHasRole } from '@/access'
import { formatSwedishDateTime, formatSwedishDay, formatSwedishTime, parseMonth, stockholmDate } from '@/calendar/dates'
import { type CalendarEvent, upcomingEvents } from '@/calendar/events'
import { loadCalendarEvents } from '@/calendar/load'
import { buildMonthGrid, WEEKDAYS } from '@/calendar/month'
import { USERS } from '@/slugs'
import { AdminViewShell } from './AdminViewShell'
import { CalendarFeedKey } from './CalendarFeedKey'

import './calendar.css'

export const CALENDAR_PATH = '/admin/kalender'

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** "07.14 Publicering: Hemtjänst"; a review-by date is a whole day and has no time. */
function EventLink({ event }: { event: CalendarEvent }) {
  return (
    <a href={event.adminUrl} className={`calendar-event calendar-event--${event.kind}`}>
      {event.allDay ? null : <time dateTime={event.at}>{formatSwedishTime(new Date(event.at))} </time>}
      {event.title}
    </a>
  )
}

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
  const feedCreatedAt = account.calendarFeedCreatedAt ? formatSwedishDateTime(new Date(account.calendarFeedCreatedAt)) : null
  const monthHref = (key: string) => `${CALENDAR_PATH}?month=${key}`

  return (
    <AdminViewShell view={view} title="Kalender">
      <p>Schemalagda publiceringar och avpubliceringar, schemalagda publiceringspaket och datum då sidor ska ses över. Tider i svensk tid.</p>
      <nav aria-label="På sidan" className="calendar-toc">
        <a href="#manad">Månad</a> · <a href="#kommande">Kommande</a> · <a href="#prenumerera">Prenumerera i Outlook</a>
      </nav>

      <section aria-labelledby="manad">
        <h2 id="manad">Månad</h2>
        <nav aria-label="Byt månad" className="calendar-month-nav">
          <a href={monthHref(grid.previous.key)} aria-label={`Föregående månad: ${grid.previous.label}`}>
            ← {capitalized(grid.previous.label)}
          </a>
          <a href={CALENDAR_PATH} aria-label="Den här månaden">
            Idag
          </a>
          <a href={monthHref(grid.next.key)} aria-label={`Nästa månad: ${grid.next.label}`}>
            {capitalized(grid.next.label)} →
          </a>
        </nav>
        <div className="calendar-month-scroll">
          <table className="calendar-month">
            <caption>{capitalized(grid.label)}</caption>
            <thead>
              <tr>
                <th scope="col">Vecka</th>
                {WEEKDAYS.map((weekday) => (
                  <th scope="col" key={weekday.long}>
                    <abbr title={weekday.long}>{weekday.short}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.weeks.map((week) => (
                <tr key={week.days[0]!.date}>
                  <th scope="row">
                    <span className="calendar-sr-only">Vecka </span>
                    <span aria-hidden="true">v. </span>
                    {week.week}
                  </th>
                  {week.days.map((day) => (
                    <td
                      key={day.date}
                      className={['calendar-day', day.inMonth ? '' : 'calendar-day--outside', day.isToday ? 'calendar-day--today' : ''].filter(Boolean).join(' ')}
                      aria-current={day.isToday ? 'date' : undefined}
                    >
                      <time dateTime={day.date} className="calendar-day__number">
                        <span aria-hidden="true">{day.day}</span>
                        <span className="calendar-sr-only">{formatSwedishDay(day.date)}</span>
                      </time>
                      {day.events.length > 0 ? (
                        <ul>
                          {day.events.map((event) => (
                            <li key={event.id}>
                              <EventLink event={event} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="kommande">
        <h2 id="kommande">Kommande</h2>
        {upcoming.length === 0 ? (
          <p>Inget är schemalagt framåt.</p>
        ) : (
          <ol className="calendar-list">
            {upcoming.map((event) => (
              <li key={event.id}>
                <time dateTime={event.allDay ? event.date : event.at}>{event.when}</time>
                {': '}
                <a href={event.adminUrl}>{event.title}</a>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="prenumerera">
        <h2 id="prenumerera">Prenumerera i Outlook</h2>
        <CalendarFeedKey createdAt={feedCreatedAt} />
      </section>
    </AdminViewShell>
  )
}
