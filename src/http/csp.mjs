/**
 * Content-Security-Policy of the CMS's responses, for the HTTP server
 * (src/http/httpServer.mjs, copied beside it into the standalone build as
 * `csp.mjs`). Plain JavaScript for the same reason as the server: it runs
 * without a compiler.
 *
 * Public pages get a strict policy without 'unsafe-inline'. Next's app router
 * writes inline scripts (`self.__next_f.push(…)`, the Turbopack bootstrap)
 * into every page; a nonce would make every response unique and defeat the
 * in-memory page cache, so each page's policy lists the SHA-256 hash of each
 * inline script (and inline style, if a page ever has one) instead. The hashes
 * are computed once per rendered page, which the server then keeps.
 */
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'

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

/** True for the public pages (start page, comparison pages, history, accessibility statement, 404, preview). */
export function isPublicPagePath(url) {
  return !NOT_PUBLIC.test(url || '/')
}

/** `'sha256-<base64>'` of the text's UTF-8 bytes, as CSP hash sources are written. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const STYLE = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi
const COMMENT = /<!--[\s\S]*?-->/g
const TAG = /<[a-zA-Z][^\s/>]*(\s[^>]*)?>/g
// An attribute inside a tag: name, then a double-, single- or unquoted value.
const ATTRIBUTE = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

/**
 * Bodies of inline `<script>` elements (those without `src`), exactly as they
 * stand in the document: the browser hashes the raw text of a script, with
 * no entity decoding. An empty inline script needs no hash.
 */
export function inlineScripts(html) {
  return [...html.matchAll(SCRIPT)]
    .filter(([, attributes]) => !/(?:^|\s)src\s*=/i.test(attributes ?? ''))
    .map(([, , body]) => body ?? '')
    .filter((body) => body !== '')
}

/** Bodies of inline `<style>` elements. */
export function inlineStyles(html) {
  return [...html.matchAll(STYLE)].map(([, , body]) => body ?? '').filter((body) => body !== '')
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Attribute values are hashed after HTML parsing, so entities are decoded first. */
export function decodeEntities(value) {
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (match, decimal, hex, name) => {
    if (decimal) return String.fromCodePoint(Number(decimal))
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
    return NAMED_ENTITIES[name.toLowerCase()] ?? match
  })
}

/**
 * `style="…"` and `on…="…"` attribute values of the document's tags (not of
 * text inside scripts, styles or comments, which may quote markup).
 */
export function inlineAttributes(html) {
  const markup = html.replace(SCRIPT, '<script>').replace(STYLE, '<style>').replace(COMMENT, '')
  const styles = []
  const handlers = []
  for (const [, attributes] of markup.matchAll(TAG)) {
    for (const [, name, double, single, bare] of (attributes ?? '').matchAll(ATTRIBUTE)) {
      const value = double ?? single ?? bare
      if (value === undefined || !name) continue
      const lower = name.toLowerCase()
      if (lower === 'style') styles.push(decodeEntities(value))
      else if (/^on[a-z]+$/.test(lower)) handlers.push(decodeEntities(value))
    }
  }
  return { styles, handlers }
}

const unique = (values) => [...new Set(values)]

/**
 * The strict policy for a public page. `'unsafe-hashes'` is added only when
 * the page has style or event-handler attributes (ours have none); it then
 * allows exactly those attribute values, nothing else inline.
 */
export function strictPolicy({ scriptHashes = [], styleHashes = [], scriptAttributeHashes = [], styleAttributeHashes = [] } = {}) {
  const scriptSources = [
    "'self'",
    ...(scriptAttributeHashes.length > 0 ? ["'unsafe-hashes'"] : []),
    ...unique([...scriptHashes, ...scriptAttributeHashes]),
  ]
  const styleSources = [
    "'self'",
    ...(styleAttributeHashes.length > 0 ? ["'unsafe-hashes'"] : []),
    ...unique([...styleHashes, ...styleAttributeHashes]),
  ]
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    `style-src ${styleSources.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ')
}

/** The strict policy that allows exactly this document's inline scripts and styles. */
export function policyForHtml(html) {
  const { styles, handlers } = inlineAttributes(html)
  return strictPolicy({
    scriptHashes: inlineScripts(html).map(hashSource),
    styleHashes: inlineStyles(html).map(hashSource),
    scriptAttributeHashes: handlers.map(hashSource),
    styleAttributeHashes: styles.map(hashSource),
  })
}

/** The HTML text of a response body as Next sent it (gzip, deflate or brotli for the client, or plain). */
export function decodeBody(body, contentEncoding) {
  const encoding = String(contentEncoding ?? '').trim().toLowerCase()
  if (encoding === '' || encoding === 'identity') return body.toString('utf8')
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body).toString('utf8')
  if (encoding === 'deflate') return zlib.inflateSync(body).toString('utf8')
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8')
  throw new Error(`okänd Content-Encoding: ${encoding}`)
}
