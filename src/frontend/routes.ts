/**
 * Which public addresses do not exist. Next renders a page's notFound() as an
 * empty error shell filled in by JavaScript (with two root layouts, as here),
 * so the CMS's HTTP server sends these to NOT_FOUND_PATH, a normal
 * server-rendered page, with status 404 (src/server/httpServer.mjs).
 */
export const NOT_FOUND_PATH = '/sidan-finns-inte'

/** First path segments that Next's routes (or its static files) answer. */
const KNOWN_SEGMENTS = new Set(['', 'jamforelser', 'tillganglighet', 'forhandsgranska', 'admin', 'api', '_next', 'sidan-finns-inte', 'favicon.ico', 'robots.txt'])

/** True when the address is certainly not a page: an unknown top segment, or a comparison that is not published. */
export function isMissingPage(pathname: string, hasPublishedPage: (slug: string) => boolean): boolean {
  const segments = pathname.split('/').slice(1)
  if (segments.at(-1) === '' && segments.length > 1) segments.pop()
  const [first = '', slug, ...rest] = segments
  // The 404 page itself is a 404 too, also when asked for by name.
  if (!KNOWN_SEGMENTS.has(first) || `/${first}` === NOT_FOUND_PATH) return true
  if (first !== 'jamforelser') return false
  if (slug === undefined || rest.length > 0) return true
  let decoded: string
  try {
    decoded = decodeURIComponent(slug)
  } catch {
    return true
  }
  return !hasPublishedPage(decoded)
}
