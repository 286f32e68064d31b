/**
 * Checks on a REST request before Payload sees it: body size (413), content
 * type (415), JSON syntax and shape (400, with line and column or the field),
 * query parameters Payload would silently clamp or fail on (400), and
 * fields a collection does not have (400). Every refusal is JSON with a
 * Swedish `message` and `errors[].field`, like the content API's.
 *
 * Payload itself answers malformed JSON with an English "Invalid JSON",
 * crashes (500) on malformed `_payload` form data or a malformed `where`
 * string, reads the whole body into memory whatever its size, and ignores
 * unknown fields and out-of-range `depth`/`limit`/`page` without a word.
 */
import { parse } from 'qs-esm'

import type { FlattenedField } from 'payload'

import { MAX_BODY_BYTES } from '@/runtime/serverContract.mjs'
import { checkJson, DEFAULT_JSON_LIMITS, type JsonLimits } from './jsonGuard'
import type { GuardRefusal } from './refusal'
import { checkShape, isValidId, type IdKind } from './shapeGuard'


/** What the guard knows of one collection (from the sanitized config). */
export type CollectionInfo = {
  /** Swedish singular label, for messages. */
  label: string
  /** Top-level names a create or update may carry: the fields plus Payload's system fields. */
  knownFields: ReadonlySet<string>
  fields: readonly FlattenedField[]
  /** The collection's REST endpoints in Payload's order, to find which path segment is a document id. */
  endpoints: readonly { method: string; path: string }[]
  idKind: IdKind
  /** Only upload collections (none today) take file parts. */
  upload: boolean
  /** Whether the collection keeps versions; Payload serves /versions on every collection and crashes on those that do not. */
  versions: boolean
}

export type GuardOptions = {
  maxBodyBytes: number
  json: JsonLimits
  /** Payload's `maxDepth`: a larger `depth` is clamped silently, so it is refused instead. */
  maxDepth: number
  collections: Record<string, CollectionInfo>
}

export const defaultGuardOptions = (overrides: Partial<GuardOptions> = {}): GuardOptions => ({
  maxBodyBytes: MAX_BODY_BYTES,
  json: DEFAULT_JSON_LIMITS,
  maxDepth: 10,
  collections: {},
  ...overrides,
})

const WHERE_OPERATORS = new Set([
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])
/** Operators whose value may be a list or an object (geometry). */
const STRUCTURED_OPERATORS = new Set(['in', 'not_in', 'all', 'within', 'intersects', 'near'])
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/
const SORT = /^-?[A-Za-z_][A-Za-z0-9_.]*$/

const bracket = (path: readonly string[]) => `where${path.map((segment) => `[${segment}]`).join('')}`

/** A `where` tree as Payload reads it: and/or lists, field paths, known operators, plain values. */
export function checkWhere(where: unknown, path: string[] = []): GuardRefusal | null {
  if (where === undefined || where === null || where === '') return null
  if (typeof where !== 'object' || Array.isArray(where)) {
    return { status: 400, field: bracket(path) || 'where', message: `${bracket(path) || 'where'} ska vara ett villkor som where[fält][equals]=värde.` }
  }
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    const here = [...path, key]
    if (key === 'and' || key === 'or') {
      const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : null
      if (!items) return { status: 400, field: bracket(here), message: `${bracket(here)} ska vara en lista av villkor.` }
      for (const [index, item] of items.entries()) {
        const problem = checkWhere(item, [...here, String(index)])
        if (problem) return problem
      }
      continue
    }
    if (!FIELD_PATH.test(key)) {
      return { status: 400, field: bracket(here), message: `"${key}" i ${bracket(path) || 'where'} är inget giltigt fältnamn.` }
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { status: 400, field: bracket(here), message: `Ange en jämförelse för fältet "${key}", t.ex. ${bracket(here)}[equals]=värde.` }
    }
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      const at = bracket([...here, operator])
      if (!WHERE_OPERATORS.has(operator)) {
        return {
          status: 400,
          field: at,
          message: `Okänd jämförelse "${operator}" för fältet "${key}". Tillåtna är ${[...WHERE_OPERATORS].map((name) => `"${name}"`).join(', ')}.`,
        }
      }
      if (operand && typeof operand === 'object' && !STRUCTURED_OPERATORS.has(operator)) {
        return { status: 400, field: at, message: `Värdet i ${at} ska vara en text, ett tal eller ett datum, inte ett objekt eller en lista.` }
      }
    }
  }
  return null
}

