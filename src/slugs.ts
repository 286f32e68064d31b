/** Slugs of every collection and global, so code never spells one out by hand. */
export const USERS = 'users' as const
export const AREAS = 'areas' as const
export const SECTIONS = 'sections' as const
export const LINKS = 'links' as const
export const NOTICES = 'notices' as const
export const AUDIT_LOG = 'audit-log' as const
export const COMMENTS = 'comments' as const
export const WEBHOOKS = 'webhooks' as const
export const WEBHOOK_DELIVERIES = 'webhook-deliveries' as const
export const PUBLISHED_SNAPSHOTS = 'published-snapshots' as const
export const PUBLICATION_HISTORY = 'publication-history' as const
export const INDICATORS = 'indicators' as const
export const RESULT_MAPPINGS = 'result-mappings' as const
export const RELEASES = 'releases' as const
/** A global: the words the spelling check accepts besides the built-in list (admin: Administration → Ordlista). */
export const SPELLING_WORDS = 'spelling-words' as const
