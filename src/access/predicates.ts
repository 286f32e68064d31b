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

/** A field of a user account that only its owner and admins read (its directory link, its calendar feed). */
export const ownAccountFieldOnly: FieldAccess = ({ req, id, doc }) => {
  if (!req.user) return false
  if (userHasRole(req.user, 'admin')) return true
  const accountId = id ?? (doc as { id?: unknown } | undefined)?.id
  return accountId !== undefined && String(accountId) === String(req.user.id)
}

export const nobody = (): boolean => false

/** Anyone on the staff: what each of them may do to a document is the workflow's decision. */
export const isStaff = hasRole('admin', 'editor', 'reviewer')

/**
 * Staff read every colleague's account (their name, address and roles: what the admin shows for
 * "who holds the lock", "who owns the release", "who wrote the comment"); a signed-in person
 * without a role still reads their own. What is private to an account is a field with
 * `ownAccountFieldOnly`.
 */
export const staffOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isStaff({ req })) return true
  return { id: { equals: req.user.id } }
}

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

type PolymorphicRef = { relationTo?: unknown; value?: unknown } | null | undefined

/** A polymorphic user reference (`{ relationTo, value }`, value an id or a populated user) naming the signed-in user. */
function namesSelf(ref: PolymorphicRef, user: PayloadRequest['user']): boolean {
  if (!user || !ref || typeof ref !== 'object') return false
  const value = ref.value && typeof ref.value === 'object' ? (ref.value as { id?: unknown }).id : ref.value
  return ref.relationTo === user.collection && value !== undefined && value !== null && String(value) === String(user.id)
}

/** Documents whose polymorphic `user` field is the signed-in user (locks, preferences). */
function heldBySelf(user: NonNullable<PayloadRequest['user']>): Where {
  return { and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: user.collection } }] }
}

/**
 * payload-locked-documents, create: staff lock documents in their own name only
 * (a lock naming a colleague would show them as editing a page they are not).
 * Without data (permission overviews) it answers for the role alone.
 */
export const createsOwnLock: Access = ({ req, data }) =>
  isStaff({ req }) && (data === undefined || namesSelf((data as { user?: PolymorphicRef }).user, req.user))

/**
 * payload-locked-documents, update: a staff member changes their own lock, or
 * takes over someone else's in their own name (Payload's "Take over" button);
 * handing a lock to a third person is refused.
 */
export const updatesOwnLock: Access = ({ req, data }) => {
  if (!isStaff({ req }) || !req.user) return false
  const user = (data as { user?: PolymorphicRef } | undefined)?.user
  if (user !== undefined) return namesSelf(user, req.user)
  return heldBySelf(req.user)
}

/** payload-locked-documents, delete: staff release their own locks; removing someone else's is for admins. */
export const releasesOwnLockOrAdmin: Access = ({ req }) => {
  if (!isStaff({ req }) || !req.user) return false
  return isAdmin({ req }) ? true : heldBySelf(req.user)
}
