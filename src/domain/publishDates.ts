/**
 * "Publicerad" and "Senast uppdaterad" are derived, never typed: the first
 * publish sets both; a later publish moves "Senast uppdaterad" only when the
 * content differs from what was live. Drafts change neither.
 */

import { relationId } from './relations'
import { orderBodyResultSets } from './resultSets'

export type PublishDates = { firstPublishedAt: string | null; lastPublishedAt: string | null }

/** The fields whose change a reader would notice; bookkeeping fields are left out. */
export const CONTENT_FIELDS = ['title', 'teaser', 'intro', 'body', 'otherLinks', 'section'] as const

/** Row ids, key order and empty values do not make content differ (also the audit log's changed fields, src/audit/changes.ts). */
export function normaliseContent(value: unknown): unknown {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null
  if (Array.isArray(value)) return value.map(normaliseContent)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    // A result set's heading is derived from the years (a virtual field), not content.
    const derived = record.blockType === 'resultSet' ? ['heading'] : []
    const entries = Object.entries(record)
      .filter(([key, entry]) => key !== 'id' && !derived.includes(key) && normaliseContent(entry) !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, entry]) => [key, normaliseContent(entry)])
    return entries.length ? Object.fromEntries(entries) : null
  }
  return value
}

/**
 * The order of the result sets is not content: every save stores them newest
 * year first and the page reads that way, so a body saved before that (or a
 * page file listing its years oldest first) is the same page.
 */
const inPageOrder = (body: unknown): unknown =>
  Array.isArray(body) ? orderBodyResultSets(body as { blockType?: string | null; surveyYear?: number | null }[]) : body

/**
 * The content fields of any stored shape (a generated `Area`, a version, a draft's data).
 * Narrower than `Area` on purpose: this core compares content and reads nothing else.
 */
export type ContentFields = { [K in (typeof CONTENT_FIELDS)[number]]?: unknown }

export function contentFingerprint(doc: ContentFields | null | undefined): string {
  if (!doc) return ''
  const picked = Object.fromEntries(
    CONTENT_FIELDS.map((field) => [field, field === 'section' ? relationId(doc[field]) : normaliseContent(field === 'body' ? inPageOrder(doc.body) : doc[field])]),
  )
  return JSON.stringify(picked)
}

export function nextPublishDates(args: {
  live: (ContentFields & { firstPublishedAt?: string | null; lastPublishedAt?: string | null }) | null
  next: ContentFields
  now: string
}): PublishDates {
  const { live, next, now } = args
  const firstPublishedAt = live?.firstPublishedAt ?? now
  if (!live?.lastPublishedAt) return { firstPublishedAt, lastPublishedAt: now }
  const changed = contentFingerprint(live) !== contentFingerprint(next)
  return { firstPublishedAt, lastPublishedAt: changed ? now : live.lastPublishedAt }
}
