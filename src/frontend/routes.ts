/**
 * Which public addresses do not exist. Next renders a page's notFound() as an
 * empty error shell filled in by JavaScript (with two root layouts, as here),
 * so the CMS's HTTP server sends these to NOT_FOUND_PATH, a normal
 * server-rendered page, with status 404 (src/http/httpServer.mjs).
 */
import { HISTORY_SEGMENT, NON_PAGE_SEGMENTS, NOT_FOUND_PATH, PAGE_SEGMENTS, ROOT_FILES } from '@/runtime/serverContract.mjs'

/** First path segments that Next's routes (or its static files) answer. */
const KNOWN_SEGMENTS = new Set<string>([...Object.values(PAGE_SEGMENTS), ...NON_PAGE_SEGMENTS, ...ROOT_FILES])

export type PublishedPages = {
  hasPage: (slug: string) => boolean
  /** Whether the page has a public record, or (with a number) that version in it. */
  hasVersion: (slug: string, number?: number) => boolean
}

/**
 * True when the address is certainly not a page: an unknown top segment, a
 * comparison that is not published, or a version that is not in its record.
 */
export function isMissingPage(pathname: string, pages: PublishedPages): boolean {
  const segments = pathname.split('/').slice(1)
  if (segments.at(-1) === '' && segments.length > 1) segments.pop()
  const [first = '', slug, ...rest] = segments
  // The 404 page itself is a 404 too, also when asked for by name.
  if (!KNOWN_SEGMENTS.has(first) || `/${first}` === NOT_FOUND_PATH) return true
  if (first !== PAGE_SEGMENTS.comparisons) return false
  if (slug === undefined) return true
  let decoded: string
  try {
    decoded = decodeURIComponent(slug)
  } catch {
    return true
  }
  if (rest.length === 0) return !pages.hasPage(decoded)
  const [history, number, ...more] = rest
  if (history !== HISTORY_SEGMENT || more.length > 0) return true
  if (number === undefined) return !pages.hasVersion(decoded)
  return !/^\d{1,6}$/.test(number) || !pages.hasVersion(decoded, Number(number))
}
