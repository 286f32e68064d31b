/**
 * The public site over HTTP: an address in, a response out, framework-free
 * like `/api/v1` (src/delivery/http.ts). The CMS's HTTP server answers every
 * public page with it from memory (src/runtime/fastPath.ts); Next's route
 * handler runs the same code in development. Pages are drawn with React's
 * server renderer, carry no script, and are kept until what they show
 * changes (./pageStore).
 */
import { createHash } from 'node:crypto'

import { createElement } from 'react'

import { CACHE_CONTROL, etagMatches, type DeliveryResponse } from '@/delivery/http'
import { publicPagePolicy } from '@/http/csp.mjs'
import { PAGE_SEGMENTS } from '@/runtime/serverContract.mjs'

import { siteIcon, siteStylesheet } from './assets'
import { Document } from './Document'
import { normalPath, resolvePage, type PageSources, type ResolvedPage } from './pages'
import { drawnPage, encode, PageStore, type Encoding, type StoredPage } from './pageStore'
import { renderDocument } from './render'

export type PageRequest = {
  method: string
  /** Path and query. */
  url: string
  ifNoneMatch?: string | null
  acceptEncoding?: string | null
}

export type PageResponse = DeliveryResponse

/** At most this much drawn HTML is kept (N = 10 000 pages of Kalmar's size fit several times over). */
export const PAGE_STORE_BUDGET_BYTES = 256 * 1024 * 1024

const HTML_TYPE = 'text/html; charset=utf-8'
/** The site's icons never change within a build: a day, then revalidated by ETag. */
const ICON_CACHE_CONTROL = 'public, max-age=86400'
/** Crawlers may read every public page; the preview and the admin are not for them. */
const ROBOTS_TXT = Buffer.from(`User-agent: *\nDisallow: /admin\nDisallow: /${PAGE_SEGMENTS.preview}\n`)
const ROBOTS_ETAG = `"${createHash('sha256').update(ROBOTS_TXT).digest('base64url').slice(0, 32)}"`

/** Readers send few distinct Accept-Encoding headers: each is parsed once (and at most this many are kept). */
const KEPT_ENCODING_CHOICES = 64
const encodingChoices = new Map<string, Encoding>()

/** The best encoding the reader accepts: brotli, then gzip, else the plain bytes. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding {
  const header = acceptEncoding ?? ''
  const known = encodingChoices.get(header)
  if (known) return known
  const chosen = parseAcceptEncoding(header)
  if (encodingChoices.size >= KEPT_ENCODING_CHOICES) encodingChoices.clear()
  encodingChoices.set(header, chosen)
  return chosen
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
  const accepted = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (wants('br')) return 'br'
  if (wants('gzip')) return 'gzip'
  return 'identity'
}

function draw(resolved: ResolvedPage): string {
  const { head, body } = resolved.draw(resolved.data)
  const html = renderDocument(createElement(Document, { head, css: siteStylesheet().css, children: body }))
  return resolved.linkTo ? keepLinksInside(html, resolved.linkTo) : html
}

/** A path the route table answers with a page (not an icon or a file). */
function isPagePath(path: string): boolean {
  return path === '/' || [PAGE_SEGMENTS.comparisons, PAGE_SEGMENTS.accessibility].some((segment) => path === `/${segment}` || path.startsWith(`/${segment}/`))
}

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;')

/**
 * Every link to a public page made to lead where `linkTo` says (a release
 * preview's own address for it), keeping its #fragment. On the drawn HTML:
 * the components stay the same for every page.
 */
export function keepLinksInside(html: string, linkTo: (path: string) => string): string {
  return html.replace(/ href="(\/[^"#]*)(#[^"]*)?"/g, (whole, escapedPath: string, fragment: string | undefined) => {
    const path = escapedPath.replaceAll('&amp;', '&')
    return isPagePath(path) ? ` href="${attribute(linkTo(path))}${fragment ?? ''}"` : whole
  })
}

let policy: string | undefined
/** The same for every page of a build: computed once. */
const pagePolicy = () => (policy ??= publicPagePolicy(siteStylesheet().hashSource))

const commonHeaders = () => ({ 'Content-Type': HTML_TYPE, 'Content-Security-Policy': pagePolicy(), 'X-Content-Type-Options': 'nosniff' })

const encodingHeader = (encoding: Encoding): Record<string, string> => (encoding === 'identity' ? {} : { 'Content-Encoding': encoding })

/** A draft preview is for the reviewer with the link: never cached, never indexed, its address never sent on. */
function privateResponse(request: PageRequest, status: number, bytes: Buffer, encoding: Encoding): PageResponse {
  return {
    status,
    headers: {
      ...commonHeaders(),
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
      ...encodingHeader(encoding),
      'Content-Length': String(bytes.length),
    },
    body: request.method === 'HEAD' ? null : bytes,
  }
}

