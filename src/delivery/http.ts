/**
 * `/api/v1`: routing, query validation, caching headers and CORS, over a
 * Catalog. Framework-free (a request in, a response out), so the Next route
 * handler and the fast Node delivery layer run exactly the same code.
 */
import { createHash } from 'node:crypto'

import { z } from 'zod'

import { AREA_SORTS, type Catalog } from './catalog'
import { areaRows, DATASET_MEDIA_TYPES, dcatCatalog, resultDataset, resultsCsv, type DatasetOptions } from './datasets'
import { buildOpenApiDocument } from './openapi'
import {
  AreaListSchema,
  AreaPageSchema,
  AreaIndicatorsSchema,
  AreaVersionListSchema,
  AreaVersionPageSchema,
  ErrorSchema,
  NoticeListSchema,
  SectionListSchema,
  SectionPageSchema,
  type ApiError,
} from './schemas'

export const API_PREFIX = '/api/v1'

export type DeliveryRequest = {
  method: string
  /** Path and query, e.g. `/api/v1/areas?limit=5`. */
  url: string
  ifNoneMatch?: string | null
  origin?: string | null
}

/** Bytes only for the dataset workbook; everything else is text. */
export type DeliveryResponse = { status: number; headers: Record<string, string>; body: string | Uint8Array | null }

export type DeliveryOptions = {
  allowedOrigins: readonly string[]
  now?: Date
  /** For the open data's DCAT description; without it links are relative and the licence is CC0. */
  dataset?: DatasetOptions
}

const DEFAULT_DATASET: DatasetOptions = {
  serverUrl: '',
  licenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
  publisherUrl: '/',
  publisherName: 'Kommunen',
  contactEmail: 'info@example.invalid',
}

/** The key under which the catalog keeps this generation's dataset workbook (see ./resolve). */
export const WORKBOOK_KEY = 'dataset-workbook'
export type DatasetWorkbook = { body: Uint8Array; etag: string }

export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

const JSON_TYPE = 'application/json; charset=utf-8'

const queryInt = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `Parametern "${name}" måste vara ett heltal.`)
    .transform(Number)
    .pipe(z.number().min(min, `Parametern "${name}" måste vara minst ${min}.`).max(max, `Parametern "${name}" får vara högst ${max}.`))
    .optional()
    .transform((value) => value ?? fallback)

const AreaListQuerySchema = z.object({
  page: queryInt('page', 1, 100_000, 1),
  limit: queryInt('limit', 1, 100, 20),
  sort: z.enum(AREA_SORTS, { error: `Parametern "sort" kan vara ${AREA_SORTS.join(', ')}.` }).optional(),
  section: z.string().max(200, 'Parametern "section" är för lång.').optional(),
})

/** A weak or strong tag, a list, or `*`: does any of them name this representation? */
export function etagMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque)
}

export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

type Composed = { status: number; body: string | Uint8Array; etag: string | null; cacheable: boolean; contentType?: string }

function error(status: number, message: string, errors?: ApiError['errors']): Composed {
  return { status, body: JSON.stringify(ErrorSchema.parse({ message, ...(errors ? { errors } : {}) })), etag: null, cacheable: false }
}

const ok = (body: string, contentType?: string): Composed => ({ status: 200, body, etag: etagOf(body), cacheable: true, ...(contentType ? { contentType } : {}) })

/**
 * Responses composed from one catalog generation, by URL. A publish bumps the
 * generation, which empties this at once. Bounded so odd query strings
 * cannot grow it without limit.
 */
class ResponseCache {
  private generation = -1
  private entries = new Map<string, Composed>()
  constructor(private readonly limit = 2000) {}

  get(catalog: Catalog, key: string, compose: () => Composed | typeof NOT_LOADED): Composed | typeof NOT_LOADED {
    if (catalog.generation !== this.generation) {
      this.entries = new Map()
      this.generation = catalog.generation
    }
    const hit = this.entries.get(key)
    if (hit) return hit
    const composed = compose()
    if (composed === NOT_LOADED) return composed
    if (composed.cacheable) {
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!)
      this.entries.set(key, composed)
    }
    return composed
  }
}

