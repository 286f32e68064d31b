import type { Role } from '@/access/roles'
import type { OidcConfig } from '@/env'
import { claimValues, rolesFromClaimValues } from './roles'

/**
 * What one SSO sign-in does to the accounts, decided from the validated ID
 * token's claims and the account found for them. Pure: the endpoint applies
 * the plan (src/sso/applySignIn.ts) and never decides again.
 */

export type DirectoryIdentity = {
  issuer: string
  subject: string
  email: string
  name: string
  /** The roles claim's values as sent: recorded in the audit log with each decision. */
  claimValues: string[]
  roles: Role[]
}

export type RefusalReason =
  | 'noRole'
  | 'noEmail'
  | 'accountConflict'
  | 'flowMissing'
  | 'flowExpired'
  | 'invalidResponse'
  | 'providerError'
  | 'unavailable'
  | 'tooManyAttempts'

/** Query parameter of the login page naming why a sign-in was refused (shown by src/admin/SsoLogin.tsx). */
export const REFUSAL_PARAM = 'ssoFel'

/** Shown on the login page: what happened and what the person can do. */
export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  noRole:
    'Ditt konto har ingen behörighet till Öppna jämförelser. Be din chef eller IT-avdelningen att lägga till dig i rätt grupp (redaktör eller granskare) och logga sedan in igen.',
  noEmail: 'Ditt konto i kommunens katalog saknar e-postadress, så inget konto kunde skapas. Kontakta IT-avdelningen.',
  accountConflict:
    'E-postadressen hör redan till ett annat konto i kommunens katalog. Kontakta en administratör, som kan reda ut vilket konto som gäller.',
  flowMissing: 'Inloggningen kunde inte slutföras: den startades inte från den här webbläsaren eller är redan använd. Försök igen.',
  flowExpired: 'Inloggningen tog för lång tid (mer än 10 minuter). Försök igen.',
  invalidResponse: 'Inloggningen avbröts: svaret från inloggningstjänsten klarade inte säkerhetskontrollen. Försök igen; om felet kvarstår, kontakta IT-avdelningen.',
  providerError: 'Inloggningstjänsten avbröt inloggningen. Försök igen; om felet kvarstår, kontakta IT-avdelningen.',
  unavailable: 'Inloggningstjänsten går inte att nå just nu. Försök igen om en stund.',
  tooManyAttempts: 'För många inloggningsförsök från din adress. Vänta en stund och försök igen.',
}

export const isRefusalReason = (value: unknown): value is RefusalReason =>
  typeof value === 'string' && Object.hasOwn(REFUSAL_MESSAGES, value)

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)

/**
 * The person as the directory describes them. Entra ID puts the address in
 * `email` (optional claim) or `preferred_username` (the UPN, usually the same).
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  oidc: Pick<OidcConfig, 'rolesClaim' | 'roleMap'>,
): { ok: true; identity: DirectoryIdentity } | { ok: false; reason: 'noEmail'; claimValues: string[] } {
  const values = claimValues(claims, oidc.rolesClaim)
  const email = [text(claims.email), text(claims.preferred_username)].find((candidate) => candidate && /^[^\s@]+@[^\s@]+$/.test(candidate))
  if (!email) return { ok: false, reason: 'noEmail', claimValues: values }
  const name = text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || email)
  return {
    ok: true,
    identity: {
      issuer: String(claims.iss),
      subject: String(claims.sub),
      email: email.toLowerCase(),
      name: name.slice(0, 200),
      claimValues: values,
      roles: rolesFromClaimValues(values, oidc.roleMap),
    },
  }
}

/** The account the sign-in found: by subject first, then by e-mail. */
export type KnownAccount = {
  id: number | string
  roles: Role[]
  name: string
  sso: { issuer: string; subject: string } | null
}

export type SignInPlan =
  | { kind: 'create'; identity: DirectoryIdentity }
  | { kind: 'update'; identity: DirectoryIdentity; account: KnownAccount; rolesChanged: boolean; links: boolean }
  /** `revoke`: an existing account the directory no longer gives any role; its roles and sessions are removed. */
  | { kind: 'refuse'; reason: 'noRole' | 'accountConflict'; identity: DirectoryIdentity; account: KnownAccount | null; revoke: boolean }

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((role) => b.includes(role))

export function planSignIn(identity: DirectoryIdentity, bySubject: KnownAccount | null, byEmail: KnownAccount | null): SignInPlan {
  const account = bySubject ?? byEmail
  // A local account with the same address is taken over by the directory; one linked to another person is not.
  if (!bySubject && byEmail?.sso && (byEmail.sso.subject !== identity.subject || byEmail.sso.issuer !== identity.issuer)) {
    return { kind: 'refuse', reason: 'accountConflict', identity, account: byEmail, revoke: false }
  }
  if (identity.roles.length === 0) {
    // Only an account the directory already manages loses its roles; a local account with the same address is left alone.
    return { kind: 'refuse', reason: 'noRole', identity, account, revoke: bySubject !== null }
  }
  if (!account) return { kind: 'create', identity }
  return { kind: 'update', identity, account, rolesChanged: !sameRoles(account.roles, identity.roles), links: !bySubject }
}
