import {
  APIError,
  AuthenticationError,
  createLocalReq,
  Forbidden,
  LockedAuth,
  type CollectionAfterChangeHook,
  type CollectionAfterErrorHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeOperationHook,
  type FieldAccess,
  type FieldHook,
  type PayloadRequest,
  type SelectFieldManyValidation,
  validations,
} from 'payload'

import { rolesOf, userHasRole } from '@/access'
import { recordAudit } from '@/audit/record'
import { loadEnv } from '@/env'
import { forbidden, invalidField } from '@/errors'
import { directoryRoles } from '@/pipeline/context'
import { directorySessionExpired, isDirectoryAccount, passwordLoginClosed, passwordLoginRefusal } from '@/sso/passwordLogin'
import { enforceAuthLimit } from '@/auth/securityLogin'
import { USERS } from '..'

const DIRECTORY_ROLES =
  'Rollerna för det här kontot kommer från kommunens katalog och sätts vid varje inloggning (fältet Roller). Ändra gruppen eller approllen i katalogen i stället. Inget sparades.'

/** Roles are edited here only by admins, and never on an account whose roles come from the directory. */
export const rolesEditableHere: FieldAccess = ({ req, doc }) => userHasRole(req.user, 'admin') && !isDirectoryAccount(doc)

/** At least one role, unless the directory gave none (such an account cannot sign in). */
export const rolesRequiredUnlessDirectory: SelectFieldManyValidation = (value, options) => {
  // A custom validate replaces Payload's own: its check that every value is one of the options must still run.
  const known = validations.select(value, options)
  if (known !== true) return known
  if ((Array.isArray(value) && value.length > 0) || isDirectoryAccount(options.data as never)) return true
  return 'Välj minst en roll (fältet Roller).'
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((role) => b.includes(role))

/**
 * Field access alone would drop a non-admin's role change silently (200 OK);
 * answering 403 tells the caller that nothing was changed and why.
 */
export const rejectRoleChangeByNonAdmin: FieldHook = ({ context, operation, originalDoc, req, value }) => {
  if (operation !== 'update' || value === undefined || directoryRoles(context)) return value
  const before = rolesOf(originalDoc)
  const after = rolesOf({ roles: Array.isArray(value) ? value : [] })
  if (sameRoles(before, after)) return value
  if (isDirectoryAccount(originalDoc)) throw forbidden(DIRECTORY_ROLES, 'roles')
  if (!userHasRole(req.user, 'admin')) throw forbidden('Bara en administratör kan ändra roller (fältet Roller). Inget sparades.', 'roles')
  return value
}

/** The account made on the first-user screen must be able to administer the rest. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ context, data, operation, req }) => {
  // An account made by a directory sign-in gets exactly the roles its claims give.
  if (operation !== 'create' || directoryRoles(context)) return data
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
export const keepOneAdminOnUpdate: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  // The directory decides for its accounts: keeping a role it took away would keep access it ended.
  if (operation !== 'update' || !originalDoc || data.roles === undefined || directoryRoles(context)) return data
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

export const auditRoleChange: CollectionAfterChangeHook = async ({ context, doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const before = rolesOf(previousDoc)
  const after = rolesOf(doc)
  if (!sameRoles(before, after)) {
    const directory = directoryRoles(context)
    await recordAudit(req, {
      action: 'roleChange',
      collection: USERS,
      documentId: doc.id,
      documentTitle: doc.name ?? doc.email,
      // From the directory: the claim values that decided it.
      details: { from: before, to: after, ...(directory ? { source: 'directory', claim: directory.claim, values: directory.values } : {}) },
    })
  }
  return doc
}

/** A refused password sign-in (PASSWORD_LOGIN, or an account of the directory): 403 with what to do instead. */
export class PasswordLoginRefused extends APIError {
  constructor(message: string) {
    super(message, 403, null, true)
    this.name = 'PasswordLoginRefused'
  }
}

/**
 * After the password was verified, so a refusal tells nothing about which
 * addresses exist: directory accounts never sign in with a password, and
 * with PASSWORD_LOGIN=admins only administrators do. The login's
 * transaction is rolled back, so no session is kept.
 */
export const enforcePasswordLoginPolicy: CollectionBeforeLoginHook = ({ user }) => {
  const env = loadEnv()
  const refusal = passwordLoginRefusal(env.passwordLogin, user, env.oidc?.loginLabel)
  if (refusal) throw new PasswordLoginRefused(refusal)
  return user
}

/**
 * A directory account's session ends SESSION_HOURS after its sign-in at the
 * provider, however active the person is: refresh stops there, so someone
 * removed from the directory's groups loses access within that time even
 * without signing in again.
 */
export const limitDirectorySessions: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'refresh' || !req.user || !isDirectoryAccount(req.user as never)) return args
  const sid = (req.user as { _sid?: string })._sid
  const stored = (await req.payload.db.findOne({ collection: USERS, req, where: { id: { equals: req.user.id } } })) as {
    sessions?: Array<{ id: string; createdAt?: string | Date }>
  } | null
  const session = stored?.sessions?.find((entry) => entry.id === sid)
  if (directorySessionExpired(session?.createdAt, loadEnv().sessionHours)) throw new Forbidden(req.t)
  return args
}

/** Failed and locked logins, in a request of their own: the login's own transaction is rolled back. */
export const auditFailedLogin: CollectionAfterErrorHook = async ({ error, req }) => {
  if (!(error instanceof AuthenticationError || error instanceof LockedAuth || error instanceof PasswordLoginRefused)) return
  const email = typeof req.data?.email === 'string' ? req.data.email.slice(0, 200) : null
  const auditReq = await createLocalReq({}, req.payload)
  await recordAudit(auditReq, {
    action: 'loginFailed',
    collection: USERS,
    documentTitle: email,
    details: { locked: error instanceof LockedAuth, ...(error instanceof PasswordLoginRefused ? { refused: error.message } : {}) },
  }).catch((cause) => req.payload.logger.error({ msg: 'Kunde inte logga misslyckad inloggning', err: cause }))
}

/**
 * Login and forgot-password over REST and GraphQL count against the client
 * address's and the account's limit (src/auth/securityLogin.ts); past it,
 * 429 with Retry-After, before the password is even looked at. The local API
 * (scripts, seeding) is not limited.
 */
export const limitAuthAttempts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const password = operation === 'login' || operation === 'forgotPassword' || operation === 'resetPassword'
  if (password && req.payloadAPI !== 'local') {
    // PASSWORD_LOGIN=off: REST and GraphQL refuse before anything is looked up, not only the admin's form.
    const env = loadEnv()
    const closed = passwordLoginClosed(env.passwordLogin, env.oidc?.loginLabel)
    if (closed) throw new PasswordLoginRefused(closed)
    if (operation !== 'resetPassword') enforceAuthLimit(operation, req, (args as { data?: { email?: unknown } }).data?.email)
  }
  return args
}
