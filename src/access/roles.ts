/** The roles a user can hold, with their Swedish names. One user may hold several. */
export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { sv: string; en: string }> = {
  admin: { sv: 'Administratör', en: 'Administrator' },
  editor: { sv: 'Redaktör', en: 'Editor' },
  reviewer: { sv: 'Granskare', en: 'Reviewer' },
}

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export function rolesOf(user: MaybeUser): Role[] {
  return (user?.roles ?? []).filter((role): role is Role => (ROLES as readonly string[]).includes(role))
}

export function userHasRole(user: MaybeUser, ...roles: Role[]): boolean {
  const held = rolesOf(user)
  return roles.some((role) => held.includes(role))
}
