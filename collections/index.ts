/** Slugs of every collection, so code never spells one out by hand. */
export const USERS = 'users' as const
