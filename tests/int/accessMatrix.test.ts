/**
 * Tries every cell of src/access/matrix.ts over every way in: REST, GraphQL,
 * the local API with overrideAccess: false, and /api/v1. Exactly the allowed
 * cells succeed (within their scope); denied ones fail the way access control
 * fails, and a denied write leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  ACCESS_MATRIX,
  CONTENT_API_MATRIX,
  GLOBAL_ACCESS_MATRIX,
  GLOBAL_OPERATIONS,
  MATRIX_ROLES,
  OPERATION_LABELS,
  OPERATIONS,
  cellFor,
  isAllowed,
  type Cell,
  type ContentApiOperation,
  type GlobalOperation,
  type MatrixRole,
  type Operation,
} from '@/access/matrix'
import {
  graphQLDriver,
  graphQLEnum,
  graphQLNames,
  localDriver,
  readGraphQLSchema,
  restDriver,
  type Actor,
  type GraphQLSchemaFacts,
  type Id,
  type Outcome,
  type PathDriver,
  type PathName,
} from '../helpers/accessMatrixPaths'
import { buildWorld, DRAFT_MARKER, isAccountLocked, nextMarker, type CollectionSpec, type Fixture, type World } from '../helpers/accessMatrixWorld'
import { startTestCms, type TestCms } from '../helpers/payload'

let cms: TestCms
let world: World
let schema: GraphQLSchemaFacts
let drivers: Record<Exclude<PathName, 'v1'>, PathDriver>
const passes: Record<PathName | 'config', number> = { REST: 0, GraphQL: 0, local: 0, v1: 0, config: 0 }
const startedAt = Date.now()

/** Select values as GraphQL enum names (Payload's schema turns "area.published" into area_published). */
function toGraphQLData(slug: string, data: Record<string, unknown>): Record<string, unknown> {
  const enums: Record<string, string[]> = { webhooks: ['events'], 'webhook-deliveries': ['event', 'status'], indicators: ['surveyCycleYears'] }
  const converted = { ...data }
  for (const field of enums[slug] ?? []) {
    const value = converted[field]
    converted[field] = Array.isArray(value) ? value.map((item) => graphQLEnum(String(item))) : typeof value === 'string' ? graphQLEnum(value) : value
  }
  return converted
}

beforeAll(async () => {
  cms = await startTestCms()
  world = await buildWorld(cms)
  schema = await readGraphQLSchema(cms.rest, world.actors.admin.token!)
  withTrash = new Set((await cms.config).collections.filter((collection) => collection.trash).map((collection) => collection.slug))
  drivers = {
    REST: restDriver(cms.rest, async (id) => String(await valueOf('payload-preferences', id, 'key'))),
    GraphQL: graphQLDriver(cms.rest, () => schema, {
      selection: (slug) => (slug === 'areas' ? 'title teaser' : slug === 'payload-jobs-stats' ? 'stats' : slug === 'spelling-words' ? 'words { word }' : ''),
      toGraphQLData,
    }),
    local: localDriver(cms.payload),
  }
})

afterAll(async () => {
  const collectionCells = Object.keys(ACCESS_MATRIX).length * OPERATIONS.length * MATRIX_ROLES.length
  const applicable = Object.values(ACCESS_MATRIX).flatMap((row) => OPERATIONS.flatMap((op) => row.cells[op].filter((cell) => cell !== 'n/a'))).length
  const globalCells = Object.keys(GLOBAL_ACCESS_MATRIX).length * GLOBAL_OPERATIONS.length * MATRIX_ROLES.length
  const v1Cells = Object.values(CONTENT_API_MATRIX).flatMap((row) => Object.values(row)).length * MATRIX_ROLES.length
  console.log(
    [
      `Access matrix: ${Object.keys(ACCESS_MATRIX).length} collections × ${OPERATIONS.length} operations × ${MATRIX_ROLES.length} roles = ${collectionCells} cells ` +
        `(${applicable} applicable, ${collectionCells - applicable} n/a), plus ${globalCells} global cells and ${v1Cells} /api/v1 cells.`,
      `Passed checks per path: REST ${passes.REST}, GraphQL ${passes.GraphQL}, local ${passes.local}, v1 ${passes.v1}; completeness ${passes.config}. ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s.`,
    ].join('\n'),
  )
  await cms?.cleanup()
})

// ------------------------------------------------------------ reading back, as the system

