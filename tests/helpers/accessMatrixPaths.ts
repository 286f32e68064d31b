/**
 * The four ways in for the access matrix test (tests/int/accessMatrix.test.ts):
 * REST, GraphQL, the local API with `overrideAccess: false`, and /api/v1. Each
 * driver answers with the same `Outcome`, so one test body checks any path.
 */
import { formatNames, type Payload } from 'payload'

import type { MatrixRole } from '@/access/matrix'
import type { RestClient } from './rest'

export type Id = number | string

/** Who tries: a role (or a second editor, the colleague whose documents are "someone else's"). */
export type Actor = {
  role: MatrixRole | 'colleague'
  id?: Id
  email?: string
  token?: string
  /** The user document, loaded with overrideAccess, for the local API's `user`. */
  user?: Record<string, unknown> & { id: Id; collection: 'users' }
}

/**
 * `ok`: the operation succeeded. `refused`: it failed the way access control
 * fails (401, 403, 404, or a GraphQL error with that status). Anything else
 * (a 400 from bad test data, a 500) is neither, so a denied cell cannot pass
 * by accident.
 */
export type Outcome = { ok: boolean; refused: boolean; detail: string; ids: string[]; text: string; id?: Id }

export type PathName = 'REST' | 'GraphQL' | 'local' | 'v1'

export interface PathDriver {
  readonly name: Exclude<PathName, 'v1'>
  list(slug: string, actor: Actor, ids: Id[], options?: { draft?: boolean }): Promise<Outcome>
  read(slug: string, actor: Actor, id: Id, options?: { draft?: boolean }): Promise<Outcome>
  readVersions(slug: string, actor: Actor, parentIds: Id[]): Promise<Outcome>
  create(slug: string, actor: Actor, data: Record<string, unknown>): Promise<Outcome>
  update(slug: string, actor: Actor, id: Id, data: Record<string, unknown>): Promise<Outcome>
  /** `trash`: the document is in the trash (deleting it for good). */
  delete(slug: string, actor: Actor, id: Id, options?: { trash?: boolean }): Promise<Outcome>
  /** Makes an approved draft live (Payload's publish: `_status: 'published'`). */
  publish(slug: string, actor: Actor, id: Id): Promise<Outcome>
  /** Unlocks an account locked after failed logins. */
  unlockAccount(slug: string, actor: Actor, email: string): Promise<Outcome>
  readGlobal(slug: string, actor: Actor): Promise<Outcome>
  updateGlobal(slug: string, actor: Actor, data: Record<string, unknown>): Promise<Outcome>
}

const ACCESS_STATUSES = [401, 403, 404]
const idsOf = (docs: unknown): string[] =>
  Array.isArray(docs) ? docs.map((doc) => String((doc as { id?: unknown; parent?: unknown }).id)) : []

// ---------------------------------------------------------------- REST

async function fromResponse(response: Response): Promise<Outcome> {
  const text = await response.text()
  let body: { docs?: unknown; doc?: { id?: Id }; id?: Id } | null = null
  try {
    body = JSON.parse(text)
  } catch {
    body = null
  }
  const ok = response.status >= 200 && response.status < 300
  return {
    ok,
    refused: ACCESS_STATUSES.includes(response.status),
    detail: `HTTP ${response.status} ${text.slice(0, 300)}`,
    ids: idsOf(body?.docs),
    text,
    id: body?.doc?.id ?? body?.id,
  }
}

const idsQuery = (field: string, ids: Id[]) => ids.map((id, index) => `where[${field}][in][${index}]=${encodeURIComponent(String(id))}`).join('&')

/**
 * Payload serves preferences over REST by key (`/api/payload-preferences/:key`,
 * always the signed-in user's own), which shadows reading and deleting by id.
 */
const PREFERENCES = 'payload-preferences'

