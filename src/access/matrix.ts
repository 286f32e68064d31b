/**
 * The intended permissions, written once as data: who may do what to every
 * collection (ours and the ones Payload adds itself) and every global. The
 * access functions in collections/<Name>/config.ts and ./predicates.ts (for
 * Payload's own collections: applyPayloadOwnAccess) implement it;
 * tests/int/accessMatrix.test.ts tries every cell over REST, GraphQL,
 * the local API (overrideAccess: false) and /api/v1 and fails when the code
 * and this table disagree, or when a collection has no row.
 *
 * Plain data on purpose (no Payload imports): it is the specification a
 * reviewer reads, not code that computes access.
 */

export const MATRIX_ROLES = ['anonymous', 'editor', 'reviewer', 'admin'] as const
export type MatrixRole = (typeof MATRIX_ROLES)[number]

export const OPERATIONS = ['list', 'read', 'readDraft', 'readVersions', 'create', 'update', 'publish', 'delete', 'unlock'] as const
export type Operation = (typeof OPERATIONS)[number]

/** How a test names an operation ("editor · sections · read draft · REST"). */
export const OPERATION_LABELS: Record<Operation, string> = {
  list: 'list',
  read: 'read',
  readDraft: 'read draft',
  readVersions: 'read versions',
  create: 'create',
  update: 'update',
  publish: 'publish',
  delete: 'delete',
  unlock: 'unlock',
}

/**
 * One cell. `allowed` and `denied` are for every document; the scoped values
 * are allowed, but only within that scope (everything else is invisible or
 * refused):
 * - `own`: documents that belong to the user (their account, preferences,
 *   locks); for a create, the new document always belongs to the user.
 * - `published`: documents with a live (published) version, served as published.
 * - `active`: notices whose display period includes now.
 * `n/a`: the operation does not exist for the collection (publish without drafts).
 */
export type Scope = 'own' | 'published' | 'active'
export type Cell = 'allowed' | 'denied' | 'n/a' | Scope

/** One cell per role, in MATRIX_ROLES order: [anonymous, editor, reviewer, admin]. */
export type RoleCells = readonly [anonymous: Cell, editor: Cell, reviewer: Cell, admin: Cell]

export type CollectionRow = {
  /** Who defines the collection: this project or Payload itself. */
  readonly definedBy: 'project' | 'payload'
  /** Whether Payload serves it over REST (`/api/<slug>`) and GraphQL; the local API always exists. */
  readonly exposed: { readonly rest: boolean; readonly graphQL: boolean }
  /** Why the row is what it is, briefly. */
  readonly why: string
  readonly cells: Readonly<Record<Operation, RoleCells>>
}

// The recurring rows, by who holds them.
const EVERYONE: RoleCells = ['allowed', 'allowed', 'allowed', 'allowed']
const STAFF: RoleCells = ['denied', 'allowed', 'allowed', 'allowed']
/** Those who write content: editors and admins. */
const WRITERS: RoleCells = ['denied', 'allowed', 'denied', 'allowed']
/** Those who review and publish: reviewers and admins. */
const PUBLISHERS: RoleCells = ['denied', 'denied', 'allowed', 'allowed']
const ADMINS: RoleCells = ['denied', 'denied', 'denied', 'allowed']
const NOBODY: RoleCells = ['denied', 'denied', 'denied', 'denied']
const STAFF_OWN: RoleCells = ['denied', 'own', 'own', 'own']
const ADMINS_ALL_OTHERS_OWN: RoleCells = ['denied', 'own', 'own', 'allowed']
const NONE: RoleCells = ['n/a', 'n/a', 'n/a', 'n/a']

/** Collections without drafts or versions: nothing to read as a draft, no versions, nothing to publish. */
const noDrafts = { readDraft: NONE, readVersions: NONE, publish: NONE } as const

/** Content that is public once it exists: sections, links, indicators. */
const publicContent = {
  ...noDrafts,
  list: EVERYONE,
  read: EVERYONE,
  create: WRITERS,
  update: WRITERS,
  delete: ADMINS,
  unlock: NONE,
} as const

/** Written only by the server (hooks, the workflow, the job runner): no API user writes, admins included. */
const serverWritten = { create: NOBODY, update: NOBODY, delete: NOBODY, unlock: NONE } as const

const both = { rest: true, graphQL: true } as const

