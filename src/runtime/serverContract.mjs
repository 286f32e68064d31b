/**
 * What the CMS's HTTP server (src/http/httpServer.mjs, plain Node outside
 * Next's bundle) and the Next app must agree on, defined once for both sides.
 * Plain JavaScript so that the server loads it without a compiler
 * (scripts/lib/build.ts copies it beside the server); TypeScript reads its
 * types from the JSDoc.
 */

/**
 * The first path segments of the public site's pages (src/app/(frontend)),
 * '' being the start page. Every address outside NON_PAGE_SEGMENTS is a
 * public page (or a missing one); these are the ones that exist.
 */
export const PAGE_SEGMENTS = Object.freeze({
  home: '',
  comparisons: 'jamforelser',
  accessibility: 'tillganglighet',
  preview: 'forhandsgranska',
  notFound: 'sidan-finns-inte',
})

/** `/jamforelser/<slug>/historik[/<number>]`: a comparison's published versions. */
export const HISTORY_SEGMENT = 'historik'

/** First path segments Next answers that are not pages: Payload's admin, every API, Next's static files. */
export const NON_PAGE_SEGMENTS = Object.freeze(['admin', 'api', '_next'])

/** Files Next serves at the root (public/, app icons). */
export const ROOT_FILES = Object.freeze(['favicon.ico', 'robots.txt'])

/**
 * The 404 page: the HTTP server renders a missing public page as this path (a
 * normal server-rendered page) and sends it with status 404.
 */
export const NOT_FOUND_PATH = `/${PAGE_SEGMENTS.notFound}`

/**
 * The largest request body the API takes: larger than any real page (Kalmar's
 * longest is ~40 kB as JSON), far smaller than memory. The HTTP server refuses a larger
 * declared Content-Length before Next reads a byte; src/api/requestGuards.ts
 * also counts bodies sent without a length.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

/**
 * Header the HTTP server sets to the connection's peer address, always
 * overwriting what a client sent, for the login rate limit
 * (src/auth/securityLogin.ts).
 */
export const REMOTE_ADDRESS_HEADER = 'x-cms-remote-address'
