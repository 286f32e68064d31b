import { randomBytes } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'

import { rolesOf } from '@/access/roles'
import { recordAudit } from '@/audit/record'
import type { OidcConfig } from '@/env'
import { USERS } from '@/slugs'
import type { User } from '@/payload-types'
import { directoryContext, type DirectoryRoles } from '@/pipeline/context'
import { endAllSessions, startPayloadSession } from './session'
import { identityFromClaims, planSignIn, type DirectoryIdentity, type KnownAccount, type RefusalReason } from './signIn'


export type SignInOutcome =
  | { ok: true; userId: number | string; cookie: string; created: boolean }
  | { ok: false; reason: RefusalReason }

const knownAccount = (user: User | undefined): KnownAccount | null =>
  user
    ? {
        id: user.id,
        roles: rolesOf(user),
        name: user.name,
        sso: user.sso?.subject && user.sso.issuer ? { issuer: user.sso.issuer, subject: user.sso.subject } : null,
      }
    : null

async function findAccounts(req: PayloadRequest, identity: DirectoryIdentity) {
  const first = async (where: Where) =>
    (await req.payload.find({ collection: USERS, where, limit: 1, depth: 0, overrideAccess: true, req, pagination: false })).docs[0]
  const bySubject = await first({ and: [{ 'sso.subject': { equals: identity.subject } }, { 'sso.issuer': { equals: identity.issuer } }] })
  const byEmail = bySubject ? undefined : await first({ email: { equals: identity.email } })
  return { bySubject: knownAccount(bySubject), byEmail: knownAccount(byEmail) }
}

/** An audit entry in a request of its own: for refusals, whose own changes (if any) are already committed or rolled back. */
export async function auditSsoRefusal(payload: Payload, details: Record<string, unknown>, title: string | null): Promise<void> {
  const req = await createLocalReq({}, payload)
  await recordAudit(req, { action: 'ssoRefused', collection: USERS, documentTitle: title, details }).catch((error) =>
    payload.logger.error({ msg: 'Kunde inte logga nekad inloggning', err: error }),
  )
}

/**
 * Applies one sign-in's plan: creates or updates the account with the
 * directory's roles and starts its session, or refuses, removing the roles
 * and sessions of an account the directory no longer gives any role. The
 * account, its session and the audit entries are written together.
 */
export async function applySignIn(payload: Payload, claims: Record<string, unknown>, oidc: OidcConfig, now = new Date()): Promise<SignInOutcome> {
  const read = identityFromClaims(claims, oidc)
  if (!read.ok) {
    await auditSsoRefusal(payload, { reason: read.reason, subject: String(claims.sub), claim: oidc.rolesClaim, values: read.claimValues }, null)
    return { ok: false, reason: read.reason }
  }
  const { identity } = read
  const directory: DirectoryRoles = { claim: oidc.rolesClaim, values: identity.claimValues }
  const req = await createLocalReq({ context: directoryContext(directory) }, payload)
  const own = await initTransaction(req)
  try {
    const plan = planSignIn(identity, ...(Object.values(await findAccounts(req, identity)) as [KnownAccount | null, KnownAccount | null]))
    const sso = { issuer: identity.issuer, subject: identity.subject, lastSignInAt: now.toISOString() }
    const decided = { claim: oidc.rolesClaim, values: identity.claimValues, roles: identity.roles, subject: identity.subject }
    if (plan.kind === 'refuse') {
      if (plan.revoke && plan.account) {
        await payload.update({ collection: USERS, id: plan.account.id as number, data: { roles: [], sso }, overrideAccess: true, req, context: req.context })
        await endAllSessions(req, plan.account.id)
      }
      await recordAudit(req, {
        action: 'ssoRefused',
        collection: USERS,
        documentId: plan.account?.id,
        documentTitle: identity.email,
        details: { reason: plan.reason, ...decided, ...(plan.revoke ? { rolesRemoved: plan.account?.roles, sessionsEnded: true } : {}) },
      })
      if (own) await commitTransaction(req)
      return { ok: false, reason: plan.reason }
    }
    const user =
      plan.kind === 'create'
        ? await payload.create({
            collection: USERS,
            // The password is never told to anyone: the account signs in only through the directory.
            data: { email: identity.email, name: identity.name, roles: identity.roles, sso, password: randomBytes(32).toString('hex') },
            overrideAccess: true,
            req,
            context: req.context,
          })
        : await payload.update({
            collection: USERS,
            id: plan.account.id as number,
            data: { name: identity.name, roles: identity.roles, sso },
            overrideAccess: true,
            req,
            context: req.context,
          })
    req.user = { ...user, collection: USERS } as PayloadRequest['user']
    await recordAudit(req, {
      action: 'ssoSignIn',
      collection: USERS,
      documentId: user.id,
      documentTitle: identity.email,
      details: { ...decided, created: plan.kind === 'create', ...(plan.kind === 'update' && plan.links ? { linkedLocalAccount: true } : {}) },
    })
    const session = await startPayloadSession(req, user.id)
    if (own) await commitTransaction(req)
    return { ok: true, userId: user.id, cookie: session.cookie, created: plan.kind === 'create' }
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}
