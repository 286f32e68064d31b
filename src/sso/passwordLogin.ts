import { userHasRole } from '@/access/roles'
import type { PasswordLoginMode } from '@/env'

/**
 * Who may sign in with a password (PASSWORD_LOGIN), decided before the
 * password is looked at when nobody may, and after it was verified
 * otherwise, so that a refusal does not tell which addresses exist.
 */

export type PasswordAccount = { roles?: readonly string[] | null; sso?: { subject?: string | null } | null }

export const isDirectoryAccount = (user: PasswordAccount | null | undefined): boolean => Boolean(user?.sso?.subject)

export function passwordLoginClosed(mode: PasswordLoginMode, ssoLabel: string | undefined): string | null {
  if (mode !== 'off') return null
  return `Inloggning med lösenord är avstängd. Logga in med knappen ”${ssoLabel ?? 'kommunens konto'}”.`
}

export function passwordLoginRefusal(mode: PasswordLoginMode, user: PasswordAccount, ssoLabel: string | undefined): string | null {
  const closed = passwordLoginClosed(mode, ssoLabel)
  if (closed) return closed
  if (isDirectoryAccount(user)) {
    return `Det här kontot loggar in med kommunens konto, inte med lösenord. Använd knappen ”${ssoLabel ?? 'kommunens konto'}”.`
  }
  if (mode === 'admins' && !userHasRole(user, 'admin')) {
    return `Med lösenord kan bara administratörers reservkonton logga in. Använd knappen ”${ssoLabel ?? 'kommunens konto'}”.`
  }
  return null
}

/**
 * A directory account's session is not extended by activity past
 * `sessionHours` from its sign-in at the provider: then the person signs in
 * again and the directory's groups are read anew.
 */
export function directorySessionExpired(sessionCreatedAt: Date | string | null | undefined, sessionHours: number, now = Date.now()): boolean {
  if (!sessionCreatedAt) return true
  const created = new Date(sessionCreatedAt).getTime()
  return !Number.isFinite(created) || now - created >= sessionHours * 3600_000
}
