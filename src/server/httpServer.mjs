/**
 * The CMS's production HTTP server, copied beside Next's standalone build as
 * `cms-server.mjs` (scripts/lib/build.ts) and run by `npm start` and Docker.
 *
 * Why not Next's own server.js: every request through Next's pipeline costs
 * far more than the published content it returns (measured: a route handler
 * returning bytes from memory reached ~4.5 % of a plain Node server). So
 * `/api/v1` reads are answered here, from the in-memory published catalog
 * (src/delivery/fastPath.ts registers the handler when the app starts); all
 * else, and `/api/v1` before the catalog is loaded, goes to Next unchanged.
 * Plain JavaScript: it runs in the standalone folder, without a compiler.
 */
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = module.createRequire(import.meta.url)
const dir = path.dirname(fileURLToPath(import.meta.url))
const FAST_PATH_KEY = Symbol.for('oppna-jamforelser.delivery-fast-path')
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
  const fastPath = globalThis[FAST_PATH_KEY]
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
 * client's Accept-Encoding) under a key that changes with every publish and
 * every notice starting or ending (src/frontend/pageCache.ts). Bounded.
 */
const pageCache = new Map()
const PAGE_CACHE_ENTRIES = 2000
const PAGE_MAX_BYTES = 1024 * 1024
const UNKEPT_HEADERS = new Set(['transfer-encoding', 'content-length', 'date', 'connection', 'keep-alive'])

function answerFromPageCache(req, res) {
  const key = globalThis[FAST_PATH_KEY]?.pageCacheKey({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers })
  if (!key) return false
  const hit = pageCache.get(key)
  if (hit) {
    res.writeHead(hit.status, { ...hit.headers, 'content-length': hit.body.length, 'x-delivery-path': 'memory-html' })
    res.end(hit.body)
    return true
  }
  keepWhenRendered(res, key)
  return false
}

/** Collects what Next writes for this page and keeps it if it is a complete, cookie-free 200 HTML page. */
function keepWhenRendered(res, key) {
  const chunks = []
  let size = 0
  const collect = (chunk, encoding) => {
    if (chunk == null || typeof chunk === 'function' || size > PAGE_MAX_BYTES) return
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
    size += buffer.length
    chunks.push(buffer)
  }
  const write = res.write
  const end = res.end
  res.write = function (chunk, encoding, callback) {
    collect(chunk, encoding)
    return write.call(this, chunk, encoding, callback)
  }
  res.end = function (chunk, encoding, callback) {
    collect(chunk, encoding)
    const result = end.call(this, chunk, encoding, callback)
    const type = String(res.getHeader('content-type') ?? '')
    if (res.statusCode === 200 && size <= PAGE_MAX_BYTES && type.startsWith('text/html') && !res.getHeader('set-cookie')) {
      const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !UNKEPT_HEADERS.has(name)))
      if (pageCache.size >= PAGE_CACHE_ENTRIES) pageCache.delete(pageCache.keys().next().value)
      pageCache.set(key, { status: 200, headers, body: Buffer.concat(chunks) })
    }
    return result
  }
}

const NOT_FOUND_PATH = '/sidan-finns-inte'

/**
 * A missing public page is rendered by Next as NOT_FOUND_PATH (a normal,
 * server-rendered page) and sent with status 404: Next's own notFound() gives
 * an empty error shell that only JavaScript fills in.
 */
function rewriteMissingPage(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return
  const [pathname, query] = (req.url ?? '/').split('?')
  if (!globalThis[FAST_PATH_KEY]?.isMissingPage(pathname)) return
  req.url = NOT_FOUND_PATH + (query ? `?${query}` : '')
  const writeHead = res.writeHead.bind(res)
  res.writeHead = (_status, ...rest) => writeHead(404, ...rest)
  Object.defineProperty(res, 'statusCode', { get: () => 404, set: () => {}, configurable: true })
}

/**
 * On every response, Next's and our own: no MIME sniffing, no framing by
 * other sites, a conservative referrer, no powerful browser features; HSTS
 * when the CMS is served over HTTPS. (A full Content-Security-Policy is still
 * to come: Next's inline scripts need nonces.)
 */
const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Content-Security-Policy', "frame-ancestors 'self'"],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ...((process.env.SERVER_URL ?? '').startsWith('https://') ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] : []),
]

const server = http.createServer((req, res) => {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value)
  try {
    if (answerFromCatalog(req, res)) return
    rewriteMissingPage(req, res)
    if (answerFromPageCache(req, res)) return
  } catch (error) {
    // Never a half-written answer: Next's route handler gets the request instead.
    console.error('Snabbvägen för /api/v1 misslyckades:', error)
    if (res.headersSent) return res.destroy()
  }
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