const INTEGER = /^\d+$/

/** The query parameters Payload's REST API reads, as Payload parses them (qs). */
export function checkQuery(query: Record<string, unknown>, options: Pick<GuardOptions, 'maxDepth'>): GuardRefusal | null {
  const text = (name: string) => {
    const value = query[name]
    return typeof value === 'string' ? value : value === undefined ? undefined : null
  }
  const depth = text('depth')
  if (depth !== undefined && (depth === null || !INTEGER.test(depth) || Number(depth) > options.maxDepth)) {
    return { status: 400, field: 'depth', message: `Parametern "depth" ska vara ett heltal från 0 till ${options.maxDepth}.` }
  }
  const limit = text('limit')
  if (limit !== undefined && (limit === null || !INTEGER.test(limit) || limit.length > 9)) {
    return { status: 400, field: 'limit', message: 'Parametern "limit" ska vara ett heltal, 0 eller större (0 = alla).' }
  }
  const page = text('page')
  if (page !== undefined && (page === null || !INTEGER.test(page) || Number(page) < 1 || page.length > 9)) {
    return { status: 400, field: 'page', message: 'Parametern "page" ska vara ett heltal, 1 eller större.' }
  }
  const sort = query.sort
  if (sort !== undefined) {
    const items = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : [sort]
    if (!items.every((item) => typeof item === 'string' && SORT.test(item.trim()))) {
      return { status: 400, field: 'sort', message: 'Parametern "sort" ska vara fältnamn, med minus före för fallande ordning (t.ex. -updatedAt).' }
    }
  }
  let where = query.where
  if (typeof where === 'string' && where !== '') {
    // Payload also takes `where` as a JSON string, and crashes (500) on a malformed one.
    try {
      where = JSON.parse(where)
    } catch {
      return { status: 400, field: 'where', message: 'Parametern "where" innehåller ingen giltig JSON.' }
    }
  }
  for (const name of ['data']) {
    const value = query[name]
    if (typeof value === 'string' && value !== '') {
      try {
        JSON.parse(value)
      } catch {
        return { status: 400, field: name, message: `Parametern "${name}" innehåller ingen giltig JSON.` }
      }
    }
  }
  return checkWhere(where)
}

