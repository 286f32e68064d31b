/**
 * The CMS's production HTTP server, copied into Next's standalone build at
 * the same path as here, with the plain-JavaScript modules it imports, and
 * started by the build's `cms-server.mjs` (scripts/lib/build.ts), which
 * `npm start` and Docker run.
 *
 * Why not Next's own server.js: every request through Next's pipeline costs
 * far more than the published content it returns (measured: a route handler
 * returning bytes from memory reached ~4.5 % of a plain Node server). So
 * `/api/v1` reads are answered here, from the in-memory published catalog
 * (src/runtime/fastPath.ts registers the handler when the app starts); all
 * else, and `/api/v1` before the catalog is loaded, goes to Next unchanged.
 * Plain JavaScript: it runs in the standalone folder, without a compiler.
 */
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'

import { processSlot } from '../runtime/processSlots.mjs'
import { MAX_BODY_BYTES, NOT_FOUND_PATH, REMOTE_ADDRESS_HEADER } from '../runtime/serverContract.mjs'
import { ADMIN_POLICY, decodeBody, isPublicPagePath, policyForHtml, strictPolicy } from './csp.mjs'

/** A public page's policy before its hashes are known (and if they cannot be computed). */
const BASE_PUBLIC_POLICY = strictPolicy()

const require = module.createRequire(import.meta.url)
// The standalone build's root: this file sits in its src/http/, as in the source tree (scripts/lib/build.ts).
const dir = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))
/** The published catalog's handlers, set by src/runtime/fastPath.ts inside Next's bundle once the app has started. */
const fastPathSlot = processSlot('deliveryFastPath')
const API_V1 = /^\/api\/v1(?:[/?]|$)/

process.env.NODE_ENV = 'production'
process.chdir(dir)

const port = Number.parseInt(process.env.PORT ?? '', 10) || 3000
const hostname = process.env.HOSTNAME || '0.0.0.0'
// The same config Next's generated server.js embeds.
const { config } = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'required-server-files.json'), 'utf8'))
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config)

const next = require('next')
const app = next({ dev: false, dir, conf: config, hostname, port })
const handleWithNext = app.getRequestHandler()

/** Answers a published-content read from memory; false when Next should answer instead. */
function answerFromCatalog(req, res) {
  if (!API_V1.test(req.url ?? '')) return false
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') return false
  const fastPath = fastPathSlot.get()
  const response = fastPath?.handle({
    method,
    url: req.url,
    ifNoneMatch: req.headers['if-none-match'] ?? null,
    origin: req.headers.origin ?? null,
  })
  if (!response) return false
  // Says which path answered, for tests and for whoever reads a trace.
  res.writeHead(response.status, { ...response.headers, 'X-Delivery-Path': 'memory' })
  res.end(response.body ?? undefined)
  return true
}

/**
 * Rendered public pages, kept as Next sent them (already compressed for the
 * client's Accept-Encoding) with their Content-Security-Policy, under a key
 * that changes with every publish and every notice starting or ending
 * (src/frontend/pageCache.ts). Bounded.
 */
const pageCache = new Map()
const PAGE_CACHE_ENTRIES = 2000
const PAGE_MAX_BYTES = 1024 * 1024
const UNKEPT_HEADERS = new Set(['transfer-encoding', 'content-length', 'date', 'connection', 'keep-alive'])

/** Answers from the page cache; on a miss, returns the key the rendered page is to be kept under (or null). */
function answerFromPageCache(req, res) {
  const key = fastPathSlot.get()?.pageCacheKey({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
  if (!key) return { answered: false, key: null }
  const hit = pageCache.get(key)
  if (hit) {
    res.writeHead(hit.status, { ...hit.headers, 'content-length': hit.body.length, 'x-delivery-path': 'memory-html' })
    res.end(hit.body)
    return { answered: true, key }
  }
  return { answered: false, key }
}

/** Keeps a complete, cookie-free 200 HTML page (its headers include its policy). */
function keepPage(key, res, body) {
  if (res.statusCode !== 200 || body.length > PAGE_MAX_BYTES || res.getHeader('set-cookie')) return
  const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !UNKEPT_HEADERS.has(name)))
  if (pageCache.size >= PAGE_CACHE_ENTRIES) pageCache.delete(pageCache.keys().next().value)
  pageCache.set(key, { status: 200, headers, body })
}

const isHtml = (res) => String(res.getHeader('content-type') ?? '').startsWith('text/html')

/**
 * Holds back a public HTML page until Next has written all of it, then sends
 * it with a Content-Security-Policy that lists the hash of each of its inline
 * scripts (src/http/csp.mjs): the header must go before the body, and the
 * hashes are known only after it. Anything that is not HTML (RSC payloads,
 * files, redirects, HEAD) passes through untouched as Next streams it.
 * Next's compression wraps these methods in turn, so the bytes seen here are
 * already encoded for the client; they are decoded only to be hashed.
 */
