/**
 * The CMS's production HTTP server, copied into Next's standalone build at
 * the same path as here, with the plain-JavaScript modules it imports, and
 * started by the build's `cms-server.mjs` (scripts/lib/build.ts), which
 * `npm start` and Docker run.
 *
 * Why not Next's own server.js: every request through Next's pipeline costs
 * far more than the published content it returns (measured: a route handler
 * returning bytes from memory reached ~4.5 % of a plain Node server). So
 * `/api/v1` reads and the public pages are answered here, from the
 * in-memory published catalog (src/runtime/fastPath.ts registers the
 * handlers when the app starts); the admin, Payload's API, and anything
 * before the handlers are registered go to Next unchanged.
 * Plain JavaScript: it runs in the standalone folder, without a compiler.
 */
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath, URL } from 'node:url'

import { processSlot } from '../runtime/processSlots.mjs'
import { MAX_BODY_BYTES, REMOTE_ADDRESS_HEADER } from '../runtime/serverContract.mjs'
import { ADMIN_POLICY, isPublicPagePath } from './csp.mjs'

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
  res.writeHead(response.status, { ...SECURITY_HEADER_FIELDS, ...response.headers, 'X-Delivery-Path': 'memory' })
  res.end(response.body ?? undefined)
  return true
}

/** The request as the public site reads it. */
const pageRequest = (req) => ({
  method: req.method ?? 'GET',
  url: req.url ?? '/',
  ifNoneMatch: req.headers['if-none-match'] ?? null,
  acceptEncoding: req.headers['accept-encoding'] ?? null,
})

/**
 * The header fields a page answer is written with: the security headers, the
 * page's own (its policy replaces the admin's) and which path answered. A kept
 * page's answer is the same object on every read, so they are merged once per
 * answer, not per request.
 */
const pageHeaderFields = new WeakMap()

function sendPage(res, response, path) {
  let byPath = pageHeaderFields.get(response.headers)
  if (!byPath) pageHeaderFields.set(response.headers, (byPath = new Map()))
  let fields = byPath.get(path)
  if (!fields) byPath.set(path, (fields = { ...SECURITY_HEADER_FIELDS, ...response.headers, 'X-Delivery-Path': path }))
  res.writeHead(response.status, fields)
  res.end(response.body ?? undefined)
}

/**
 * A public page (src/frontend/http.ts): drawn once per change of what it
 * shows and kept in memory, so a kept page is answered synchronously;
 * otherwise resolved (perhaps reading an old version from the database).
 * False when the fast path is not registered yet: Next's route answers then.
 */
function answerPage(req, res) {
  const fastPath = fastPathSlot.get()
  if (!fastPath) return false
  const request = pageRequest(req)
  const kept = fastPath.keptPage(request)
  if (kept) {
    sendPage(res, kept, 'memory-html')
    return true
  }
  fastPath.handlePage(request).then(
    (response) => sendPage(res, response, 'rendered-html'),
    (error) => {
      console.error('Sidan kunde inte visas:', error)
      if (res.headersSent) return res.destroy()
      const body = 'Sidan kunde inte visas just nu. Försök igen om en stund.'
      res.writeHead(500, { ...SECURITY_HEADER_FIELDS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' })
      res.end(body)
    },
  )
  return true
}

/**
 * On every response, Next's and our own: no MIME sniffing, no framing by
 * other sites, a conservative referrer, no powerful browser features; HSTS
 * when the CMS is served over HTTPS. The Content-Security-Policy depends on
 * the path: no script at all on public pages (sent with each page), what
 * Payload's admin works with elsewhere (src/http/csp.mjs).
 */
const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  // Public pages replace it with theirs (no script at all, src/http/csp.mjs).
  ['Content-Security-Policy', ADMIN_POLICY],
  ...((process.env.SERVER_URL ?? '').startsWith('https://') ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] : []),
]

/**
 * As one object, for the answers written here in one call: writeHead with
 * fields set beforehand by setHeader takes Node's slow path, which the answers
 * from memory should not pay on every read. Next's answers get them by
 * setHeader (applySecurityHeaders).
 */
const SECURITY_HEADER_FIELDS = Object.fromEntries(SECURITY_HEADERS)

const applySecurityHeaders = (res) => {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value)
}

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
  res.writeHead(413, { ...SECURITY_HEADER_FIELDS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
  res.end(body)
  // Do not read the rest of the body.
  req.socket.destroySoon?.()
  return true
}

const server = http.createServer((req, res) => {
  if (refuseOversizedBody(req, res)) return
  try {
    if (answerFromCatalog(req, res)) return
    if (isPublicPagePath(req.url) && answerPage(req, res)) return
  } catch (error) {
    // Never a half-written answer: Next gets the request instead.
    console.error('Snabbvägen misslyckades:', error)
    if (res.headersSent) return res.destroy()
  }
  applySecurityHeaders(res)
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
