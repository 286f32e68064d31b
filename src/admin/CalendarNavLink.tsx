import type { ServerProps } from 'payload'

import { userHasRole } from '@/access'

/** A link to the calendar under the navigation, for everyone on the staff. */
export function CalendarNavLink({ user }: ServerProps) {
  if (!userHasRole(user as never, 'admin', 'editor', 'reviewer')) return null
  return (
    <a className="nav__link" href="/admin/kalender">
      Kalender
    </a>
  )
}