function sendWithPagePolicy(req, res, onPage) {
  const { writeHead, write, end, flushHeaders } = res
  let mode = 'undecided'
  let statusMessage
  const chunks = []
  const decide = () => {
    // A 304 or 204 has no body to hash: sending a policy without hashes would replace the browser's.
    if (mode === 'undecided') mode = req.method !== 'HEAD' && res.statusCode !== 304 && res.statusCode !== 204 && isHtml(res) ? 'hold' : 'pass'
    return mode
  }
  const collect = (chunk, encoding) => {
    if (chunk == null || typeof chunk === 'function') return
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'))
  }
  res.writeHead = function (statusCode, reason, headers) {
    if (mode === 'pass') return writeHead.apply(this, arguments)
    if (typeof reason !== 'string') [headers, reason] = [reason, undefined]
    // Headers given here would be lost while the head is held back: keep them on the response.
    if (Array.isArray(headers)) {
      const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((value, index) => (index % 2 === 0 ? [[value, headers[index + 1]]] : []))
      for (const [name, value] of pairs) this.appendHeader(name, value)
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value)
    }
    this.statusCode = statusCode
    statusMessage = reason
    if (decide() === 'pass') return reason === undefined ? writeHead.call(this, statusCode) : writeHead.call(this, statusCode, reason)
    return this
  }
  res.flushHeaders = function () {
    if (decide() === 'pass') return flushHeaders.call(this)
  }
  res.write = function (chunk, encoding, callback) {
    if (decide() === 'pass') return write.apply(this, arguments)
    collect(chunk, encoding)
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done)
    return true
  }
  res.end = function (chunk, encoding, callback) {
    if (decide() === 'pass') return end.apply(this, arguments)
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined]
    else if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined]
    collect(chunk, encoding)
    const body = Buffer.concat(chunks)
    let policy = BASE_PUBLIC_POLICY
    let hashed = false
    try {
      policy = policyForHtml(decodeBody(body, this.getHeader('content-encoding')))
      hashed = true
    } catch (error) {
      // Without the hashes the page still reads (server-rendered), only without its scripts; it is not kept.
      console.error('Kunde inte beräkna sidans Content-Security-Policy:', error)
    }
    this.setHeader('Content-Security-Policy', policy)
    // The whole body is known: a length instead of chunked encoding.
    if (!this.hasHeader('transfer-encoding')) this.setHeader('Content-Length', body.length)
    if (statusMessage === undefined) writeHead.call(this, this.statusCode)
    else writeHead.call(this, this.statusCode, statusMessage)
    const result = end.call(this, body, callback)
    if (hashed) onPage?.(body)
    return result
  }
}

/**
 * A missing public page is rendered by Next as NOT_FOUND_PATH (a normal,
 * server-rendered page) and sent with status 404: Next's own notFound() gives
 * an empty error shell that only JavaScript fills in.
 */
function rewriteMissingPage(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  const [pathname, query] = (req.url ?? '/').split('?')
  if (!fastPathSlot.get()?.isMissingPage(pathname)) return
  req.url = NOT_FOUND_PATH + (query ? `?${query}` : '')
  const writeHead = res.writeHead.bind(res)
  res.writeHead = (_status, ...rest) => writeHead(404, ...rest)
  Object.defineProperty(res, 'statusCode', { get: () => 404, set: () => {}, configurable: true })
}

/**
 * On every response, Next's and our own: no MIME sniffing, no framing by
 * other sites, a conservative referrer, no powerful browser features; HSTS
 * when the CMS is served over HTTPS. The Content-Security-Policy depends on
 * the path: strict with hashes for public pages (set when the page is
 * complete), what Payload's admin works with elsewhere (src/http/csp.mjs).
 */
const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  // Public pages replace it with their strict policy.
  ['Content-Security-Policy', ADMIN_POLICY],
  ...((process.env.SERVER_URL ?? '').startsWith('https://') ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] : []),
]

const LIMIT_MB = `${MAX_BODY_BYTES / 1024 / 1024} MB`

/**
 * A body larger than the API takes (the same limit as src/api/requestGuards.ts,
 * which also counts bodies sent without a length): refused here before Next
 * reads a byte of it.
 */
function refuseOversizedBody(req, res) {
  const length = Number(req.headers['content-length'] ?? '')
  if (!Number.isFinite(length) || length <= MAX_BODY_BYTES || !(req.url ?? '').startsWith('/api/')) return false
  const body = JSON.stringify({
    message: `Förfrågan är för stor (${(length / 1024 / 1024).toFixed(1)} MB): högst ${LIMIT_MB} tas emot.`,
    errors: [{ message: `Förfrågan är för stor: högst ${LIMIT_MB} tas emot.` }],
  })
  res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
  res.end(body)
  // Do not read the rest of the body.
  req.socket.destroySoon?.()
  return true
}

const server = http.createServer((req, res) => {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value)
  if (refuseOversizedBody(req, res)) return
  try {
    if (answerFromCatalog(req, res)) return
    if (isPublicPagePath(req.url)) {
      res.setHeader('Content-Security-Policy', BASE_PUBLIC_POLICY)
      rewriteMissingPage(req, res)
      const { answered, key } = answerFromPageCache(req, res)
      if (answered) return
      sendWithPagePolicy(req, res, key ? (body) => keepPage(key, res, body) : undefined)
    }
  } catch (error) {
    // Never a half-written answer: Next gets the request instead.
    console.error('Snabbvägen misslyckades:', error)
    if (res.headersSent) return res.destroy()
  }
  // The peer address for the login rate limit: set here, where the socket is known, and always overwritten, so a client cannot choose its own.
  req.headers[REMOTE_ADDRESS_HEADER] = req.socket.remoteAddress ?? ''
  handleWithNext(req, res)
})

const keepAlive = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10)
if (Number.isFinite(keepAlive) && keepAlive >= 0) server.keepAliveTimeout = keepAlive

await app.prepare()
server.listen(port, hostname, () => {
  console.log(`▲ Öppna jämförelser-CMS lyssnar på http://${hostname}:${port}`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0))
    // Keep-alive connections would hold close() open: stop waiting after 10 s.
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
