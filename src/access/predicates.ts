import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { type Role, userHasRole } from './roles'

/**
 * Small, named access predicates. Collections combine these; none of them is
 * written inline in a collection config.
 */

type RequestArgs = { req: PayloadRequest }

export const isAuthenticated = ({ req }: RequestArgs): boolean => Boolean(req.user)

export const isAdmin = ({ req }: RequestArgs): boolean => userHasRole(req.user, 'admin')

/** True when the user holds any of the given roles. */
export const hasRole =
  (...roles: Role[]) =>
  ({ req }: RequestArgs): boolean =>
    userHasRole(req.user, ...roles)

/** Admins see every user; anyone else only their own account. */
export const isAdminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (userHasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}

export const adminFieldOnly: FieldAccess = ({ req }) => userHasRole(req.user, 'admin')

export const nobody = (): boolean => false

/** Anyone on the staff: what each of them may do to a document is the workflow's decision. */
export const isStaff = hasRole('admin', 'editor', 'reviewer')

/** Staff who write content: editors and admins. */
export const isContentEditor = hasRole('editor', 'admin')

/**
 * Drafts are for signed-in staff; anonymous readers get published documents
 * only. A query, not `() => true`: that would hand drafts to anyone.
 */
export const publishedOnlyForAnonymous: Access = ({ req }) =>
  req.user ? true : { _status: { equals: 'published' } }

/** Anonymous readers see only notices that are active right now. */
export const activeNoticesForAnonymous: Access = ({ req }) => {
  if (req.user) return true
  const now = new Date().toISOString()
  const active: Where = {
    and: [
      { startsAt: { less_than_equal: now } },
      { or: [{ endsAt: { exists: false } }, { endsAt: { equals: null } }, { endsAt: { greater_than: now } }] },
    ],
  }
  return active
}

export const anyone = (): boolean => true
