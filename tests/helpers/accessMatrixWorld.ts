/**
 * The documents the access matrix test (tests/int/accessMatrix.test.ts) tries
 * its cells on: one user per role plus a colleague (whose documents are
 * "someone else's"), and fixtures in every collection, tagged with what the
 * scopes of src/access/matrix.ts select (owner, published, active).
 */
import { expect } from 'vitest'

import type { MatrixRole } from '@/access/matrix'
import type { Actor, Id } from './accessMatrixPaths'
import type { TestCms } from './payload'
import { makeMatrixAccount } from './matrixAccounts'
import { createUser } from './users'

export const DRAFT_MARKER = 'UTKASTMARKÖR-MATRIS'
export type ActorName = MatrixRole | 'colleague'

/** A document for list/read checks and the facts the scopes look at. */
export type Fixture = { id: Id; label: string; owner?: ActorName; published?: boolean; active?: boolean }

export type CollectionSpec = {
  /** The field create/update attempts write a fresh marker into; read back to see whether a write happened. */
  markerField: string
  fixtures: Fixture[]
  createData(actor: Actor, marker: string): Record<string, unknown>
  /** Own-scope collections: create data naming the colleague as owner. */
  createDataForColleague?(actor: Actor, marker: string): Record<string, unknown>
  /** Someone else's document (the colleague's, or the shared fixture): the target of update and denied writes. */
  sharedDoc(): Id
  /** Own-scope collections: the actor's own document. */
  ownDoc?(actor: Actor): Id
  /** A document to delete; fresh when a delete may succeed (own = the actor's, for own-scope collections). */
  freshDoc?(owner: Actor): Promise<Id>
  /** The owner (a user id) of a document, for own-scope collections. */
  ownerOf?(doc: Record<string, unknown>): string | undefined
  /** Whether the collection has drafts (reads back the newest draft). */
  drafts?: boolean
}

export type World = {
  cms: TestCms
  actors: Record<ActorName, Actor>
  specs: Record<string, CollectionSpec>
  areas: { alfa: Id; beta: Id; gamma: Id; slugs: { alfa: string; beta: string; gamma: string } }
  section: { id: Id; slug: string }
  notices: { activeText: string; futureText: string }
  /** An area in state "approved", ready to publish (reused until someone publishes it). */
  approvedArea(): Promise<Id>
  /** An account locked after failed logins (reused until someone unlocks it). */
  lockedAccount(): Promise<{ id: Id; email: string }>
}

let counter = 0
/** A fresh value no fixture holds; upper case so it is also a valid indicator code. */
export const nextMarker = () => `MATRIS-${++counter}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`

const userRef = (actor: Actor) => ({ relationTo: 'users', value: actor.id })
const polymorphicOwner = (doc: Record<string, unknown>) => {
  const ref = doc.user as { value?: unknown } | undefined
  const value = ref?.value && typeof ref.value === 'object' ? (ref.value as { id?: unknown }).id : ref?.value
  return value === undefined || value === null ? undefined : String(value)
}

const resultSet = (surveyYear: number, text: string) => ({
  blockType: 'resultSet',
  surveyYear,
  lead: 'visar att',
  bullets: [{ national: `Nationellt ${text}`, local: `Kalmar ${text}` }],
})

