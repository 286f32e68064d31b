/**
 * Content-Security-Policy of the CMS's responses, for the HTTP server
 * (src/http/httpServer.mjs, copied beside it into the standalone build as
 * `csp.mjs`) and the public pages (src/frontend/http.ts). Plain JavaScript
 * for the same reason as the server: it runs without a compiler.
 */
import { NON_PAGE_SEGMENTS } from '../runtime/serverContract.mjs'

/**
 * The admin (Payload) needs inline scripts and styles and cannot get hashes
 * (it streams and its React renders style attributes), so it keeps what does
 * not break it: no framing by other sites, no plugins, no <base> hijacking,
 * forms only to this origin.
 */
export const ADMIN_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

/** Paths that are not public pages: Payload's admin, every API, Next's static files. */
const NOT_PUBLIC = new RegExp(`^/(?:${NON_PAGE_SEGMENTS.join('|')})(?:[/?#]|$)`)

/** True for the public pages (start page, comparison pages, history, accessibility statement, 404, preview) and the site's icons. */
export function isPublicPagePath(url) {
  return !NOT_PUBLIC.test(url || '/')
}

/**
 * The policy of every public page. They carry no script at all, so none may
 * run (`script-src 'none'`, nothing to hash per page); their one stylesheet is
 * inline and allowed by its hash (the same for every page of a build); images
 * are the site's icon and inline SVG; nothing is framed or posted. Reading
 * from the site itself (`connect-src 'self'`) is left open though no script
 * could use it: checkers such as Lighthouse fetch /robots.txt from within the
 * page.
 */
export function publicPagePolicy(styleHashSource) {
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${styleHashSource}`,
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ')
}
