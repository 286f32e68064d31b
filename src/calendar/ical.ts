/**
 * A minimal iCalendar (RFC 5545) writer for the personal feed: one
 * VCALENDAR of VEVENTs, CRLF line endings, lines folded at 75 octets.
 * Small enough to own rather than depend on a library.
 */
import type { CalendarEvent } from './events'

const CRLF = '\r\n'
const MAX_OCTETS = 75
const encoder = new TextEncoder()

/** Control characters other than tab, which TEXT may not hold (newlines are escaped before this). */
const isControl = (char: string) => {
  const code = char.codePointAt(0)!
  return (code < 0x20 && code !== 0x09) || code === 0x7f
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
  return [...escaped].filter((char) => !isControl(char)).join('')
}

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets a line, each
 * continuation starting with a space; never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > MAX_OCTETS) {
      lines.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join(CRLF)
}

/** 20261202T061400Z. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** 20261214 from '2026-12-14'. */
const formatDate = (date: string) => date.replace(/-/g, '')

const nextDay = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

export type FeedOptions = {
  /** X-WR-CALNAME: the name Outlook shows for the subscription. */
  name: string
  /** The server's address (SERVER_URL): event URLs are absolute, UIDs carry its host. */
  baseUrl: string
  /** DTSTAMP: when this copy of the feed was made. */
  now: Date
}

function eventLines(event: CalendarEvent, options: FeedOptions, host: string): string[] {
  const url = new URL(event.adminUrl, options.baseUrl).href
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.id)}@${escapeText(host)}`, `DTSTAMP:${formatUtc(options.now)}`]
  if (event.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${formatDate(event.date)}`, `DTEND;VALUE=DATE:${formatDate(nextDay(event.date))}`)
  } else {
    lines.push(`DTSTART:${formatUtc(new Date(event.at))}`)
  }
  lines.push(
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(`${event.title}\n${event.when}\nÖppna i administrationen: ${url}`)}`,
    // A URI value, not TEXT (RFC 5545 3.3.13): not backslash-escaped; URL() has percent-encoded anything unsafe.
    `URL:${url}`,
    `CATEGORIES:${escapeText(event.kind === 'reviewBy' ? 'Ses över' : 'Publicering')}`,
    // Reminders of the CMS's plans, not meetings: they must not make anyone look busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  )
  return lines
}

/** The whole feed, ready to send as text/calendar. */
export function serializeCalendar(events: readonly CalendarEvent[], options: FeedOptions): string {
  const host = new URL(options.baseUrl).host
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Öppna jämförelser CMS//Kalender//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
    // How often a subscribing client should read the feed again.
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events.flatMap((event) => eventLines(event, options, host)),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