const local = () => cms.payload as unknown as Record<string, (args: Record<string, unknown>) => Promise<any>>

async function findAll(slug: string, where: object, options: { trash?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const spec = world.specs[slug]!
  const result = await local().find!({ collection: slug, where, overrideAccess: true, draft: spec.drafts, depth: 0, pagination: false, trash: options.trash })
  return result.docs
}
/** Exists outside the trash (or, with `trash`, anywhere). */
const exists = async (slug: string, id: Id, options: { trash?: boolean } = {}) => (await findAll(slug, { id: { equals: id } }, options)).length > 0
/** Collections with a trash (`trash: true`): deleting moves a document there, and only from there is it deleted for good. */
let withTrash = new Set<string>()
const moveToTrash = (id: Id) => ({ id, data: { deletedAt: new Date().toISOString() } })
const valueOf = async (slug: string, id: Id, field: string) => (await findAll(slug, { id: { equals: id } }))[0]?.[field]
const withMarker = (slug: string, marker: string) => findAll(slug, { [world.specs[slug]!.markerField]: { equals: marker } })
/** Collections with optimistic concurrency want the revision a save started from (src/concurrency). */
const revisionOf = async (slug: string, id: Id) => {
  const doc = (await findAll(slug, { id: { equals: id } }))[0]
  return doc && 'revision' in doc ? { revision: doc.revision } : {}
}
const isLive = async (id: Id) =>
  (await local().findByID!({ collection: 'areas', id, draft: false, overrideAccess: true, depth: 0 }))._status === 'published'

// ------------------------------------------------------------ expectations

const sameIds = (ids: readonly (Id | string)[]) => ids.map(String).sort()

function expectSucceeded(outcome: Outcome, what: string) {
  expect(outcome.ok, `${what} should succeed: ${outcome.detail}`).toBe(true)
}
function expectRefused(outcome: Outcome, what: string) {
  expect(outcome.ok, `${what} should be refused: ${outcome.detail}`).toBe(false)
  expect(outcome.refused, `${what} should fail as access control fails (401/403/404), not otherwise: ${outcome.detail}`).toBe(true)
}
/** A denied list may answer 403 or, where access is a query, an empty list; never a fixture. */
function expectNothingListed(outcome: Outcome, what: string) {
  if (outcome.ok) expect(outcome.ids, `${what} should list nothing: ${outcome.detail}`).toEqual([])
  else expectRefused(outcome, what)
}

function visible(fixture: Fixture, cell: Cell, actor: Actor): boolean {
  if (cell === 'allowed') return true
  if (cell === 'own') return fixture.owner === actor.role
  if (cell === 'published') return fixture.published === true
  if (cell === 'active') return fixture.active === true
  return false
}

const ownerOf = (spec: CollectionSpec, doc: Record<string, unknown>) => spec.ownerOf?.(doc)

// ------------------------------------------------------------ one check per operation

type CellCheck = (input: { slug: string; spec: CollectionSpec; cell: Cell; actor: Actor; driver: PathDriver; what: string }) => Promise<void>

const checks: Record<Operation, CellCheck> = {
  async list({ slug, spec, cell, actor, driver, what }) {
    const outcome = await driver.list(slug, actor, spec.fixtures.map((fixture) => fixture.id))
    if (!isAllowed(cell)) return expectNothingListed(outcome, what)
    expectSucceeded(outcome, what)
    const expected = spec.fixtures.filter((fixture) => visible(fixture, cell, actor)).map((fixture) => fixture.id)
    expect(sameIds(outcome.ids), `${what}: exactly the ${cell} documents`).toEqual(sameIds(expected))
    if (cell !== 'allowed') expect(outcome.text, what).not.toContain(DRAFT_MARKER)
  },

  async read({ slug, spec, cell, actor, driver, what }) {
    for (const fixture of spec.fixtures) {
      const outcome = await driver.read(slug, actor, fixture.id)
      const label = `${what} (${fixture.label})`
      if (visible(fixture, cell, actor)) {
        expectSucceeded(outcome, label)
        expect(String(outcome.id), label).toBe(String(fixture.id))
        if (cell !== 'allowed') expect(outcome.text, label).not.toContain(DRAFT_MARKER)
      } else expectRefused(outcome, label)
    }
  },

  async readDraft({ slug, spec, cell, actor, driver, what }) {
    const { beta, gamma } = world.areas
    const attempts: [string, Outcome][] = [
      ['the newer draft of a published page', await driver.read(slug, actor, beta, { draft: true })],
      ['a never-published draft', await driver.read(slug, actor, gamma, { draft: true })],
      ['a list with drafts', await driver.list(slug, actor, spec.fixtures.map((fixture) => fixture.id), { draft: true })],
    ]
    for (const [label, outcome] of attempts) {
      if (isAllowed(cell)) {
        expectSucceeded(outcome, `${what}: ${label}`)
        expect(outcome.text, `${what}: ${label} shows the draft`).toContain(DRAFT_MARKER)
      } else {
        if (!outcome.ok) expectRefused(outcome, `${what}: ${label}`)
        expect(outcome.text, `${what}: ${label} must not show the draft`).not.toContain(DRAFT_MARKER)
      }
    }
  },

  async readVersions({ slug, cell, actor, driver, what }) {
    const outcome = await driver.readVersions(slug, actor, [world.areas.beta, world.areas.gamma])
    if (isAllowed(cell)) {
      expectSucceeded(outcome, what)
      expect(outcome.ids.length, what).toBeGreaterThan(0)
      expect(outcome.text, `${what} includes the draft version`).toContain(DRAFT_MARKER)
    } else {
      expectNothingListed(outcome, what)
      expect(outcome.text, what).not.toContain(DRAFT_MARKER)
    }
  },

  async create({ slug, spec, cell, actor, driver, what }) {
    const marker = nextMarker()
    const outcome = await driver.create(slug, actor, spec.createData(actor, marker))
    const created = await withMarker(slug, marker)
    if (!isAllowed(cell)) {
      expectRefused(outcome, what)
      expect(created, `${what}: nothing written`).toEqual([])
      return
    }
    expectSucceeded(outcome, what)
    expect(created.length, `${what}: one document written`).toBe(1)
    if (cell !== 'own') return
    expect(ownerOf(spec, created[0]!), `${what}: the new document is the user's own`).toBe(String(actor.id))
    // Naming someone else as owner is refused or ignored: never a document of theirs.
    const other = nextMarker()
    await driver.create(slug, actor, spec.createDataForColleague!(actor, other))
    for (const doc of await withMarker(slug, other)) {
      expect(ownerOf(spec, doc), `${what}: a document created for someone else`).toBe(String(actor.id))
    }
  },

  async update({ slug, spec, cell, actor, driver, what }) {
    const field = spec.markerField
    const attempt = async (id: Id, shouldSucceed: boolean, label: string) => {
      const marker = nextMarker()
      const outcome = await driver.update(slug, actor, id, { [field]: marker, ...(await revisionOf(slug, id)) })
      const stored = await valueOf(slug, id, field)
      if (shouldSucceed) {
        expectSucceeded(outcome, label)
        expect(stored, `${label}: written`).toBe(marker)
      } else {
        expectRefused(outcome, label)
        expect(stored, `${label}: nothing written`).not.toBe(marker)
      }
    }
    if (cell === 'own') {
      await attempt(spec.ownDoc!(actor), true, `${what} (own)`)
      await attempt(spec.sharedDoc(), false, `${what} (someone else's)`)
    } else await attempt(spec.sharedDoc(), isAllowed(cell), what)
  },

  async publish({ slug, cell, actor, driver, what }) {
    const attempt = async (label: string, publish: (id: Id) => Promise<Outcome>) => {
      const id = await world.approvedArea()
      const outcome = await publish(id)
      if (isAllowed(cell)) {
        expectSucceeded(outcome, label)
        expect(await isLive(id), `${label}: live`).toBe(true)
      } else {
        expectRefused(outcome, label)
        expect(await isLive(id), `${label}: not live`).toBe(false)
      }
    }
    await attempt(what, (id) => driver.publish(slug, actor, id))
    if (driver.name === 'REST') {
      // The workflow's own endpoint, the admin's Publicera button.
      await attempt(`${what} (workflow endpoint)`, async (id) => {
        const response = await cms.rest.post(`/${slug}/${id}/workflow`, { token: actor.token, body: { transition: 'publish' } })
        const text = await response.text()
        return { ok: response.ok, refused: [401, 403].includes(response.status), detail: `HTTP ${response.status} ${text}`, ids: [], text }
      })
    }
  },

  async delete({ slug, spec, cell, actor, driver, what }) {
    if (withTrash.has(slug)) return checkTrashDelete({ slug, spec, cell, actor, driver, what })
    const attempt = async (id: Id, shouldSucceed: boolean, label: string) => {
      const outcome = await driver.delete(slug, actor, id)
      if (shouldSucceed) {
        expectSucceeded(outcome, label)
        expect(await exists(slug, id), `${label}: gone`).toBe(false)
      } else {
        expectRefused(outcome, label)
        expect(await exists(slug, id), `${label}: still there`).toBe(true)
      }
    }
    if (cell === 'own') {
      await attempt(await spec.freshDoc!(actor), true, `${what} (own)`)
      await attempt(spec.sharedDoc(), false, `${what} (someone else's)`)
    } else if (isAllowed(cell)) await attempt(await spec.freshDoc!(actor), true, what)
    // Someone else's: a refused delete consumes nothing, so the shared document serves every attempt.
    else await attempt(spec.sharedDoc(), false, what)
  },

  async unlock({ slug, spec, cell, actor, driver, what }) {
    if (slug === 'users') {
      const account = await world.lockedAccount()
      const outcome = await driver.unlockAccount(slug, actor, account.email)
      if (isAllowed(cell)) {
        expectSucceeded(outcome, what)
        expect(await isAccountLocked(cms, account.id), `${what}: unlocked`).toBe(false)
      } else {
        expectRefused(outcome, what)
        expect(await isAccountLocked(cms, account.id), `${what}: still locked`).toBe(true)
      }
      return
    }
    // A document lock: removing someone else's (a fresh one only when the removal may succeed).
    const lock = isAllowed(cell) ? await spec.freshDoc!(world.actors.colleague) : spec.sharedDoc()
    const outcome = await driver.delete(slug, actor, lock)
    if (isAllowed(cell)) {
      expectSucceeded(outcome, what)
      expect(await exists(slug, lock), `${what}: removed`).toBe(false)
    } else {
      expectRefused(outcome, what)
      expect(await exists(slug, lock), `${what}: still held`).toBe(true)
    }
  },
}

/** Delete where there is a trash: moving a document there, then deleting it for good from there. */
const checkTrashDelete: CellCheck = async ({ slug, spec, cell, actor, driver, what }) => {
  const colleague = world.actors.colleague
  const owner = cell === 'own' || actor.id ? actor : colleague
  const id = await spec.freshDoc!(owner)
  const trashed = await driver.update(slug, actor, id, moveToTrash(id).data)
  if (isAllowed(cell)) {
    expectSucceeded(trashed, `${what}: to the trash`)
    expect(await exists(slug, id), `${what}: out of sight`).toBe(false)
    expect(await exists(slug, id, { trash: true }), `${what}: in the trash`).toBe(true)
    expectSucceeded(await driver.delete(slug, actor, id, { trash: true }), `${what}: for good`)
    expect(await exists(slug, id, { trash: true }), `${what}: gone for good`).toBe(false)
    return
  }
  expectRefused(trashed, `${what}: to the trash`)
  expect(await exists(slug, id), `${what}: still there`).toBe(true)
  // Nor from the trash, once someone who may has put it there.
  const inTrash = await spec.freshDoc!(owner)
  await local().update!({ collection: slug, overrideAccess: true, ...moveToTrash(inTrash) })
  expectRefused(await driver.delete(slug, actor, inTrash, { trash: true }), `${what}: for good`)
  expect(await exists(slug, inTrash, { trash: true }), `${what}: still in the trash`).toBe(true)
}

// ------------------------------------------------------------ the generated cells

const PATHS = ['REST', 'GraphQL', 'local'] as const
const actorFor = (role: MatrixRole) => world.actors[role]

describe.each(Object.keys(ACCESS_MATRIX))('%s', (slug) => {
  const row = ACCESS_MATRIX[slug]!
  for (const op of OPERATIONS) {
    for (const role of MATRIX_ROLES) {
      const cell = cellFor(row.cells[op], role)
      if (cell === 'n/a') continue
      for (const path of PATHS) {
        const name = `${role} · ${slug} · ${OPERATION_LABELS[op]} · ${path}`
        const exposed = path === 'local' || (path === 'REST' ? row.exposed.rest : row.exposed.graphQL)
        if (!exposed) {
          it(`${name} (not exposed)`, async () => {
            await (path === 'REST' ? expectNoRestRoute(slug, op, actorFor(role)) : expectNoGraphQL(slug, op, actorFor(role)))
            passes[path] += 1
          })
          continue
        }
        it(`${name}: ${cell}`, async () => {
          await checks[op]({ slug, spec: world.specs[slug]!, cell, actor: actorFor(role), driver: drivers[path], what: name })
          passes[path] += 1
        })
      }
    }
  }
})

/** Not exposed over REST: no route at all (Payload answers "Cannot …", 404/501), not merely a refusal. */
async function expectNoRestRoute(slug: string, op: Operation, actor: Actor) {
  const id = world.specs[slug]!.sharedDoc()
  const options = { token: actor.token, body: op === 'create' || op === 'update' ? { name: nextMarker() } : undefined }
  const response =
    op === 'list'
      ? await cms.rest.get(`/${slug}`, options)
      : op === 'create'
        ? await cms.rest.post(`/${slug}`, options)
        : op === 'update'
          ? await cms.rest.patch(`/${slug}/${id}`, options)
          : op === 'delete'
            ? await cms.rest.delete(`/${slug}/${id}`, options)
            : await cms.rest.get(`/${slug}/${id}`, options)
  expect([404, 501], `${slug} ${op}: HTTP ${response.status}`).toContain(response.status)
  expect(await response.text()).not.toMatch(/"docs"|"doc"/)
  expect(await exists(slug, id)).toBe(true)
}

/** Not exposed over GraphQL: none of its queries or mutations exist in the schema. */
async function expectNoGraphQL(slug: string, op: Operation, actor: Actor) {
  const { singular, plural } = graphQLNames(slug)
  const names: Partial<Record<Operation, string>> = {
    list: plural,
    read: singular,
    create: `create${singular}`,
    update: `update${singular}`,
    delete: `delete${singular}`,
  }
  const name = names[op]!
  expect(schema.queries.has(name) || schema.mutations.has(name), `${name} in the GraphQL schema`).toBe(false)
  const kind = op === 'list' || op === 'read' ? '' : 'mutation '
  const response = await cms.rest.graphQL(`${kind}{ ${name} { __typename } }`, { token: actor.token })
  expect(JSON.stringify(await response.json())).toContain(`Cannot query field \\"${name}\\"`)
}

// ------------------------------------------------------------ globals

/** An update each global accepts, carrying the marker (a word of the Ordlista may hold no digits or hyphens: the note does). */
const globalUpdates: Record<string, (marker: string) => Record<string, unknown>> = {
  'payload-jobs-stats': (marker) => ({ stats: { marker } }),
  'spelling-words': (marker) => ({ words: [{ word: 'Matris', note: marker }] }),
}

describe.each(Object.keys(GLOBAL_ACCESS_MATRIX))('global %s', (slug) => {
  const row = GLOBAL_ACCESS_MATRIX[slug]!
  const update = globalUpdates[slug]
  if (!update) throw new Error(`tests/int/accessMatrix.test.ts: no update data for the global ${slug} in globalUpdates`)
  const checkGlobal = async (op: GlobalOperation, cell: Cell, actor: Actor, driver: PathDriver, what: string) => {
    if (op === 'read') {
      const outcome = await driver.readGlobal(slug, actor)
      return isAllowed(cell) ? expectSucceeded(outcome, what) : expectRefused(outcome, what)
    }
    const marker = nextMarker()
    const outcome = await driver.updateGlobal(slug, actor, update(marker))
    const stored = JSON.stringify(await local().findGlobal!({ slug, overrideAccess: true }))
    if (isAllowed(cell)) {
      expectSucceeded(outcome, what)
      expect(stored, `${what}: written`).toContain(marker)
    } else {
      expectRefused(outcome, what)
      expect(stored, `${what}: nothing written`).not.toContain(marker)
    }
  }
  for (const op of GLOBAL_OPERATIONS) {
    for (const role of MATRIX_ROLES) {
      const cell = cellFor(row.cells[op], role)
      for (const path of PATHS) {
        const name = `${role} · ${slug} (global) · ${op} · ${path}`
        it(`${name}: ${cell}`, async () => {
          await checkGlobal(op, cell, actorFor(role), drivers[path], name)
          passes[path] += 1
        })
      }
    }
  }
})

// ------------------------------------------------------------ /api/v1: published only, for everyone

async function v1(path: string, actor: Actor) {
  const headers: Record<string, string> = actor.token ? { Authorization: `JWT ${actor.token}` } : {}
  const response = await cms.rest.v1(path, { headers })
  return { status: response.status, text: await response.text() }
}

const v1Checks: Record<string, Partial<Record<ContentApiOperation, (actor: Actor, cell: Cell, what: string) => Promise<void>>>> = {
  areas: {
    async list(actor, cell, what) {
      expect(cell, what).toBe('published')
      const { status, text } = await v1('/areas?limit=100', actor)
      expect(status, what).toBe(200)
      expect(text, what).toContain(`"${world.areas.slugs.alfa}"`)
      expect(text, what).toContain(`"${world.areas.slugs.beta}"`)
      expect(text, `${what}: never-published page`).not.toContain(world.areas.slugs.gamma)
      expect(text, what).not.toContain(DRAFT_MARKER)
    },
    async read(actor, cell, what) {
      expect(cell, what).toBe('published')
      const { alfa, beta, gamma } = world.areas.slugs
      expect((await v1(`/areas/${alfa}`, actor)).status, what).toBe(200)
      const withDraft = await v1(`/areas/${beta}`, actor)
      expect(withDraft.status, what).toBe(200)
      expect(withDraft.text, `${what}: the published version, not the draft`).not.toContain(DRAFT_MARKER)
      expect((await v1(`/areas/${gamma}`, actor)).status, `${what}: never-published page`).toBe(404)
    },
    async readDraft(actor, cell, what) {
      expect(cell, what).toBe('denied')
      const { beta, gamma } = world.areas.slugs
      for (const path of [`/areas/${beta}?draft=true`, `/areas?draft=true&limit=100`, `/areas/${beta}/versions?draft=true`, `/sections?draft=true`]) {
        const { status, text } = await v1(path, actor)
        expect([200, 400], `${what}: ${path} HTTP ${status}`).toContain(status)
        expect(text, `${what}: ${path}`).not.toContain(DRAFT_MARKER)
      }
      expect((await v1(`/areas/${gamma}?draft=true`, actor)).status, `${what}: never-published page`).toBe(404)
    },
    async readVersions(actor, cell, what) {
      expect(cell, what).toBe('published')
      const { alfa, beta, gamma } = world.areas.slugs
      expect((await v1(`/areas/${alfa}/versions`, actor)).status, what).toBe(200)
      const record = await v1(`/areas/${beta}/versions`, actor)
      expect(record.status, what).toBe(200)
      expect(record.text, `${what}: published versions only`).not.toContain(DRAFT_MARKER)
      expect((await v1(`/areas/${gamma}/versions`, actor)).status, `${what}: never-published page`).toBe(404)
    },
  },
  sections: {
    async list(actor, cell, what) {
      expect(cell, what).toBe('published')
      const { status, text } = await v1('/sections', actor)
      expect(status, what).toBe(200)
      expect(text, what).toContain(world.section.slug)
      expect(text, what).toContain(world.areas.slugs.alfa)
      expect(text, `${what}: never-published member`).not.toContain(world.areas.slugs.gamma)
    },
    async read(actor, cell, what) {
      expect(cell, what).toBe('published')
      const { status, text } = await v1(`/sections/${world.section.slug}`, actor)
      expect(status, what).toBe(200)
      expect(text, what).toContain(world.areas.slugs.beta)
      expect(text, `${what}: never-published member`).not.toContain(world.areas.slugs.gamma)
      expect(text, what).not.toContain(DRAFT_MARKER)
    },
  },
  notices: {
    async list(actor, cell, what) {
      expect(cell, what).toBe('active')
      const { status, text } = await v1('/notices', actor)
      expect(status, what).toBe(200)
      expect(text, what).toContain(world.notices.activeText)
      expect(text, `${what}: not yet active`).not.toContain(world.notices.futureText)
    },
  },
}

describe.each(Object.keys(CONTENT_API_MATRIX))('/api/v1 %s', (slug) => {
  for (const [op, cells] of Object.entries(CONTENT_API_MATRIX[slug]!) as [ContentApiOperation, NonNullable<(typeof CONTENT_API_MATRIX)[string][ContentApiOperation]>][]) {
    for (const role of MATRIX_ROLES) {
      const cell = cellFor(cells, role)
      const name = `${role} · ${slug} · ${OPERATION_LABELS[op]} · v1`
      it(`${name}: ${cell}`, async () => {
        const check = v1Checks[slug]?.[op]
        expect(check, `${name}: no check written for this /api/v1 cell`).toBeDefined()
        await check!(actorFor(role), cell, name)
        passes.v1 += 1
      })
    }
  }
})

// ------------------------------------------------------------ document locks: Payload's "Take over"

describe('payload-locked-documents beyond the cells', () => {
  it('lets a staff member take over a colleague’s lock in their own name, but not hand a lock to someone else', async () => {
    const { editor, reviewer, colleague } = world.actors
    const spec = world.specs['payload-locked-documents']!
    const holder = async (id: Id) => spec.ownerOf!((await findAll('payload-locked-documents', { id: { equals: id } }))[0]!)
    const lock = await spec.freshDoc!(colleague)
    const takeOver = await cms.rest.patch(`/payload-locked-documents/${lock}`, { token: editor.token, body: { user: { relationTo: 'users', value: editor.id } } })
    expect(takeOver.status, await takeOver.clone().text()).toBe(200)
    expect(await holder(lock)).toBe(String(editor.id))
    const handOver = await cms.rest.patch(`/payload-locked-documents/${lock}`, { token: editor.token, body: { user: { relationTo: 'users', value: reviewer.id } } })
    expect(handOver.status).toBe(403)
    expect(await holder(lock)).toBe(String(editor.id))
    passes.REST += 1
  })
})

// ------------------------------------------------------------ the matrix covers the config

describe('the matrix covers every collection and global in the config', () => {
  it('has a row for every collection (Payload’s own included) and no row for a collection that does not exist', async () => {
    const slugs = (await cms.config).collections.map((collection) => collection.slug)
    expect(Object.keys(ACCESS_MATRIX).sort(), 'a new collection needs a row in src/access/matrix.ts').toEqual([...slugs].sort())
    passes.config += 1
  })

  it('has a row for every global and no row for a global that does not exist', async () => {
    const slugs = (await cms.config).globals.map((global) => global.slug)
    expect(Object.keys(GLOBAL_ACCESS_MATRIX).sort(), 'a new global needs a row in src/access/matrix.ts').toEqual([...slugs].sort())
    passes.config += 1
  })

  it('says truly which collections REST and GraphQL serve', async () => {
    for (const collection of (await cms.config).collections) {
      const { exposed } = ACCESS_MATRIX[collection.slug]!
      expect(exposed.rest, `${collection.slug}: REST`).toBe(collection.endpoints !== false)
      expect(exposed.graphQL, `${collection.slug}: GraphQL`).toBe(collection.graphQL !== false)
      expect(schema.queries.has(graphQLNames(collection.slug).plural), `${collection.slug}: GraphQL query`).toBe(exposed.graphQL)
    }
    passes.config += 1
  })

  it('marks as n/a exactly what a collection does not have (drafts, versions, unlocking)', async () => {
    for (const collection of (await cms.config).collections) {
      const { cells } = ACCESS_MATRIX[collection.slug]!
      const versions = Boolean(collection.versions)
      const drafts = Boolean(collection.versions && collection.versions.drafts)
      const unlockable = Boolean(collection.auth) || collection.slug === 'payload-locked-documents'
      const na = (op: Operation) => cells[op].every((cell) => cell === 'n/a')
      const applicable = (op: Operation) => cells[op].every((cell) => cell !== 'n/a')
      expect(drafts ? applicable('readDraft') && applicable('publish') : na('readDraft') && na('publish'), `${collection.slug}: drafts`).toBe(true)
      expect(versions ? applicable('readVersions') : na('readVersions'), `${collection.slug}: versions`).toBe(true)
      expect(unlockable ? applicable('unlock') : na('unlock'), `${collection.slug}: unlock`).toBe(true)
      for (const op of ['list', 'read', 'create', 'update', 'delete'] as const) expect(applicable(op), `${collection.slug}: ${op}`).toBe(true)
    }
    passes.config += 1
  })

  it('names only collections the content API serves', async () => {
    const slugs = (await cms.config).collections.map((collection) => collection.slug)
    for (const slug of Object.keys(CONTENT_API_MATRIX)) expect(slugs, slug).toContain(slug)
    passes.config += 1
  })
})