/** Reads a body up to `limit` bytes; null when it is larger (the rest is not read). */
async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`

const tooLarge = (options: GuardOptions, size?: number): GuardRefusal => ({
  status: 413,
  message: `Förfrågan är för stor${size ? ` (${megabytes(size)})` : ''}. Högst ${megabytes(options.maxBodyBytes)} tillåts.`,
})

export type ContentType = { type: string; charset: string | null; boundary: string | null }

export function parseContentType(header: string | null): ContentType | null {
  if (!header) return null
  const [type, ...params] = header.split(';')
  const parameters = new Map(
    params.map((param) => {
      const [name, ...rest] = param.split('=')
      return [name!.trim().toLowerCase(), rest.join('=').trim().replace(/^"(.*)"$/, '$1')] as const
    }),
  )
  return { type: type!.trim().toLowerCase(), charset: parameters.get('charset')?.toLowerCase() ?? null, boundary: parameters.get('boundary') ?? null }
}

/** Checks a JSON body's text: syntax, limits, an object at the top, and (for creates and updates) only known fields. */
export function checkJsonBody(
  text: string,
  context: { what: string; collection?: CollectionInfo; strict: boolean },
  options: GuardOptions,
): GuardRefusal | null {
  const problem = checkJson(text, options.json)
  if (problem) return { status: 400, message: problem.message, ...(problem.field && { field: problem.field }) }
  const value: unknown = JSON.parse(text)
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'en lista' : typeof value === 'string' ? 'en text' : typeof value === 'number' ? 'ett tal' : 'ett sanningsvärde'
    return { status: 400, message: `${context.what} ska vara ett JSON-objekt ({ … }), inte ${got}.` }
  }
  const collection = context.collection
  if (!collection) return null
  if (context.strict) {
    const unknown = Object.keys(value).find((key) => !collection.knownFields.has(key))
    if (unknown !== undefined) {
      return {
        status: 400,
        field: unknown,
        message: `Okänt fält "${unknown}": ${collection.label} har inget sådant fält. Ta bort det ur förfrågan.`,
      }
    }
  }
  return checkShape(value as Record<string, unknown>, collection.fields, { idKind: collection.idKind, strict: context.strict })
}

/** The endpoint Payload would pick for `segments` (after the collection slug), with its path parameters. */
export function matchEndpoint(
  endpoints: CollectionInfo['endpoints'],
  method: string,
  segments: readonly string[],
): { path: string; params: Record<string, string> } | null {
  for (const endpoint of endpoints) {
    if (endpoint.method.toLowerCase() !== method.toLowerCase()) continue
    const parts = endpoint.path.split('/').filter(Boolean)
    const optional = parts.filter((part) => part.endsWith('?')).length
    if (segments.length > parts.length || segments.length < parts.length - optional) continue
    const params: Record<string, string> = {}
    const matches = parts.every((part, index) => {
      const segment = segments[index]
      if (part.startsWith(':')) {
        if (segment !== undefined) params[part.replace(/^:|\?$/g, '')] = segment
        return segment !== undefined || part.endsWith('?')
      }
      return segment === part
    })
    if (matches) return { path: endpoint.path, params }
  }
  return null
}

/** A document id in the path that the database could not even read is a document that does not exist. */
function checkPathIds(method: string, segments: readonly string[], options: GuardOptions): GuardRefusal | null {
  const [slug, ...rest] = segments
  const collection = slug ? options.collections[slug] : undefined
  if (!collection || rest.length === 0) return null
  const endpoint = matchEndpoint(collection.endpoints, method, rest)
  if (!collection.versions && endpoint?.path.startsWith('/versions')) {
    return { status: 404, message: `/api/${slug}/versions finns inte: den här samlingen sparar inga versioner.` }
  }
  const id = endpoint?.params.id
  if (id === undefined || isValidId(id, collection.idKind)) return null
  return { status: 404, message: `Dokumentet finns inte: "${id.slice(0, 60)}" är inget giltigt id i ${collection.label}.` }
}

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

/**
 * Comparisons the database adapter cannot run on a field of that kind and
 * fails on with a 500: map operators on anything but a point, and a date
 * compared with something that is not a date.
 */
export function checkWhereFields(where: unknown, collection: Pick<CollectionInfo, 'fields'>, path: string[] = []): GuardRefusal | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []
      for (const [index, item] of items.entries()) {
        const problem = checkWhereFields(item, collection, [...path, key, String(index)])
        if (problem) return problem
      }
      continue
    }
    if (!value || typeof value !== 'object') continue
    const segments = key.split('.')
    const field = collection.fields.find((candidate) => 'name' in candidate && candidate.name === segments[0])
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      const at = bracket([...path, key, operator])
      if (GEO_OPERATORS.has(operator) && !(field?.type === 'point' && segments.length === 1)) {
        return { status: 400, field: at, message: `Jämförelsen "${operator}" gäller bara kartpunkter; fältet "${key}" är ingen kartpunkt (${at}).` }
      }
      if (field?.type === 'blocks' && segments[1] === 'blockType' && segments.length === 2) {
        const problem = checkBlockTypeCondition(field, key, operator, operand, at)
        if (problem) return problem
        continue
      }
      if (field?.type === 'date' && segments.length === 1) {
        if (operator === 'exists') {
          if (!['true', 'false', true, false].includes(operand as string | boolean)) {
            return { status: 400, field: at, message: `Värdet i ${at} ska vara true eller false.` }
          }
          continue
        }
        const values = Array.isArray(operand) ? operand : typeof operand === 'string' && (operator === 'in' || operator === 'not_in') ? operand.split(',') : [operand]
        if (!values.every((item) => typeof item === 'string' && item.trim() !== '' && !Number.isNaN(Date.parse(item)))) {
          return { status: 400, field: at, message: `Värdet i ${at} ska vara ett datum, t.ex. 2024-05-01, eftersom "${key}" är ett datumfält.` }
        }
      }
    }
  }
  return null
}

/**
 * `where[body.blockType]` asks which pages hold a block of a kind. The SQL
 * adapter answers it by joining the block's table (it fails on a kind that does
 * not exist, and reads every operator as "holds one"), so only the questions
 * every database answers alike are let through: equals or in, with kinds that exist.
 */
function checkBlockTypeCondition(field: FlattenedField, key: string, operator: string, operand: unknown, at: string): GuardRefusal | null {
  const blocks = field.type === 'blocks' ? [...(field.blockReferences ?? field.blocks)] : []
  const kinds = blocks.map((block) => (typeof block === 'string' ? block : block.slug))
  const listed = kinds.map((kind) => `"${kind}"`).join(', ')
  if (operator !== 'equals' && operator !== 'in') {
    return { status: 400, field: at, message: `"${key}" kan bara sökas med "equals" eller "in" och en blocktyp (${listed}), inte med "${operator}".` }
  }
  const values = Array.isArray(operand) ? operand : typeof operand === 'string' ? operand.split(',') : [operand]
  const unknown = values.find((value) => typeof value !== 'string' || !kinds.includes(value))
  if (unknown !== undefined || values.length === 0) {
    return { status: 400, field: at, message: `Blocktypen ${JSON.stringify(unknown ?? '')} finns inte i "${field.name}" (${at}). Tillåtna är ${listed}.` }
  }
  return null
}

/**
 * The checks of a query that need the collection: its `where` (also when sent
 * as a JSON string; checkQuery has already refused a malformed one) and, on a
 * list, its `sort`.
 */
function checkCollectionQuery(query: Record<string, unknown>, collection: CollectionInfo, listing: boolean): GuardRefusal | null {
  const where = typeof query.where === 'string' ? (JSON.parse(query.where) as unknown) : query.where
  return checkWhereFields(where, collection) ?? (listing ? checkQueryFields(query, collection) : null)
}

/** `sort` on a collection may only name its own fields (Payload ignores an unknown sort silently). */
function checkQueryFields(query: Record<string, unknown>, collection: CollectionInfo): GuardRefusal | null {
  const sort = query.sort
  const items = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort.filter((item): item is string => typeof item === 'string') : []
  for (const item of items) {
    const name = item.trim().replace(/^-/, '').split('.')[0]!
    if (name && !collection.knownFields.has(name)) {
      return { status: 400, field: name, message: `Parametern "sort": fältet "${name}" finns inte i ${collection.label}.` }
    }
  }
  return null
}

/**
 * Checks one REST request to `/api/<segments…>`. Returns the request to hand
 * to Payload (the body already read and checked, so it is rebuilt) or a
 * refusal. `Accept-Language` is dropped: the API answers in Swedish unless
 * the person chose another language in the admin (Payload's language cookie).
 */
export async function guardRestRequest(
  request: Request,
  segments: readonly string[],
  options: GuardOptions,
): Promise<{ request: Request } | { refusal: GuardRefusal }> {
  const url = new URL(request.url)
  // Parsed exactly as Payload parses it (createPayloadRequest), so the check sees what Payload would act on.
  const query = parse(url.search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>
  const queryProblem = checkQuery(query, options)
  if (queryProblem) return { refusal: queryProblem }
  const method = request.method.toUpperCase()
  const idProblem = checkPathIds(method, segments, options)
  if (idProblem) return { refusal: idProblem }
  const [slug] = segments
  const collection = slug ? options.collections[slug] : undefined
  const fieldProblem = collection ? checkCollectionQuery(query, collection, segments.length === 1) : null
  if (fieldProblem) return { refusal: fieldProblem }

  const headers = new Headers(request.headers)
  headers.delete('accept-language')
  if (!['POST', 'PATCH', 'PUT'].includes(method) || request.body === null) {
    return { request: new Request(request.url, { method, headers, signal: request.signal }) }
  }

  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
    await request.body.cancel().catch(() => undefined)
    return { refusal: tooLarge(options, declared) }
  }
  const bytes = await readLimited(request.body, options.maxBodyBytes)
  if (!bytes) return { refusal: tooLarge(options) }
  const forward = (body: BodyInit | null) => ({ request: new Request(request.url, { method, headers, body, signal: request.signal }) })
  if (bytes.byteLength === 0) return forward(null)

  const contentType = parseContentType(request.headers.get('content-type'))
  // Payload's own create (POST /<slug>) and update (PATCH /<slug>, PATCH /<slug>/<id>): the body is a document.
  const isWrite = (method === 'POST' && segments.length === 1) || (method === 'PATCH' && (segments.length === 1 || segments.length === 2))
  const document = isWrite ? collection : undefined
  const decode = (): string | null => {
    try {
      // ignoreBOM keeps a byte order mark in the text, so the JSON check can name it.
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    } catch {
      return null
    }
  }

  if (!contentType) {
    return { refusal: { status: 415, message: 'Förfrågan saknar rubriken Content-Type. Skicka JSON med Content-Type: application/json.' } }
  }
  if (contentType.type === 'application/json') {
    if (contentType.charset && !['utf-8', 'utf8'].includes(contentType.charset)) {
      return { refusal: { status: 415, message: `Teckenkodningen "${contentType.charset}" stöds inte. Skicka JSON i UTF-8.` } }
    }
    const text = decode()
    if (text === null) return { refusal: { status: 400, message: 'Förfrågan är inte giltig UTF-8. Skicka JSON i UTF-8.' } }
    if (text.trim() === '') return forward(null)
    const refusal = checkJsonBody(text, { what: 'Förfrågan', collection: document, strict: true }, options)
    if (refusal) return { refusal }
    // Payload compares the media type case-sensitively; send it the canonical spelling.
    headers.set('content-type', 'application/json')
    return forward(text)
  }
  if (contentType.type === 'multipart/form-data') {
    // The admin saves as form data: the document as JSON in `_payload`, a file in `file`.
    let form: FormData
    try {
      form = await new Request(request.url, { method, headers, body: bytes }).formData()
    } catch {
      return { refusal: { status: 400, message: 'Formulärdata (multipart/form-data) kunde inte läsas: kontrollera avgränsaren (boundary) och delarna.' } }
    }
    for (const [name, value] of form.entries()) {
      if (typeof value !== 'string') {
        if (!collection?.upload) {
          return { refusal: { status: 400, field: name, message: `${collection?.label ?? 'Den här adressen'} tar inte emot filer (fältet "${name}").` } }
        }
      } else if (name === '_payload') {
        // The admin's own saves: the same checks, but lenient on kinds (see checkShape).
        const refusal = checkJsonBody(value, { what: 'Värdet', collection: document, strict: false }, options)
        if (refusal) {
          return { refusal: { ...refusal, message: `Fältet "_payload": ${refusal.message}`, field: refusal.field ? `_payload.${refusal.field}` : '_payload' } }
        }
      }
    }
    return forward(bytes)
  }
  const methodOverride = request.headers.get('x-payload-http-method-override') ?? request.headers.get('x-http-method-override')
  if (contentType.type === 'application/x-www-form-urlencoded' && method === 'POST' && methodOverride === 'GET') {
    // Payload's "GET with a long query" (the admin's relationship fields): the body is the query.
    const text = decode()
    const overrideQuery = parse(text ?? '', { allowEmptyArrays: true, arrayLimit: 1000, depth: 10 }) as Record<string, unknown>
    const refusal =
      text === null
        ? { status: 400, message: 'Förfrågan är inte giltig UTF-8.' }
        : (checkQuery(overrideQuery, options) ?? (collection ? checkCollectionQuery(overrideQuery, collection, true) : null))
    if (refusal) return { refusal }
    return forward(bytes)
  }
  return {
    refusal: {
      status: 415,
      message: `Innehållstypen "${contentType.type}" stöds inte här. Skicka JSON med Content-Type: application/json.`,
    },
  }
}