export async function buildWorld(cms: TestCms): Promise<World> {
  const { payload, rest } = cms
  const create = async (collection: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Id> =>
    ((await (payload.create as (args: object) => Promise<{ id: Id }>)({ collection, data, overrideAccess: true, depth: 0, ...extra })).id)

  // The first account always becomes an admin (firstUserIsAdmin): create the admin first.
  const actor = async (role: ActorName, roles: ('admin' | 'editor' | 'reviewer')[]): Promise<Actor> => {
    // A local account with a password, or one the directory made (tests/helpers/matrixAccounts.ts).
    const user = await makeMatrixAccount({ payload, rest, roles, name: `Matris ${role}` })
    const { token } = user
    const doc = await payload.findByID({ collection: 'users', id: user.id, overrideAccess: true, depth: 0 })
    return { role, id: user.id, email: user.email, token, user: { ...(doc as unknown as Record<string, unknown>), id: user.id, collection: 'users' } }
  }
  const admin = await actor('admin', ['admin'])
  const editor = await actor('editor', ['editor'])
  const reviewer = await actor('reviewer', ['reviewer'])
  const colleague = await actor('colleague', ['editor'])
  const actors: Record<ActorName, Actor> = { anonymous: { role: 'anonymous' }, editor, reviewer, admin, colleague }
  const staff = [editor, reviewer, admin, colleague]

  // Areas: published; published with a newer draft holding the marker; never published.
  const slugs = { alfa: 'matris-alfa', beta: 'matris-beta', gamma: 'matris-gamma' }
  const publishedArea = (title: string, slug: string) =>
    create('areas', { title, slug, teaser: `Ingress ${title}`, body: [resultSet(2023, title)], _status: 'published' })
  const alfa = await publishedArea('Matris Alfa', slugs.alfa)
  const beta = await publishedArea('Matris Beta', slugs.beta)
  // With the revision it started from, where the collection has one (optimistic concurrency, src/concurrency).
  const stored = (await payload.findByID({ collection: 'areas', id: beta, draft: true, overrideAccess: true, depth: 0 })) as { revision?: unknown }
  const revision = 'revision' in stored ? { revision: stored.revision } : {}
  const draftEdit = await rest.patch(`/areas/${beta}?draft=true`, { token: editor.token, body: { teaser: `Ingress ${DRAFT_MARKER}`, ...revision } })
  expect(draftEdit.status, await draftEdit.clone().text()).toBe(200)
  const gamma = await create('areas', { title: 'Matris Gamma', slug: slugs.gamma, teaser: `Ingress ${DRAFT_MARKER}` }, { draft: true })
  const areaForUpdates = await create('areas', { title: 'Matris uppdateringar', slug: 'matris-uppdateringar' }, { draft: true })
  const freshArea = () => {
    const marker = nextMarker()
    return create('areas', { title: marker, slug: marker.toLowerCase() }, { draft: true })
  }

  // Open releases, so that editors' and admins' updates are the workflow's to allow; each holds no area.
  const release = await create('releases', { name: 'Matris paket' })
  const releaseForUpdates = await create('releases', { name: 'Matris paket uppdateras' })
  const link = await create('links', { title: 'Matris länk', url: 'https://kalmar.se/matris' })
  const sectionSlug = 'matris-avsnitt'
  const section = await create('sections', {
    title: 'Matris avsnitt',
    slug: sectionSlug,
    members: [
      { relationTo: 'areas', value: alfa },
      { relationTo: 'areas', value: gamma },
      { relationTo: 'links', value: link },
      { relationTo: 'areas', value: beta },
    ],
  })
  const indicator = await create('indicators', { code: 'MATRIS-FIXTUR', name: 'Matrisindikator', area: alfa })
  const mappingData = (fileName: string) => ({ area: alfa, fileName, mapping: { municipalityColumn: 'Kommun', indicators: [{ column: 'Fråga', indicator: 'MATRIS-FIXTUR' }] } })
  const resultMapping = await create('result-mappings', mappingData('matris.xlsx'))
  const hour = 3_600_000
  const notices = { activeText: 'Matris aktivt meddelande', futureText: 'Matris kommande meddelande' }
  const activeNotice = await create('notices', { text: notices.activeText, scope: 'site', startsAt: new Date(Date.now() - hour).toISOString() })
  const tomorrow = () => new Date(Date.now() + 24 * hour).toISOString()
  const futureNotice = await create('notices', { text: notices.futureText, scope: 'site', startsAt: tomorrow() })
  // Written by the update attempts; the two above keep their texts for the /api/v1 checks.
  const noticeForUpdates = await create('notices', { text: 'Matris uppdateras', scope: 'site', startsAt: tomorrow() })
  const comment = await create('comments', { collectionSlug: 'areas', documentId: String(alfa), text: 'Matriskommentar' })
  const auditEntry = (await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!.id
  // Inactive: publishing in these tests must not queue deliveries to it.
  const webhookData = (name: string) => ({ name, url: 'https://example.org/matris', events: ['area.published'], active: false })
  const webhook = await create('webhooks', webhookData('Matris webhook'))
  const deliveryData = (lastError: string) => ({ webhook, event: 'area.published', status: 'failed', url: 'https://example.org/matris', lastError })
  const delivery = await create('webhook-deliveries', deliveryData('Matris fel'))
  const snapshot = (await payload.find({ collection: 'published-snapshots', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!.id
  const history = (await payload.find({ collection: 'publication-history', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!.id
  const kv = await create('payload-kv', { key: 'matris-fixtur', data: { value: 1 } })
  const farFuture = new Date(Date.now() + 365 * 24 * hour).toISOString()
  const job = await create('payload-jobs', { taskSlug: 'reviewDueReminders', input: {}, queue: 'matris-fixtur', waitUntil: farFuture })
  // SQLite records the migrations it ran; MongoDB has no migration record yet.
  const migration =
    (await payload.find({ collection: 'payload-migrations', limit: 1, overrideAccess: true, depth: 0 })).docs[0]?.id ??
    (await create('payload-migrations', { name: 'matris-fixtur', batch: 1 }))

  const lockFor = (owner: Actor, globalSlug = nextMarker()) =>
    create('payload-locked-documents', { document: { relationTo: 'areas', value: alfa }, globalSlug, user: userRef(owner) })
  const preferenceFor = (owner: Actor, key = nextMarker()) =>
    create('payload-preferences', { key, value: { columns: [] } }, { user: owner.user })
  const locks = new Map<ActorName, Id>()
  const preferences = new Map<ActorName, Id>()
  for (const member of staff) {
    locks.set(member.role, await lockFor(member))
    preferences.set(member.role, await preferenceFor(member))
  }
  const ownersOf = (ids: Map<ActorName, Id>): Fixture[] => [...ids].map(([owner, id]) => ({ id, owner, label: `${owner}s` }))
  const one = (id: Id, label: string): Fixture[] => [{ id, label }]

  const simple = (
    markerField: string,
    fixture: Id,
    label: string,
    createData: (marker: string) => Record<string, unknown>,
    fresh?: () => Promise<Id>,
  ): CollectionSpec => ({
    markerField,
    fixtures: one(fixture, label),
    createData: (_actor, marker) => createData(marker),
    sharedDoc: () => fixture,
    freshDoc: fresh ? () => fresh() : undefined,
  })

  const specs: Record<string, CollectionSpec> = {
    areas: {
      markerField: 'teaser',
      drafts: true,
      fixtures: [
        { id: alfa, label: 'published', published: true },
        { id: beta, label: 'published with a newer draft', published: true },
        { id: gamma, label: 'never published', published: false },
      ],
      createData: (_actor, marker) => ({ title: `Titel ${marker}`, slug: marker.toLowerCase(), teaser: marker }),
      sharedDoc: () => areaForUpdates,
      freshDoc: () => freshArea(),
    },
    releases: {
      markerField: 'name',
      fixtures: [{ id: release, label: 'open release' }],
      createData: (_actor, marker) => ({ name: marker }),
      sharedDoc: () => releaseForUpdates,
      freshDoc: () => create('releases', { name: nextMarker() }),
    },
    sections: simple('title', section, 'section', (marker) => ({ title: marker, slug: marker.toLowerCase() }), () => {
      const marker = nextMarker()
      return create('sections', { title: marker, slug: marker.toLowerCase() })
    }),
    links: simple('title', link, 'link', (marker) => ({ title: marker, url: 'https://kalmar.se/ny' }), () =>
      create('links', { title: nextMarker(), url: 'https://kalmar.se/ny' }),
    ),
    indicators: simple('code', indicator, 'indicator', (marker) => ({ code: marker, name: `Indikator ${marker}`, surveyCycleYears: '1' }), () =>
      create('indicators', { code: nextMarker(), name: 'Ny indikator' }),
    ),
    'result-mappings': simple('fileName', resultMapping, 'mapping', mappingData, () => create('result-mappings', mappingData(nextMarker()))),
    notices: {
      markerField: 'text',
      fixtures: [
        { id: activeNotice, label: 'active', active: true },
        { id: futureNotice, label: 'not yet active', active: false },
      ],
      // Not yet active, so what the attempts leave behind stays out of the public list.
      createData: (_actor, marker) => ({ text: marker, scope: 'site', startsAt: tomorrow() }),
      sharedDoc: () => noticeForUpdates,
      freshDoc: () => create('notices', { text: nextMarker(), scope: 'site', startsAt: tomorrow() }),
    },
    comments: simple('text', comment, 'comment', (marker) => ({ collectionSlug: 'areas', documentId: String(alfa), text: marker })),
    'audit-log': simple('comment', auditEntry, 'entry', (marker) => ({ action: 'save', collectionSlug: 'areas', comment: marker })),
    users: {
      markerField: 'name',
      fixtures: staff.map((member) => ({ id: member.id!, owner: member.role, label: `${member.role}'s account` })),
      createData: (_actor, marker) => ({
        email: `${marker.toLowerCase()}@kalmar.example`,
        password: `Lösenord-${marker}-${Math.random()}`,
        name: marker,
        roles: ['editor'],
      }),
      sharedDoc: () => colleague.id!,
      ownDoc: (self) => self.id!,
      freshDoc: async () => (await createUser(payload, ['editor'], 'Matris att radera')).id,
      ownerOf: (doc) => String(doc.id),
    },
    webhooks: simple('name', webhook, 'webhook', (marker) => ({ ...webhookData(marker), secret: `hemlig-${marker}` }), () =>
      create('webhooks', webhookData(nextMarker())),
    ),
    'webhook-deliveries': simple('lastError', delivery, 'delivery', deliveryData, () => create('webhook-deliveries', deliveryData(nextMarker()))),
    'published-snapshots': simple('slug', snapshot, 'snapshot', (marker) => ({ areaId: marker, slug: marker, page: {} })),
    'publication-history': simple('summary', history, 'published version', (marker) => ({
      areaId: marker,
      slug: marker.toLowerCase(),
      title: marker,
      number: 1,
      publishedAt: new Date().toISOString(),
      summary: marker,
      changes: {},
      page: {},
    })),
    'payload-kv': simple('key', kv, 'entry', (marker) => ({ key: marker, data: { value: 2 } })),
    'payload-jobs': simple('queue', job, 'queued job', (marker) => ({ taskSlug: 'reviewDueReminders', input: {}, queue: marker, waitUntil: farFuture })),
    'payload-locked-documents': {
      markerField: 'globalSlug',
      fixtures: ownersOf(locks),
      // Anonymous has no account: its attempt names the colleague.
      createData: (self, marker) => ({ document: { relationTo: 'areas', value: alfa }, globalSlug: marker, user: userRef(self.id ? self : colleague) }),
      createDataForColleague: (_self, marker) => ({ document: { relationTo: 'areas', value: alfa }, globalSlug: marker, user: userRef(colleague) }),
      sharedDoc: () => locks.get('colleague')!,
      ownDoc: (self) => locks.get(self.role)!,
      freshDoc: (owner) => lockFor(owner.id ? owner : colleague),
      ownerOf: polymorphicOwner,
    },
    'payload-preferences': {
      markerField: 'key',
      fixtures: ownersOf(preferences),
      createData: (_self, marker) => ({ key: marker, value: { columns: [] } }),
      createDataForColleague: (_self, marker) => ({ key: marker, value: { columns: [] }, user: userRef(colleague) }),
      sharedDoc: () => preferences.get('colleague')!,
      ownDoc: (self) => preferences.get(self.role)!,
      freshDoc: (owner) => preferenceFor(owner.id ? owner : colleague),
      ownerOf: polymorphicOwner,
    },
    'payload-migrations': simple('name', migration, 'migration record', (marker) => ({ name: marker, batch: 99 })),
  }

  // Approved: submitted by the editor, approved by the reviewer, as the workflow requires.
  let approved: Id | undefined
  const approvedArea = async () => {
    if (approved !== undefined) {
      const doc = await payload.findByID({ collection: 'areas', id: approved, draft: true, overrideAccess: true, depth: 0 })
      if ((doc as { workflowState?: string }).workflowState === 'approved') return approved
    }
    const marker = nextMarker()
    const id = await create('areas', { title: marker, slug: marker.toLowerCase(), body: [resultSet(2023, marker)] }, { draft: true })
    for (const [who, transition] of [
      [editor, 'submit'],
      [reviewer, 'approve'],
    ] as const) {
      const response = await rest.post(`/areas/${id}/workflow`, { token: who.token, body: { transition } })
      expect(response.status, `${transition}: ${await response.clone().text()}`).toBe(200)
    }
    approved = id
    return id
  }

  let locked: { id: Id; email: string } | undefined
  const lockedAccount = async () => {
    if (locked && (await isAccountLocked(cms, locked.id))) return locked
    const user = await createUser(payload, ['editor'], 'Matris låst')
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { loginAttempts: 5, lockUntil: new Date(Date.now() + hour).toISOString() } as never,
      overrideAccess: true,
    })
    locked = { id: user.id, email: user.email }
    return locked
  }

  return {
    cms,
    actors,
    specs,
    areas: { alfa, beta, gamma, slugs },
    section: { id: section, slug: sectionSlug },
    notices,
    approvedArea,
    lockedAccount,
  }
}

export async function isAccountLocked(cms: TestCms, id: Id): Promise<boolean> {
  const doc = (await cms.payload.findByID({ collection: 'users', id, overrideAccess: true, showHiddenFields: true, depth: 0 })) as {
    lockUntil?: string | null
  }
  return Boolean(doc.lockUntil && new Date(doc.lockUntil).getTime() > Date.now())
}