const caches = new WeakMap<Catalog, ResponseCache>()

let openApiBody: string | undefined

/** `/areas/{slug}/versions/{n}` when the version's page is not in memory yet: the caller loads it and asks again. */
export type VersionToLoad = { slug: string; number: number }

const NOT_LOADED = Symbol('not loaded')

/** The version a request is about, if it asks for one page of the record. */
export function versionRequested(url: string): VersionToLoad | null {
  const match = /^\/api\/v1\/areas\/([^/?]+)\/versions\/(\d{1,6})\/?(?:\?|$)/.exec(url)
  const slug = match ? decodeSegment(match[1]!) : null
  return match && slug ? { slug, number: Number(match[2]) } : null
}

function versions(catalog: Catalog, slug: string, rest: string[]): Composed | typeof NOT_LOADED {
  const missing = () => notFound(`Det finns ingen publicerad version med den adressen för "${slug}".`)
  if (rest.length === 0) {
    const list = catalog.versionList(slug)
    return list ? ok(JSON.stringify(AreaVersionListSchema.parse(list))) : missing()
  }
  if (rest.length > 1 || !/^\d{1,6}$/.test(rest[0]!)) return missing()
  const page = catalog.versionPage(slug, Number(rest[0]))
  if (page === undefined) return NOT_LOADED
  return page ? ok(JSON.stringify(AreaVersionPageSchema.parse(page))) : missing()
}

/** Whether a request is for the dataset workbook, which ./resolve writes when it is not in memory yet. */
export const workbookRequested = (url: string): boolean => /^\/api\/v1\/datasets\/results\.xlsx\/?(?:\?|$)/.test(url)

function datasets(catalog: Catalog, name: string, options: DeliveryOptions): Composed | typeof NOT_LOADED {
  const dataset = options.dataset ?? DEFAULT_DATASET
  switch (name) {
    case 'results.json':
      return ok(JSON.stringify(resultDataset(catalog, dataset)), DATASET_MEDIA_TYPES.json)
    case 'results.csv':
      return ok(resultsCsv(resultDataset(catalog, dataset).items), DATASET_MEDIA_TYPES.csv)
    case 'results.xlsx': {
      const workbook = catalog.derived<DatasetWorkbook>(WORKBOOK_KEY)
      return workbook ? { status: 200, body: workbook.body, etag: workbook.etag, cacheable: true, contentType: DATASET_MEDIA_TYPES.xlsx } : NOT_LOADED
    }
    case 'catalog.jsonld':
      return ok(JSON.stringify(dcatCatalog(catalog, dataset)), DATASET_MEDIA_TYPES.jsonld)
    default:
      return notFound('Datamängden finns inte. Se /api/v1/datasets/catalog.jsonld.')
  }
}

