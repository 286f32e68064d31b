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
import { etagFor, encode, PageStore, type Encoding, type StoredPage } from './pageStore'
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

/** The best encoding the reader accepts: brotli, then gzip, else the plain bytes. */
export function chooseEncoding(acceptEncoding: string | null | undefined): Encoding {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').split(',')) {
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
  return renderDocument(createElement(Document, { head, css: siteStylesheet().css, children: body }))
}

const pageHeaders = (audience: ResolvedPage['audience']): Record<string, string> => ({
  'Content-Type': HTML_TYPE,
  'Content-Security-Policy': publicPagePolicy(siteStylesheet().hashSource),
  'X-Content-Type-Options': 'nosniff',
  ...(audience === 'private'
    ? // A draft preview is for the reviewer with the link: never cached, never indexed, its address never sent on.
      { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' }
    : { 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' }),
})

function respond(request: PageRequest, page: StoredPage, body: () => Buffer, encoding: Encoding, audience: ResolvedPage['audience']): PageResponse {
  const headers = pageHeaders(audience)
  if (audience === 'private') {
    const bytes = body()
    return {
      status: page.status,
      headers: { ...headers, ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }), 'Content-Length': String(bytes.length) },
      body: request.method === 'HEAD' ? null : bytes,
    }
  }
  const etag = etagFor(page, encoding)
  const tagged = { ...headers, ETag: etag }
  const known = (['identity', 'br', 'gzip'] as const).some((candidate) => etagMatches(request.ifNoneMatch, etagFor(page, candidate)))
  if (page.status === 200 && known) return { status: 304, headers: tagged, body: null }
  const bytes = body()
  return {
    status: page.status,
    headers: { ...tagged, ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }), 'Content-Length': String(bytes.length) },
    body: request.method === 'HEAD' ? null : bytes,
  }
}

function fileResponse(request: PageRequest, body: Buffer, contentType: string, etag: string | null): PageResponse {
  const headers: Record<string, string> = { 'Content-Type': contentType, 'Cache-Control': ICON_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' }
  if (etag) headers.ETag = etag
  if (etag && etagMatches(request.ifNoneMatch, etag)) return { status: 304, headers, body: null }
  return { status: 200, headers: { ...headers, 'Content-Length': String(body.length) }, body: request.method === 'HEAD' ? null : body }
}

/** The site's icons and robots.txt, which never change within a build; null for any other address. */
function siteFile(request: PageRequest): PageResponse | null {
  const pathname = request.url.split('?')[0] ?? '/'
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
    const state = `${sources.catalog.generation}|${sources.catalog.activeNoticesKey(sources.now)}`
    const resolved = await resolvePage(request.url, sources)
    if (resolved.audience === 'private') {
      const html = Buffer.from(draw(resolved))
      const page: StoredPage = { status: resolved.status, tag: '', bodies: { identity: html } }
      return respond(request, page, () => encode(page, encoding), encoding, 'private')
    }
    const page = this.store.settle(resolved.storeKey, state, resolved.status, resolved.data, () => draw(resolved))
    return respond(request, page, () => this.store.body(resolved.storeKey, page, encoding), encoding, 'public')
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
    const state = `${sources.catalog.generation}|${sources.catalog.activeNoticesKey(sources.now)}`
    const page = key ? this.store.current(key, state) : null
    if (!page || !key) return null
    const encoding = chooseEncoding(request.acceptEncoding)
    return respond(request, page, () => this.store.body(key, page, encoding), encoding, 'public')
  }
}

/** The store key of an address whose page is kept under its own path (not the preview, not a missing page). */
function keptKey(url: string): string | null {
  const path = normalPath(url)
  return path === `/${PAGE_SEGMENTS.preview}` ? null : path
}