export function restDriver(rest: RestClient, preferenceKey: (id: Id) => Promise<string>): PathDriver {
  const as = (actor: Actor) => ({ token: actor.token })
  const byKey = async (method: 'get' | 'delete', id: Id, actor: Actor) => {
    const outcome = await fromResponse(await rest[method](`/${PREFERENCES}/${encodeURIComponent(await preferenceKey(id))}`, as(actor)))
    // A key the user has no preference under answers 200 { value: null }: not found.
    if (method === 'get' && outcome.ok && outcome.id === undefined) return { ...outcome, ok: false, refused: true }
    // Deleting one makes Payload's SQL deleteOne run a broken fallback query; src/api/apiErrors.ts answers 404.
    return outcome
  }
  return {
    name: 'REST',
    list: async (slug, actor, ids, options = {}) =>
      fromResponse(await rest.get(`/${slug}?${idsQuery('id', ids)}&limit=100&depth=0${options.draft ? '&draft=true' : ''}`, as(actor))),
    read: async (slug, actor, id, options = {}) =>
      slug === PREFERENCES
        ? byKey('get', id, actor)
        : fromResponse(await rest.get(`/${slug}/${id}?depth=0${options.draft ? '&draft=true' : ''}`, as(actor))),
    readVersions: async (slug, actor, parentIds) =>
      fromResponse(await rest.get(`/${slug}/versions?${idsQuery('parent', parentIds)}&limit=100&depth=0`, as(actor))),
    create: async (slug, actor, data) => fromResponse(await rest.post(`/${slug}`, { ...as(actor), body: data })),
    update: async (slug, actor, id, data) => fromResponse(await rest.patch(`/${slug}/${id}`, { ...as(actor), body: data })),
    delete: async (slug, actor, id, options = {}) =>
      slug === PREFERENCES ? byKey('delete', id, actor) : fromResponse(await rest.delete(`/${slug}/${id}${options.trash ? '?trash=true' : ''}`, as(actor))),
    publish: async (slug, actor, id) => fromResponse(await rest.patch(`/${slug}/${id}?draft=false`, { ...as(actor), body: { _status: 'published' } })),
    unlockAccount: async (slug, actor, email) => fromResponse(await rest.post(`/${slug}/unlock`, { ...as(actor), body: { email } })),
    readGlobal: async (slug, actor) => fromResponse(await rest.get(`/globals/${slug}`, as(actor))),
    updateGlobal: async (slug, actor, data) => fromResponse(await rest.post(`/globals/${slug}`, { ...as(actor), body: data })),
  }
}

// ---------------------------------------------------------------- GraphQL

type GraphQLError = { message: string; extensions?: { statusCode?: number } }

/** Names as Payload's GraphQL schema derives them from a slug. */
export const graphQLNames = (slug: string) => formatNames(slug)

export type GraphQLTypeRef = { kind: string; name: string | null; ofType: GraphQLTypeRef | null }
const renderType = (type: GraphQLTypeRef): string =>
  type.kind === 'NON_NULL' ? `${renderType(type.ofType!)}!` : type.kind === 'LIST' ? `[${renderType(type.ofType!)}]` : type.name!

/** Query and mutation field names and the declared type of each mutation's `data` argument. */
export type GraphQLSchemaFacts = { queries: Set<string>; mutations: Set<string>; dataTypes: Map<string, string> }

export async function readGraphQLSchema(rest: RestClient, token: string): Promise<GraphQLSchemaFacts> {
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }'
  const response = await rest.graphQL(
    `{ __schema { queryType { fields { name } } mutationType { fields { name args { name type { ${typeRef} } } } } } }`,
    { token },
  )
  const { data } = (await response.json()) as {
    data: { __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string; args: { name: string; type: GraphQLTypeRef }[] }[] } } }
  }
  const dataTypes = new Map<string, string>()
  for (const field of data.__schema.mutationType.fields) {
    const arg = field.args.find((candidate) => candidate.name === 'data')
    if (arg) dataTypes.set(field.name, renderType(arg.type))
  }
  return {
    queries: new Set(data.__schema.queryType.fields.map((field) => field.name)),
    mutations: new Set(data.__schema.mutationType.fields.map((field) => field.name)),
    dataTypes,
  }
}

/** GraphQL enum names for select values (Payload turns "area.published" into area_published). */
export const graphQLEnum = (value: string) => `${/^[0-9]/.test(value) ? '_' : ''}${value.replace(/[.\-/ ]/g, '_')}`