/**
 * A kept page's answer in one encoding: headers and body made once per page
 * and encoding, so serving it again builds nothing. 304 when the reader holds
 * any encoding of this page (their bytes decode to the same HTML).
 */
function publicResponse(request: PageRequest, page: StoredPage, encoding: Encoding, body: () => Buffer): PageResponse {
  const answer = (page.answers[encoding] ??= (() => {
    const bytes = body()
    const unchanged = { ...commonHeaders(), 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding', ETag: page.etags[encoding] }
    return { bytes, unchanged, full: { ...unchanged, ...encodingHeader(encoding), 'Content-Length': String(bytes.length) } }
  })())
  if (page.status === 200 && request.ifNoneMatch && holdsAny(request.ifNoneMatch, page)) {
    return { status: 304, headers: answer.unchanged, body: null }
  }
  return { status: page.status, headers: answer.full, body: request.method === 'HEAD' ? null : answer.bytes }
}

const ENCODINGS: readonly Encoding[] = ['identity', 'br', 'gzip']

/** The reader holds some encoding of this page: the usual single tag is compared as it is, a list is parsed. */
function holdsAny(ifNoneMatch: string, page: StoredPage): boolean {
  const { etags } = page
  if (ifNoneMatch === etags.identity || ifNoneMatch === etags.br || ifNoneMatch === etags.gzip) return true
  return ENCODINGS.some((encoding) => etagMatches(ifNoneMatch, etags[encoding]))
}

function fileResponse(request: PageRequest, body: Buffer, contentType: string, etag: string | null): PageResponse {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Cache-Control': ICON_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' }
  if (etag) headers.ETag = etag
  if (etag && etagMatches(request.ifNoneMatch, etag)) return { status: 304, headers, body: null }
  return { status: 200, headers: { ...headers, 'Content-Length': String(body.length) }, body: request.method === 'HEAD' ? null : body }
}

/** The site's icons and robots.txt, which never change within a build; null for any other address. */
function siteFile(request: PageRequest): PageResponse | null {
  const query = request.url.indexOf('?')
  const pathname = query < 0 ? request.url : request.url.slice(0, query)
  const icon = siteIcon(pathname)
  if (icon) return fileResponse(request, icon.body, icon.contentType, icon.etag)
  if (pathname === '/robots.txt') return fileResponse(request, ROBOTS_TXT, 'text/plain; charset=utf-8', ROBOTS_ETAG)
  return null
}

/**
 * Answers public pages from one store. `sources` is asked for only when the
 * kept page may be out of date, so a kept page costs two map lookups.
 */
export class PublicSite {
  readonly store: PageStore

  constructor(budgetBytes = PAGE_STORE_BUDGET_BYTES) {
    this.store = new PageStore(budgetBytes)
  }

  async handle(request: PageRequest, sources: PageSources): Promise<PageResponse> {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') {
      return {
        status: 405,
        headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        body: 'Sidorna går bara att läsa (GET).',
      }
    }
    const file = siteFile(request)
    if (file) return file
    const encoding = chooseEncoding(request.acceptEncoding)
    const state = sources.catalog.pageState(sources.now)
    const resolved = await resolvePage(request.url, sources)
    if (resolved.audience === 'private') {
      const page = drawnPage(resolved.status, draw(resolved), '')
      return privateResponse(request, resolved.status, encode(page, encoding), encoding)
    }
    const page = this.store.settle(resolved.storeKey, state, resolved.status, resolved.data, () => draw(resolved))
    return publicResponse(request, page, encoding, () => this.store.body(resolved.storeKey, page, encoding))
  }

  /**
   * The kept page for a plain public address when nothing it shows can have
   * changed since it was drawn: answered without resolving (the fast path).
   * Null when the page must be resolved (handle).
   */
  answerKept(request: PageRequest, sources: Pick<PageSources, 'catalog' | 'now'>): PageResponse | null {
    const method = request.method.toUpperCase()
    if (method !== 'GET' && method !== 'HEAD') return null
    const file = siteFile(request)
    if (file || request.url.includes('?')) return file
    const key = keptKey(request.url)
    const state = sources.catalog.pageState(sources.now)
    const page = key ? this.store.current(key, state) : null
    if (!page || !key) return null
    const encoding = chooseEncoding(request.acceptEncoding)
    return publicResponse(request, page, encoding, () => this.store.body(key, page, encoding))
  }
}

/** The store key of an address whose page is kept under its own path (not the preview, not a missing page). */
function keptKey(url: string): string | null {
  const path = normalPath(url)
  return path === `/${PAGE_SEGMENTS.preview}` ? null : path
}
