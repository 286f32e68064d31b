/**
 * What the CMS's HTTP server (src/http/httpServer.mjs, plain Node outside
 * Next's bundle) and the Next app must agree on, defined once for both sides.
 * Plain JavaScript so that the server loads it without a compiler
 * (scripts/lib/build.ts copies it beside the server); TypeScript reads its
 * types from the JSDoc.
 */

/**
 * The first path segments of the public site's pages (src/frontend/pages.tsx),
 * '' being the start page. Every address outside NON_PAGE_SEGMENTS is a
 * public page (or the 404 page); these are the ones that exist.
 */
export const PAGE_SEGMENTS = Object.freeze({
  home: '',
  comparisons: 'jamforelser',
  accessibility: 'tillganglighet',
  preview: 'forhandsgranska',
})

/** `/jamforelser/<slug>/historik[/<number>]`: a comparison's published versions. */
export const HISTORY_SEGMENT = 'historik'

/** First path segments Next answers that are not pages: Payload's admin, every API, Next's static files. */
export const NON_PAGE_SEGMENTS = Object.freeze(['admin', 'api', '_next'])

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