export function graphQLDriver(
  rest: RestClient,
  schema: () => GraphQLSchemaFacts,
  options: {
    /** Fields to select besides `id` (e.g. the text a draft marker would be in). */
    selection: (slug: string) => string
    /** Select values as enum names, per collection. */
    toGraphQLData: (slug: string, data: Record<string, unknown>) => Record<string, unknown>
  },
): PathDriver {
  const literal = (id: Id) => JSON.stringify(id)
  const run = async (actor: Actor, field: string, query: string, variables?: object): Promise<Outcome> => {
    const response = await rest.graphQL(query, { token: actor.token, variables })
    const text = await response.text()
    const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: GraphQLError[] }
    const result = body.data?.[field]
    const errors = body.errors ?? []
    const ok = errors.length === 0 && result !== null && result !== undefined && result !== false
    const refused =
      errors.length > 0 && errors.every((error) => ACCESS_STATUSES.includes(error.extensions?.statusCode ?? 0))
    const value = result as { docs?: unknown; id?: Id } | null | undefined
    return { ok, refused, detail: `GraphQL ${text.slice(0, 300)}`, ids: idsOf(value?.docs), text, id: value?.id }
  }
  const draftArg = (draft?: boolean) => (draft ? ', draft: true' : '')
  // Payload's GraphQL id operators have no `in`.
  const idsWhere = (field: string, ids: Id[]) => `where: { OR: [${ids.map((id) => `{ ${field}: { equals: ${literal(id)} } }`).join(', ')}] }`
  const mutateWithData = (slug: string, actor: Actor, mutation: string, args: string, data: Record<string, unknown>, select = 'id') => {
    const type = schema().dataTypes.get(mutation)
    if (!type) throw new Error(`GraphQL: no mutation ${mutation} with a data argument`)
    return run(actor, mutation, `mutation ($data: ${type}) { ${mutation}(${args}data: $data) { ${select} } }`, {
      data: options.toGraphQLData(slug, data),
    })
  }
  return {
    name: 'GraphQL',
    list: (slug, actor, ids, opts = {}) => {
      const { plural } = graphQLNames(slug)
      return run(actor, plural, `{ ${plural}(${idsWhere('id', ids)}, limit: 100${draftArg(opts.draft)}) { docs { id ${options.selection(slug)} } } }`)
    },
    read: (slug, actor, id, opts = {}) => {
      const { singular } = graphQLNames(slug)
      return run(actor, singular, `{ ${singular}(id: ${literal(id)}${draftArg(opts.draft)}) { id ${options.selection(slug)} } }`)
    },
    readVersions: (slug, actor, parentIds) => {
      const field = `versions${graphQLNames(slug).plural}`
      return run(actor, field, `{ ${field}(${idsWhere('parent', parentIds)}, limit: 100) { docs { id version { ${options.selection(slug)} } } } }`)
    },
    create: (slug, actor, data) => mutateWithData(slug, actor, `create${graphQLNames(slug).singular}`, '', data),
    update: (slug, actor, id, data) => mutateWithData(slug, actor, `update${graphQLNames(slug).singular}`, `id: ${literal(id)}, `, data),
    delete: (slug, actor, id, opts = {}) => {
      const mutation = `delete${graphQLNames(slug).singular}`
      return run(actor, mutation, `mutation { ${mutation}(id: ${literal(id)}${opts.trash ? ', trash: true' : ''}) { id } }`)
    },
    publish: (slug, actor, id) =>
      mutateWithData(slug, actor, `update${graphQLNames(slug).singular}`, `id: ${literal(id)}, draft: false, `, { _status: 'published' }),
    unlockAccount: (slug, actor, email) => {
      const mutation = `unlock${graphQLNames(slug).singular}`
      return run(actor, mutation, `mutation ($email: String!) { ${mutation}(email: $email) }`, { email })
    },
    readGlobal: (slug, actor) => {
      const { singular } = graphQLNames(slug)
      return run(actor, singular, `{ ${singular} { ${options.selection(slug)} } }`)
    },
    // A global has no id to select.
    updateGlobal: (slug, actor, data) => mutateWithData(slug, actor, `update${graphQLNames(slug).singular}`, '', data, 'updatedAt'),
  }
}

// ---------------------------------------------------------------- local API

export function localDriver(payload: Payload): PathDriver {
  const attempt = async (work: () => Promise<unknown>): Promise<Outcome> => {
    try {
      const result = (await work()) as { docs?: unknown; id?: Id } | boolean | null
      const text = JSON.stringify(result ?? null)
      const value = typeof result === 'object' ? result : null
      return { ok: result !== null && result !== false, refused: false, detail: `local ${text.slice(0, 300)}`, ids: idsOf(value?.docs), text, id: value?.id }
    } catch (error) {
      const { status, message } = error as { status?: number; message?: string }
      return { ok: false, refused: ACCESS_STATUSES.includes(status ?? 0), detail: `local threw ${status}: ${message}`, ids: [], text: '' }
    }
  }
  // The local API's own shape: any slug of this config, any data (the test builds it per collection).
  const local = payload as unknown as Record<string, (args: Record<string, unknown>) => Promise<unknown>>
  const as = (actor: Actor) => ({ overrideAccess: false, user: actor.user, depth: 0 })
  return {
    name: 'local',
    list: (collection, actor, ids, options = {}) =>
      attempt(() => local.find!({ collection, ...as(actor), where: { id: { in: ids } }, limit: 100, draft: options.draft })),
    read: (collection, actor, id, options = {}) => attempt(() => local.findByID!({ collection, ...as(actor), id, draft: options.draft })),
    readVersions: (collection, actor, parentIds) =>
      attempt(() => local.findVersions!({ collection, ...as(actor), where: { parent: { in: parentIds } }, limit: 100 })),
    create: (collection, actor, data) => attempt(() => local.create!({ collection, ...as(actor), data })),
    update: (collection, actor, id, data) => attempt(() => local.update!({ collection, ...as(actor), id, data })),
    delete: (collection, actor, id, options = {}) => attempt(() => local.delete!({ collection, ...as(actor), id, trash: options.trash })),
    publish: (collection, actor, id) => attempt(() => local.update!({ collection, ...as(actor), id, data: { _status: 'published' }, draft: false })),
    unlockAccount: (collection, actor, email) => attempt(() => local.unlock!({ collection, ...as(actor), data: { email } })),
    readGlobal: (slug, actor) => attempt(() => local.findGlobal!({ slug, ...as(actor) })),
    updateGlobal: (slug, actor, data) => attempt(() => local.updateGlobal!({ slug, ...as(actor), data })),
  }
}
