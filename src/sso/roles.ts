import { ROLES, type Role } from '@/access/roles'

/** The values of the roles claim as read from the ID token: a string or a list of strings; anything else counts as none. */
export function claimValues(claims: Record<string, unknown>, claimName: string): string[] {
  const raw = claims[claimName]
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : []
  return [...new Set(list.filter((value): value is string => typeof value === 'string' && value !== ''))].slice(0, 200)
}

/** Roles the directory gives: each mapped claim value's role, in the order of ROLES. */
export function rolesFromClaimValues(values: readonly string[], roleMap: Readonly<Record<string, Role>>): Role[] {
  const given = new Set(values.flatMap((value) => (Object.hasOwn(roleMap, value) ? [roleMap[value]!] : [])))
  return ROLES.filter((role) => given.has(role))
}
