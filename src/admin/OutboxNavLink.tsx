import type { ServerProps } from 'payload'

import { userHasRole } from '@/access'

/** A link to the outbox under the navigation, for administrators. */
export function OutboxNavLink({ user }: ServerProps) {
  if (!userHasRole(user as never, 'admin')) return null
  return (
    <a className="nav__link" href="/admin/utkorg">
      Utkorg (e-post)
    </a>
  )
}