export const ACCESS_MATRIX: Readonly<Record<string, CollectionRow>> = {
  areas: {
    definedBy: 'project',
    exposed: both,
    why:
      'Pages: the public sees what is published, staff see drafts and versions. Editors and admins write drafts; ' +
      'a reviewer has Payload update access only so the workflow can run, and the workflow refuses their content ' +
      'changes. Publishing is for reviewers and admins (an approved draft), deleting for admins.',
    cells: {
      list: ['published', 'allowed', 'allowed', 'allowed'],
      read: ['published', 'allowed', 'allowed', 'allowed'],
      readDraft: STAFF,
      readVersions: STAFF,
      create: WRITERS,
      update: WRITERS,
      publish: PUBLISHERS,
      delete: ADMINS,
      unlock: NONE,
    },
  },
  releases: {
    definedBy: 'project',
    exposed: both,
    why:
      'Publiceringspaket are internal working documents (readers see only the areas they publish). Editors and admins put ' +
      'them together and delete ones never published; the workflow also refuses every change outside "Öppet". Publishing, ' +
      'scheduling and recalling go through POST /api/releases/:id/workflow (reviewers, admins; tests/int/releases.test.ts), ' +
      'not through these operations.',
    cells: { ...noDrafts, list: STAFF, read: STAFF, create: WRITERS, update: WRITERS, delete: WRITERS, unlock: NONE },
  },
  sections: { definedBy: 'project', exposed: both, why: 'Public structure of the site; written by editors.', cells: publicContent },
  links: { definedBy: 'project', exposed: both, why: 'Public pages outside the comparisons; written by editors.', cells: publicContent },
  indicators: { definedBy: 'project', exposed: both, why: 'Public measures behind the trends; written by editors.', cells: publicContent },
  'result-mappings': {
    definedBy: 'project',
    exposed: both,
    why: 'How each area’s results table is read: internal working data, written by editors, read by staff.',
    cells: { ...noDrafts, list: STAFF, read: STAFF, create: WRITERS, update: WRITERS, delete: ADMINS, unlock: NONE },
  },
  notices: {
    definedBy: 'project',
    exposed: both,
    why: 'The public sees notices while they are active; staff see scheduled and expired ones too.',
    cells: {
      ...noDrafts,
      list: ['active', 'allowed', 'allowed', 'allowed'],
      read: ['active', 'allowed', 'allowed', 'allowed'],
      create: WRITERS,
      update: WRITERS,
      delete: ADMINS,
      unlock: NONE,
    },
  },
  comments: {
    definedBy: 'project',
    exposed: both,
    why: 'Review comments are internal; any staff member may comment; kept as written (never edited or deleted).',
    cells: { ...noDrafts, list: STAFF, read: STAFF, create: STAFF, update: NOBODY, delete: NOBODY, unlock: NONE },
  },
  'audit-log': {
    definedBy: 'project',
    exposed: both,
    why: 'Append-only record for those who check others’ work (reviewers, admins); written only by the server.',
    cells: { ...noDrafts, ...serverWritten, list: PUBLISHERS, read: PUBLISHERS },
  },
  users: {
    definedBy: 'project',
    exposed: both,
    why:
      'Admins manage accounts; everyone else edits only their own (roles stay admin-only). Staff read colleagues’ ' +
      'accounts, so the admin names people (name, address, roles); an account’s directory link and calendar feed ' +
      'are read only by its owner and admins (field access).',
    cells: {
      ...noDrafts,
      list: STAFF,
      read: STAFF,
      create: ADMINS,
      update: ADMINS_ALL_OTHERS_OWN,
      delete: ADMINS,
      // Unlocking an account locked after failed logins.
      unlock: ADMINS,
    },
  },
  webhooks: {
    definedBy: 'project',
    exposed: both,
    why: 'Hold signing secrets: admins only.',
    cells: { ...noDrafts, list: ADMINS, read: ADMINS, create: ADMINS, update: ADMINS, delete: ADMINS, unlock: NONE },
  },
  'webhook-deliveries': {
    definedBy: 'project',
    exposed: both,
    why: 'Delivery log with the signed bodies: admins read and clear it; only the server writes it.',
    cells: { ...noDrafts, list: ADMINS, read: ADMINS, create: NOBODY, update: NOBODY, delete: ADMINS, unlock: NONE },
  },
  'published-snapshots': {
    definedBy: 'project',
    exposed: both,
    why: 'Derived cache behind /api/v1 (the public reads it there); admins may inspect it.',
    cells: { ...noDrafts, ...serverWritten, list: ADMINS, read: ADMINS },
  },
  'publication-history': {
    definedBy: 'project',
    exposed: both,
    why: 'The public record, served publicly through /api/v1; staff read it raw; never rewritten.',
    cells: { ...noDrafts, ...serverWritten, list: STAFF, read: STAFF },
  },
  'payload-kv': {
    definedBy: 'payload',
    exposed: both,
    why: 'Payload’s internal key-value store: server only.',
    cells: { ...noDrafts, ...serverWritten, list: NOBODY, read: NOBODY },
  },
  'payload-jobs': {
    definedBy: 'payload',
    exposed: both,
    why: 'The job queue (scheduled publishing, reminders, webhooks): run by the server; the queue/run endpoints are admin-only (jobs.access).',
    cells: { ...noDrafts, ...serverWritten, list: NOBODY, read: NOBODY },
  },
  'payload-locked-documents': {
    definedBy: 'payload',
    exposed: both,
    why:
      'Who is editing what: staff see every lock and hold, take over and release locks in their own name only; ' +
      'removing someone else’s lock outright is for admins.',
    cells: {
      ...noDrafts,
      list: STAFF,
      read: STAFF,
      create: STAFF_OWN,
      update: STAFF_OWN,
      // One's own lock (leaving the document); someone else's is `unlock`.
      delete: STAFF,
      unlock: ADMINS,
    },
  },
  'payload-preferences': {
    definedBy: 'payload',
    exposed: both,
    why: 'Each user’s admin settings: their own only, admins included.',
    cells: { ...noDrafts, list: STAFF_OWN, read: STAFF_OWN, create: STAFF_OWN, update: STAFF_OWN, delete: STAFF_OWN, unlock: NONE },
  },
  'payload-migrations': {
    definedBy: 'payload',
    exposed: { rest: false, graphQL: false },
    why: 'Which migrations ran: written by the migration runner only; admins may read it through the local API.',
    cells: { ...noDrafts, ...serverWritten, list: ADMINS, read: ADMINS },
  },
}