function route(catalog: Catalog, path: string, search: URLSearchParams, options: DeliveryOptions): Composed | typeof NOT_LOADED {
  const now = options.now
  const parts = path.slice(API_PREFIX.length).split('/').filter(Boolean).map(decodeSegment)
  if (parts.some((part) => part === null)) return error(400, 'Adressen innehåller ogiltiga tecken.')
  const [resource, slug, extra, ...rest] = parts as string[]
  if (resource === 'datasets' && slug !== undefined && extra === undefined) return datasets(catalog, slug, options)
  if (resource === 'areas' && slug !== undefined && extra === 'results.csv' && rest.length === 0) {
    const page = catalog.publishedAreas().find((area) => area.slug === slug)
    return page ? ok(resultsCsv(areaRows(page)), DATASET_MEDIA_TYPES.csv) : notFound(`Det finns ingen publicerad sida med adressen "${slug}".`)
  }
  if (resource === 'areas' && slug !== undefined && extra === 'versions') return versions(catalog, slug, rest)
  if (resource === 'areas' && slug !== undefined && extra === 'indicators' && rest.length === 0) {
    const page = catalog.areaPage(slug)
    return page
      ? ok(JSON.stringify(AreaIndicatorsSchema.parse({ slug: page.slug, items: page.indicators })))
      : notFound(`Det finns ingen publicerad sida med adressen "${slug}".`)
  }
  if (extra !== undefined) return notFound()
  if (resource === 'openapi.json' && slug === undefined) return ok((openApiBody ??= JSON.stringify(buildOpenApiDocument())))
  if (resource === 'areas' && slug === undefined) {
    const parsed = AreaListQuerySchema.safeParse(Object.fromEntries(search))
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'query'), message: issue.message }))
      return error(400, errors.map((item) => item.message).join(' '), errors)
    }
    return ok(JSON.stringify(AreaListSchema.parse(catalog.areaList(parsed.data))))
  }
  if (resource === 'areas') {
    const page = catalog.areaPage(slug!)
    return page ? ok(JSON.stringify(AreaPageSchema.parse(page))) : notFound(`Det finns ingen publicerad sida med adressen "${slug}".`)
  }
  if (resource === 'sections' && slug === undefined) return ok(JSON.stringify(SectionListSchema.parse({ items: catalog.sections() })))
  if (resource === 'sections') {
    const section = catalog.section(slug!)
    return section ? ok(JSON.stringify(SectionPageSchema.parse(section))) : notFound(`Det finns inget avsnitt med adressen "${slug}".`)
  }
  if (resource === 'notices' && slug === undefined) {
    // Depends on the clock, so never kept between requests.
    const body = JSON.stringify(NoticeListSchema.parse({ items: catalog.activeNotices({ now }) }))
    return { ...ok(body), cacheable: false }
  }
  return notFound()
}

const notFound = (message = 'Adressen finns inte i innehålls-API:t. Se /api/v1/openapi.json.') => error(404, message)

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function corsHeaders(origin: string | null | undefined, allowed: readonly string[]): Record<string, string> {
  if (!allowed.length) return {}
  const headers: Record<string, string> = { Vary: 'Origin' }
  if (origin && (allowed.includes(origin) || allowed.includes('*'))) {
    headers['Access-Control-Allow-Origin'] = origin
    headers['Access-Control-Expose-Headers'] = 'ETag'
  }
  return headers
}

/**
 * The one entry point: every `/api/v1` request, whichever server received it.
 * Null only for a version page that is not in memory yet (see versionRequested).
 */
export function handleDeliveryRequest(request: DeliveryRequest, catalog: Catalog, options: DeliveryOptions): DeliveryResponse | null {
  const url = new URL(request.url, 'http://delivery.invalid')
  const cors = corsHeaders(request.origin, options.allowedOrigins)
  const base = { 'X-Content-Type-Options': 'nosniff', ...cors }
  const method = request.method.toUpperCase()
  if (method === 'OPTIONS') {
    return {
      status: 204,
      headers: { ...base, Allow: 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Headers': 'If-None-Match', 'Access-Control-Max-Age': '600' },
      body: null,
    }
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const body = JSON.stringify({ message: 'Innehålls-API:t går bara att läsa (GET).' })
    return { status: 405, headers: { ...base, Allow: 'GET, HEAD, OPTIONS', 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' }, body }
  }
  let cache = caches.get(catalog)
  if (!cache) caches.set(catalog, (cache = new ResponseCache()))
  const key = url.pathname + url.search
  const composed = cache.get(catalog, key, () => route(catalog, url.pathname, url.searchParams, options))
  if (composed === NOT_LOADED) return null
  if (composed.status !== 200 || !composed.etag) {
    return { status: composed.status, headers: { ...base, 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' }, body: composed.body }
  }
  const headers = { ...base, ETag: composed.etag, 'Cache-Control': CACHE_CONTROL }
  if (etagMatches(request.ifNoneMatch, composed.etag)) return { status: 304, headers, body: null }
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': composed.contentType ?? JSON_TYPE, 'Content-Length': String(Buffer.byteLength(composed.body)) },
    body: method === 'HEAD' ? null : composed.body,
  }
}
