/**
 * What the admin's "Kalender" and the personal iCalendar feed show: scheduled
 * publishes and unpublishes, scheduled releases and review-by dates, from
 * plain documents. Pure: the adapters (./load.ts) fetch with the viewer's
 * access, and this decides what becomes an event.
 */
import { type Role, rolesOf } from '@/access/roles'
import { AREAS, RELEASES } from '@/slugs'
import { formatSwedishDate, swedishDateTimeOrNull } from '@/domain/swedishDate'

import { stockholmDate } from './dates'

export type CalendarEventKind = 'publish' | 'unpublish' | 'release' | 'reviewBy'

export const EVENT_KIND_LABELS: Record<CalendarEventKind, string> = {
  publish: 'Publicering',
  unpublish: 'Avpublicering',
  release: 'Publiceringspaket',
  reviewBy: 'Ses över senast',
}

export type CalendarEvent = {
  /** Stable per document and kind: a rescheduled publish is the same event at a new time (the feed's UID). */
  id: string
  kind: CalendarEventKind
  /** The instant (ISO, UTC). For an all-day event it is the stored value; its day is `date`. */
  at: string
  /** The Stockholm calendar date the event falls on ('YYYY-MM-DD'). */
  date: string
  /** Review-by dates are days, not moments. */
  allDay: boolean
  /** The page's title or the release's name. */
  subject: string
  /** "Publicering: Hemtjänst". */
  title: string
  /** "2 december 2026 kl. 07.14" or, all day, "14 december 2026". */
  when: string
  /** Relative to the server: /admin/collections/areas/12. */
  adminUrl: string
}

type Id = string | number

export type CalendarArea = {
  id: Id
  title: string
  slug?: string | null
  workflowScheduledPublishAt?: string | null
  workflowScheduledUnpublishAt?: string | null
  reviewBy?: string | null
  deletedAt?: string | null
}

export type CalendarRelease = {
  id: Id
  name: string
  state?: string | null
  publishAt?: string | null
}

export type CalendarViewer = { roles?: readonly string[] | null } | null | undefined

/**
 * Which kinds each role follows. Today every staff role sees the same (areas
 * and releases are readable by all staff); a person without a role sees
 * nothing, as the admin lets them in nowhere.
 */
const KINDS_BY_ROLE: Record<Role, readonly CalendarEventKind[]> = {
  admin: ['publish', 'unpublish', 'release', 'reviewBy'],
  editor: ['publish', 'unpublish', 'release', 'reviewBy'],
  reviewer: ['publish', 'unpublish', 'release', 'reviewBy'],
}

export function visibleKinds(viewer: CalendarViewer): Set<CalendarEventKind> {
  return new Set(rolesOf(viewer).flatMap((role) => KINDS_BY_ROLE[role]))
}

const instant = (value: string | null | undefined): Date | null => {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function timed(kind: CalendarEventKind, collection: string, id: Id, subject: string, at: Date): CalendarEvent {
  return {
    id: `${collection}-${id}-${kind}`,
    kind,
    at: at.toISOString(),
    date: stockholmDate(at),
    allDay: false,
    subject,
    title: `${EVENT_KIND_LABELS[kind]}: ${subject}`,
    // `at` is a valid instant (see `instant`), so it always has a Swedish form.
    when: swedishDateTimeOrNull(at)!,
    adminUrl: `/admin/collections/${collection}/${encodeURIComponent(String(id))}`,
  }
}

function reviewByEvent(area: CalendarArea, at: Date): CalendarEvent {
  // A day-only date field stores an instant; the day it means is its Stockholm date.
  const date = stockholmDate(at)
  return { ...timed('reviewBy', AREAS, area.id, area.title, at), date, allDay: true, when: formatSwedishDate(date) }
}

/** Every event the viewer may see, sorted by time (then by title, so equal times keep one order). */
export function calendarEvents(input: { areas: readonly CalendarArea[]; releases: readonly CalendarRelease[]; viewer: CalendarViewer }): CalendarEvent[] {
  const kinds = visibleKinds(input.viewer)
  const events: CalendarEvent[] = []
  for (const area of input.areas) {
    // Trashed pages publish nothing; the adapter excludes them already, this keeps the core honest.
    if (area.deletedAt) continue
    const publishAt = instant(area.workflowScheduledPublishAt)
    if (publishAt && kinds.has('publish')) events.push(timed('publish', AREAS, area.id, area.title, publishAt))
    const unpublishAt = instant(area.workflowScheduledUnpublishAt)
    if (unpublishAt && kinds.has('unpublish')) events.push(timed('unpublish', AREAS, area.id, area.title, unpublishAt))
    const reviewBy = instant(area.reviewBy)
    if (reviewBy && kinds.has('reviewBy')) events.push(reviewByEvent(area, reviewBy))
  }
  if (kinds.has('release')) {
    for (const release of input.releases) {
      const publishAt = instant(release.publishAt)
      // Only a scheduled release has a publish time; an open one's date is a plan that may move.
      if (release.state === 'scheduled' && publishAt) events.push(timed('release', RELEASES, release.id, release.name, publishAt))
    }
  }
  return events.sort(compareEvents)
}

/** By Stockholm day; a day's all-day events (review-by dates) first, then by time, then by title. */
export function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  if (a.allDay !== b.allDay) return a.allDay ? -1 : 1
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  return a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id)
}

/** Events from `today` (a Stockholm date) on: the admin's "Kommande" list. */
export function upcomingEvents(events: readonly CalendarEvent[], now: Date, limit = 50): CalendarEvent[] {
  const today = stockholmDate(now)
  return events.filter((event) => (event.allDay ? event.date >= today : event.at >= now.toISOString())).slice(0, limit)
}