export const GLOBAL_OPERATIONS = ['read', 'update'] as const
export type GlobalOperation = (typeof GLOBAL_OPERATIONS)[number]

export type GlobalRow = {
  readonly definedBy: 'project' | 'payload'
  readonly exposed: { readonly rest: boolean; readonly graphQL: boolean }
  readonly why: string
  readonly cells: Readonly<Record<GlobalOperation, RoleCells>>
}

export const GLOBAL_ACCESS_MATRIX: Readonly<Record<string, GlobalRow>> = {
  'spelling-words': {
    definedBy: 'project',
    exposed: both,
    why:
      'Ordlista: the words the spelling check accepts. Staff read it, since the quality check runs for them and an editor ' +
      'should see which words are already there; only admins change it (a word in it silences the check for every page).',
    cells: { read: STAFF, update: ADMINS },
  },
  'payload-jobs-stats': {
    definedBy: 'payload',
    exposed: both,
    why: 'When scheduled jobs (the daily review reminders) last ran: written by the job runner only; admins may read it.',
    cells: { read: ADMINS, update: NOBODY },
  },
}

/**
 * The public content API (`/api/v1`) ignores who asks: the same for every
 * role, published content only, and no parameter, header or login makes a
 * draft appear.
 */
export const CONTENT_API_OPERATIONS = ['list', 'read', 'readDraft', 'readVersions'] as const
export type ContentApiOperation = (typeof CONTENT_API_OPERATIONS)[number]

export const CONTENT_API_MATRIX: Readonly<Record<string, Partial<Record<ContentApiOperation, RoleCells>>>> = {
  areas: {
    list: ['published', 'published', 'published', 'published'],
    read: ['published', 'published', 'published', 'published'],
    readDraft: NOBODY,
    readVersions: ['published', 'published', 'published', 'published'],
  },
  // A section lists only its published member pages.
  sections: {
    list: ['published', 'published', 'published', 'published'],
    read: ['published', 'published', 'published', 'published'],
  },
  notices: { list: ['active', 'active', 'active', 'active'] },
}

export function cellFor(cells: RoleCells, role: MatrixRole): Cell {
  return cells[MATRIX_ROLES.indexOf(role)]!
}

/** Allowed for at least part of the documents (`allowed` or a scope). */
export function isAllowed(cell: Cell): boolean {
  return cell !== 'denied' && cell !== 'n/a'
}

/** The scope an allowed cell is limited to, or null for all documents (and for denied cells). */
export function scopeOf(cell: Cell): Scope | null {
  return cell === 'own' || cell === 'published' || cell === 'active' ? cell : null
}
