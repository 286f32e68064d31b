import type { Payload, PayloadRequest, TypedUser } from 'payload'

import { userHasRole } from '@/access'
import { AREAS, RELEASES } from '@/slugs'
import { type CalendarArea, type CalendarEvent, type CalendarRelease, calendarEvents } from './events'

/**
 * The calendar's documents, read as `user` (overrideAccess off): the
 * collections' own access rules decide what the admin view and the feed
 * may show, the pure core (./events.ts) what becomes an event.
 * `req` is the admin view's request; the feed has none of its own user.
 */
export async function loadCalendarEvents(payload: Payload, user: TypedUser, req?: PayloadRequest): Promise<CalendarEvent[]> {
  // Without a staff role the admin lets a person in nowhere; asking the collections would only be refused.
  if (!userHasRole(user, 'admin', 'editor', 'reviewer')) return []
  const common = { user, overrideAccess: false, depth: 0, pagination: false, ...(req ? { req } : {}) } as const
  const [areas, releases] = await Promise.all([
    payload.find({
      ...common,
      collection: AREAS,
      // The working copy carries the workflow's schedule; trashed pages are left out (Payload's default).
      draft: true,
      where: { or: [{ workflowScheduledPublishAt: { exists: true } }, { workflowScheduledUnpublishAt: { exists: true } }, { reviewBy: { exists: true } }] },
      select: { title: true, slug: true, workflowScheduledPublishAt: true, workflowScheduledUnpublishAt: true, reviewBy: true, deletedAt: true },
    }),
    payload.find({
      ...common,
      collection: RELEASES,
      where: { state: { equals: 'scheduled' } },
      select: { name: true, state: true, publishAt: true },
    }),
  ])
  return calendarEvents({ areas: areas.docs as CalendarArea[], releases: releases.docs as CalendarRelease[], viewer: user })
}
