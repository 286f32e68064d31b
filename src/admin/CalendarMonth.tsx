import { formatSwedishDate, swedishClockTime } from '@/domain/swedishDate'
import type { CalendarEvent } from '@/calendar/events'
import { type MonthGrid, WEEKDAYS } from '@/calendar/month'

/**
 * The calendar's month table and its list of what is ahead: plain markup
 * (links, a table with a caption and header cells), so it works with the
 * keyboard and a screen reader without any script.
 */

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** "07.14 Publicering: Hemtjänst"; a review-by date is a whole day and has no time. */
function EventLink({ event }: { event: CalendarEvent }) {
  return (
    <a href={event.adminUrl} className={`calendar-event calendar-event--${event.kind}`}>
      {event.allDay ? null : <time dateTime={event.at}>{swedishClockTime(new Date(event.at))} </time>}
      {event.title}
    </a>
  )
}

export function CalendarMonth({ grid, basePath }: { grid: MonthGrid; basePath: string }) {
  const monthHref = (key: string) => `${basePath}?month=${key}`
  return (
    <section aria-labelledby="manad">
      <h2 id="manad">Månad</h2>
      <nav aria-label="Byt månad" className="calendar-month-nav">
        <a href={monthHref(grid.previous.key)} aria-label={`Föregående månad: ${grid.previous.label}`}>
          ← {capitalized(grid.previous.label)}
        </a>
        <a href={basePath}>Den här månaden</a>
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
                      <span className="calendar-sr-only">{formatSwedishDate(day.date)}</span>
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
  )
}

export function CalendarList({ events }: { events: CalendarEvent[] }) {
  return (
    <section aria-labelledby="kommande">
      <h2 id="kommande">Kommande</h2>
      {events.length === 0 ? (
        <p>Inget är schemalagt framåt.</p>
      ) : (
        <ol className="calendar-list">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.allDay ? event.date : event.at}>{event.when}</time>
              {': '}
              <a href={event.adminUrl}>{event.title}</a>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
