import type { SanitizedConfig } from 'payload'

import { swedishLabel } from '@/fields/labels'
import { localizeErrorBody } from './apiErrors'
import { refusalResponse } from './refusal'
import { restoreAsDraftUrl } from './restoreAsDraft'
import { defaultGuardOptions, guardRestRequest, type CollectionInfo, type GuardOptions } from './requestGuards'
import type { IdKind } from './shapeGuard'

type RouteArgs = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

/** Fields a client may send in a create or update: the collection's own plus Payload's system fields. */
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', '_status', 'deletedAt']
const AUTH_FIELDS = ['email', 'username', 'password']

const swedish = (label: unknown, fallback: string): string => swedishLabel(label) ?? fallback

/** The adapter's kind of document id: MongoDB's ObjectIds, or numbers (SQLite, Postgres). */
function idKindOf(config: SanitizedConfig, collection: SanitizedConfig['collections'][number]): IdKind {
  const custom = collection.flattenedFields.find((field) => field.name === 'id')
  if (custom) return custom.type === 'number' ? 'number' : 'text'
  const db = config.db as { defaultIDType?: string; name?: string }
  if (db.defaultIDType === 'number') return 'number'
  return db.name === 'mongoose' ? 'ObjectID' : 'text'
}

/** The guard's options from the sanitized config (so new fields and collections are known at once). */
export function guardOptionsFromConfig(config: SanitizedConfig): GuardOptions {
  const collections: Record<string, CollectionInfo> = {}
  for (const collection of config.collections) {
    collections[collection.slug] = {
      label: swedish(collection.labels?.singular, collection.slug),
      knownFields: new Set([...collection.flattenedFields.map((field) => field.name), ...SYSTEM_FIELDS, ...(collection.auth ? AUTH_FIELDS : [])]),
      fields: collection.flattenedFields,
      endpoints: (collection.endpoints || []).map((endpoint) => ({ method: endpoint.method, path: endpoint.path })),
      idKind: idKindOf(config, collection),
      upload: Boolean(collection.upload),
      versions: Boolean(collection.versions),
    }
  }
  return defaultGuardOptions({ maxDepth: config.maxDepth ?? 10, collections })
}

/** Payload's "Route not found" is English and returned, not thrown, so no afterError hook sees it. */
async function localizeResponse(response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get('content-type')?.includes('application/json')) return response
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined)
  const localized = localizeErrorBody(body)
  if (localized === body) return response
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(JSON.stringify(localized), { status: response.status, statusText: response.statusText, headers })
}

/** The same request at another address (its body, if any, already read by the guards). */
async function withUrl(request: Request, url: URL): Promise<Request> {
  const body = request.body === null ? null : await request.arrayBuffer()
  return new Request(url, { method: request.method, headers: request.headers, body, signal: request.signal })
}

/**
 * Wraps one of Payload's REST route handlers with the request guards: a
 * refused request never reaches Payload, an accepted one reaches it with
 * its body already read and checked.
 */
export function guardedRestRoute(config: Promise<SanitizedConfig> | SanitizedConfig, handler: RouteHandler): RouteHandler {
  let options: GuardOptions | undefined
  let draftCollections: Set<string> | undefined
  return async (request, args) => {
    const sanitized = await config
    options ??= guardOptionsFromConfig(sanitized)
    draftCollections ??= new Set(sanitized.collections.filter((collection) => collection.versions?.drafts).map((collection) => collection.slug))
    const { slug = [] } = await args.params
    const guarded = await guardRestRequest(request, slug, options)
    if ('refusal' in guarded) return refusalResponse(guarded.refusal)
    const restoreUrl = restoreAsDraftUrl(guarded.request.method, new URL(guarded.request.url), slug, draftCollections)
    const forwarded = restoreUrl ? await withUrl(guarded.request, restoreUrl) : guarded.request
    return localizeResponse(await handler(forwarded, args))
  }
}
