import {
  AuthenticationError,
  createLocalReq,
  LockedAuth,
  type CollectionAfterChangeHook,
  type CollectionAfterErrorHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeOperationHook,
  type FieldHook,
  type PayloadRequest,
} from 'payload'

import { rolesOf, userHasRole } from '@/access'
import { recordAudit } from '@/audit/record'
import { forbidden, invalidField } from '@/errors'
import { enforceAuthLimit } from '@/server/securityLogin'
import { USERS } from '..'

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role) => b.includes(role))

/**
 * Field access alone would drop a non-admin's role change silently (200 OK);
 * answering 403 tells the caller that nothing was changed and why.
 */
export const rejectRoleChangeByNonAdmin: FieldHook = ({ operation, originalDoc, req, value }) => {
  if (operation !== 'update' || value === undefined || userHasRole(req.user, 'admin')) return value
  const before = rolesOf(originalDoc)
  const after = rolesOf({ roles: Array.isArray(value) ? value : [] })
  if (!sameRoles(before, after)) {
    throw forbidden('Bara en administratör kan ändra roller (fältet Roller). Inget sparades.', 'roles')
  }
  return value
}

/** The account made on the first-user screen must be able to administer the rest. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS, overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}

async function otherAdminCount(req: PayloadRequest, id: number | string): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: USERS,
    overrideAccess: true,
    req,
    where: { and: [{ roles: { contains: 'admin' } }, { id: { not_equals: id } }] },
  })
  return totalDocs
}

const LAST_ADMIN = 'Det måste finnas minst en administratör. Ge först någon annan rollen Administratör.'

/** Without an admin nobody could create users or change roles again. */
export const keepOneAdminOnUpdate: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || data.roles === undefined) return data
  const wasAdmin = userHasRole(originalDoc, 'admin')
  const staysAdmin = userHasRole({ roles: data.roles }, 'admin')
  if (wasAdmin && !staysAdmin && (await otherAdminCount(req, originalDoc.id)) === 0) {
    throw invalidField({ collection: USERS, path: 'roles', message: LAST_ADMIN, req })
  }
  return data
}

export const keepOneAdminOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({ collection: USERS, id, overrideAccess: true, req, depth: 0 })
  if (userHasRole(user, 'admin') && (await otherAdminCount(req, id)) === 0) {
    throw invalidField({ collection: USERS, path: 'roles', message: LAST_ADMIN, req })
  }
}

export const auditRoleChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const before = rolesOf(previousDoc)
  const after = rolesOf(doc)
  if (!sameRoles(before, after)) {
    await recordAudit(req, {
      action: 'roleChange',
      collection: USERS,
      documentId: doc.id,
      documentTitle: doc.name ?? doc.email,
      details: { from: before, to: after },
    })
  }
  return doc
}

/** Failed and locked logins, in a request of their own: the login's own transaction is rolled back. */
export const auditFailedLogin: CollectionAfterErrorHook = async ({ error, req }) => {
  if (!(error instanceof AuthenticationError || error instanceof LockedAuth)) return
  const email = typeof req.data?.email === 'string' ? req.data.email.slice(0, 200) : null
  const auditReq = await createLocalReq({}, req.payload)
  await recordAudit(auditReq, {
    action: 'loginFailed',
    collection: USERS,
    documentTitle: email,
    details: { locked: error instanceof LockedAuth },
  }).catch((cause) => req.payload.logger.error({ msg: 'Kunde inte logga misslyckad inloggning', err: cause }))
}

/**
 * Login and forgot-password over REST and GraphQL count against the client
 * address's and the account's limit (src/server/securityLogin.ts); past it,
 * 429 with Retry-After, before the password is even looked at. The local API
 * (scripts, seeding) is not limited.
 */
export const limitAuthAttempts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'login' || operation === 'forgotPassword') && req.payloadAPI !== 'local') {
    enforceAuthLimit(operation, req, (args as { data?: { email?: unknown } }).data?.email)
  }
  return args
}
