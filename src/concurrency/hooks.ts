/**
 * Payload hooks that apply the revision check (./revision) to a collection
 * with `revisionFields()` (src/fields/revision.ts). A collection opts in with
 * the 'revisions' stage of its pipeline (collections/Areas/pipeline.ts), which
 * adds all three: `recordRevisionClaim` (beforeOperation), `checkRevision`
 * (beforeChange, before anything writes) and `keepConflictingText`
 * (afterError; needs versions for the copy).
 *
 * 1. beforeOperation records what the save sent (its revision, whether it
 *    sends content) before Payload merges the data with the stored document
 *    and field access strips the read-only revision.
 * 2. beforeChange, inside the save's transaction, compares that with the
 *    stored revision (the latest version: the one the edit form loaded) and
 *    claims the next one with an atomic compare-and-set on the document's
 *    row. The compare-and-set is what makes two parallel saves safe without a
 *    transaction (and on MongoDB, where concurrent transactions do not wait):
 *    only one of them can move the row from revision n to n + 1.
 * 3. afterError, which Payload runs from its REST error handler after the
 *    operation has rolled its transaction back (updateByID's catch calls
 *    killTransaction, then handleEndpoints calls routeError), stores the
 *    refused editor's text as a version of its own in a new transaction, and
 *    puts where to find it into the 409 message. GraphQL and the local API do
 *    not run collection afterError hooks: there the caller keeps its text and
 *    the message says it was not saved.
 */
import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type CollectionAfterErrorHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type CollectionSlug,
  type PayloadRequest,
  type Where,
} from 'payload'

import type { Area } from '@/payload-types'
import { revisionClaims, type RevisionClaimRecord } from '@/pipeline/context'
import { idOf } from '@/domain/relations'
import { recordAudit } from '@/audit/record'
import { USERS } from '@/slugs'
import {
  claimOf,
  conflictCopyData,
  conflictCopyTime,
  conflictMessage,
  contentFieldNames,
  decideRevision,
  lastSaverOf,
  MISSING_REVISION_MESSAGE,
  storedRevision,
  type ActorId,
  type CopyOutcome,
  type LastSaver,
} from '@/domain/revision'

// Module-local: checkRevision sets it and keepConflictingText reads it, both from this module via the same collection config.
const CONFLICT = Symbol('revisionConflict')

type Claim = RevisionClaimRecord
type AnyId = number | string

/** What a refused save needs after the rollback: whose text, on what, and who came first. */
export type ConflictDetails = {
  collection: string
  id: AnyId
  submitted: number
  stored: number
  sent: Record<string, unknown>
  contentFields: string[]
  actorId: ActorId | null
  saver: LastSaver
  savedAt: string | null
  simultaneous: boolean
}

/** A refused save (409); the message is complete for callers that get no copy (GraphQL, local API). */
export class RevisionConflictError extends APIError {
  readonly [CONFLICT]: ConflictDetails
  constructor(details: ConflictDetails) {
    const message = conflictMessage({ saver: details.saver, savedAt: details.savedAt, now: new Date(), copy: { kind: 'none' }, simultaneous: details.simultaneous })
    super(message, 409, { conflict: publicDetails(details) }, true)
    // Explicit: a minified build would rename the class (payload.config.ts logs it by this name).
    this.name = 'RevisionConflictError'
    this[CONFLICT] = details
  }
}

/** By a brand, not `instanceof` or the class name: bundling may duplicate or rename the class. */
export function conflictOf(error: unknown): ConflictDetails | null {
  return error && typeof error === 'object' && CONFLICT in error ? ((error as Record<symbol, ConflictDetails>)[CONFLICT] ?? null) : null
}

function publicDetails(details: ConflictDetails) {
  return {
    yourRevision: details.submitted,
    storedRevision: details.stored,
    savedBy: details.saver.kind === 'user' ? details.saver.name : details.saver.kind,
    savedAt: details.savedAt,
  }
}

const contentFieldsCache = new Map<string, Set<string>>()
function contentFieldsOf(collection: { slug: string; fields: CollectionConfig['fields'] }): Set<string> {
  let names = contentFieldsCache.get(collection.slug)
  if (!names) {
    names = contentFieldNames(collection.fields as never)
    contentFieldsCache.set(collection.slug, names)
  }
  return names
}

const claimKey = (collection: string, id: AnyId | undefined) => `${collection}:${id === undefined ? '*' : String(id)}`

const claimsOf = revisionClaims

/** The save's claim for this document: its own (by id) or its bulk edit's; taken once. */
function takeClaim(req: PayloadRequest, collection: string, id: AnyId): Claim | null {
  const claims = claimsOf(req)
  const own = claims[claimKey(collection, id)]
  if (own) {
    delete claims[claimKey(collection, id)]
    return own
  }
  return claims[claimKey(collection, undefined)] ?? null
}

export const recordRevisionClaim: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'update') return args
  const id = (args as { id?: AnyId }).id
  const data = (args as { data?: unknown }).data
  claimsOf(req)[claimKey(collection.slug, id)] = { ...claimOf(data, contentFieldsOf(collection), id !== undefined), data }
  return args
}

async function userName(req: PayloadRequest, id: ActorId | null): Promise<string | null> {
  if (id === null) return null
  const user = await req.payload
    .findByID({ collection: USERS, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)
  if (!user) return null
  const { name, email } = user as { name?: string | null; email?: string | null }
  return name || email || null
}

/** MongoDB refuses the second of two transactions that write the same document. */
function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: number; errorLabels?: string[]; errorLabelSet?: Set<string> } | null
  return Boolean(e && (e.code === 112 || e.errorLabels?.includes('TransientTransactionError') || e.errorLabelSet?.has('TransientTransactionError')))
}

type Saved = { revision: number; lastSavedBy: ActorId | null; lastSavedAt: string }

/**
 * Moves the document's row from `expected` to the next revision, atomically
 * (Payload's own `atomic` updateOne: one conditional UPDATE on SQL, one
 * findOneAndUpdate on MongoDB). The row carries the revision counter even
 * while it holds the live version and the newer work is a draft version.
 */
async function claimNext(req: PayloadRequest, collection: string, id: AnyId, expected: number, saved: Saved): Promise<'won' | 'lost' | 'busy'> {
  const matchesExpected: Where =
    expected === 0
      ? { or: [{ revision: { equals: 0 } }, { revision: { equals: null } }, { revision: { exists: false } }] }
      : { revision: { equals: expected } }
  try {
    const row = await req.payload.db.updateOne({
      collection: collection as CollectionSlug,
      where: { and: [{ id: { equals: id } }, matchesExpected] },
      // updatedAt null: both adapters then leave the row's time alone (a draft save is not a change of the live page).
      data: { ...saved, updatedAt: null } as never,
      options: { atomic: true },
      req,
    })
    return row ? 'won' : 'lost'
  } catch (error) {
    if (isWriteConflict(error)) return 'busy'
    throw error
  }
}

async function rowRevision(req: PayloadRequest, collection: string, id: AnyId) {
  const row = (await req.payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: id } }, req })) as Record<string, unknown> | null
  return { revision: storedRevision(row?.revision), lastSavedBy: idOf(row?.lastSavedBy), lastSavedAt: (row?.lastSavedAt as string | null) ?? null }
}

async function conflict(
  req: PayloadRequest,
  args: { collection: string; id: AnyId; claim: Claim; stored: number; savedBy: ActorId | null; savedAt: string | null; simultaneous?: boolean; contentFields: Set<string> },
): Promise<RevisionConflictError> {
  const actorId = (req.user?.id as ActorId | undefined) ?? null
  const saver = lastSaverOf({ savedBy: args.savedBy, savedByName: await userName(req, args.savedBy), actorId })
  const sent = args.claim.data && typeof args.claim.data === 'object' ? (args.claim.data as Record<string, unknown>) : {}
  return new RevisionConflictError({
    collection: args.collection,
    id: args.id,
    submitted: args.claim.submitted ?? 0,
    stored: args.stored,
    sent,
    contentFields: [...args.contentFields],
    actorId,
    saver,
    savedAt: args.savedAt,
    simultaneous: Boolean(args.simultaneous),
  })
}

/** The fields revisionFields() adds, as generated (every collection with them stores the same). */
type Revisioned = Pick<Area, 'id' | 'revision' | 'lastSavedBy' | 'lastSavedAt' | 'updatedAt'>

export const checkRevision: CollectionBeforeChangeHook<Revisioned> = async ({ collection, data, operation, originalDoc, req }) => {
  const actorId = (req.user?.id as ActorId | undefined) ?? null
  const lastSavedAt = new Date().toISOString()
  if (operation === 'create') return { ...data, revision: 1, lastSavedBy: actorId, lastSavedAt }
  if (!originalDoc) return data
  const id: AnyId = originalDoc.id
  const claim = takeClaim(req, collection.slug, id)
  const stored = storedRevision(originalDoc.revision)
  const decision = decideRevision({ stored, claim, hasUser: Boolean(req.user) })
  const contentFields = contentFieldsOf(collection)
  if (!decision.allowed) {
    if (decision.reason === 'missing') throw new APIError(MISSING_REVISION_MESSAGE, 428, { errors: [{ path: 'revision', message: MISSING_REVISION_MESSAGE }] }, true)
    const savedAt = originalDoc.lastSavedAt ?? originalDoc.updatedAt ?? null
    throw await conflict(req, { collection: collection.slug, id, claim: claim!, stored, savedBy: idOf(originalDoc.lastSavedBy), savedAt, contentFields })
  }
  if (!decision.bump) return { ...data, revision: stored }
  const saved: Saved = { revision: stored + 1, lastSavedBy: actorId, lastSavedAt }
  const outcome = await claimNext(req, collection.slug, id, stored, saved)
  if (outcome === 'won') return { ...data, ...saved }
  if (decision.checked) {
    // Another save took this revision between our read and our write.
    const row = outcome === 'lost' ? await rowRevision(req, collection.slug, id) : null
    throw await conflict(req, {
      collection: collection.slug,
      id,
      claim: claim!,
      stored: row?.revision ?? stored,
      savedBy: row?.lastSavedBy ?? null,
      savedAt: row?.lastSavedAt ?? null,
      simultaneous: outcome === 'busy',
      contentFields,
    })
  }
  if (outcome === 'busy') throw new APIError('Sidan sparas just nu av någon annan. Försök igen om en stund.', 409, null, true)
  // Unchecked server saves (importer, bulk edit) follow whatever revision the row has reached,
  // claimed the same atomic way, so two of them cannot write the same revision.
  const row = await rowRevision(req, collection.slug, id)
  const next: Saved = { ...saved, revision: row.revision + 1 }
  const retried = await claimNext(req, collection.slug, id, row.revision, next)
  if (retried !== 'won') throw new APIError('Sidan sparas just nu av någon annan. Försök igen om en stund.', 409, null, true)
  return { ...data, ...next }
}

/**
 * After the rollback: the refused editor's page (the version they started
 * from with what they sent on top) becomes a version of its own, dated just
 * before the first editor's so that it never replaces their draft, with an
 * audit entry; all in one new transaction.
 */
async function storeConflictCopy(req: PayloadRequest, details: ConflictDetails): Promise<{ id: AnyId; datedAt: string }> {
  const { collection, id, submitted } = details
  const now = new Date()
  const own = await initTransaction(req)
  try {
    const newest = async (extra: Where) =>
      (
        await req.payload.db.findVersions({
          collection: collection as CollectionSlug,
          where: { and: [{ parent: { equals: id } }, extra] },
          sort: '-updatedAt',
          limit: 1,
          pagination: false,
          req,
        })
      ).docs[0] as { id: AnyId; updatedAt?: string; version?: Record<string, unknown> } | undefined
    const base = await newest({ 'version.revision': { equals: submitted } })
    const latest = await newest({ latest: { equals: true } })
    const datedAt = conflictCopyTime({ base: base?.updatedAt, winner: [latest?.updatedAt, latest?.version?.updatedAt as string | undefined], now })
    const baseDoc: Record<string, unknown> = { ...((base ?? latest)?.version ?? {}) }
    delete baseDoc.id
    const versionData = {
      ...conflictCopyData({ base: baseDoc, sent: details.sent, contentFields: new Set(details.contentFields) }),
      revision: submitted,
      lastSavedBy: details.actorId,
      lastSavedAt: now.toISOString(),
      _status: 'draft',
      updatedAt: datedAt,
    }
    const created = (await req.payload.db.createVersion({
      collectionSlug: collection as CollectionSlug,
      parent: id,
      versionData,
      autosave: false,
      createdAt: now.toISOString(),
      updatedAt: datedAt,
      req,
    })) as { id: AnyId }
    // createVersion marks every new version the latest; this one is not (the first editor's stays).
    // The adapters stamp updatedAt on every write unless it is given: keep the copy's date.
    await req.payload.db.updateVersion({
      collection: collection as CollectionSlug,
      id: created.id,
      versionData: { latest: false, updatedAt: datedAt } as never,
      req,
      returning: false,
    })
    await recordAudit(req, {
      action: 'conflict',
      collection,
      documentId: id,
      documentTitle: (versionData as { title?: string }).title ?? null,
      versionId: created.id,
      details: { yourRevision: submitted, storedRevision: details.stored, savedBy: publicDetails(details).savedBy, savedAt: details.savedAt },
    })
    if (own) await commitTransaction(req)
    return { id: created.id, datedAt }
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

export const keepConflictingText: CollectionAfterErrorHook = async ({ error, req, result }) => {
  const details = conflictOf(error)
  if (!details) return
  let copy: CopyOutcome
  let versionId: AnyId | null = null
  try {
    const saved = await storeConflictCopy(req, details)
    copy = { kind: 'saved', datedAt: saved.datedAt }
    versionId = saved.id
  } catch (failure) {
    req.payload.logger.error({ err: failure, msg: `Sparkonflikt: kunde inte spara den andra redaktörens text som en version (${details.collection} ${details.id}).` })
    copy = { kind: 'failed' }
  }
  const message = conflictMessage({ saver: details.saver, savedAt: details.savedAt, now: new Date(), copy, simultaneous: details.simultaneous })
  const [first] = result?.errors ?? []
  return {
    status: 409,
    response: { errors: [{ ...first, name: 'RevisionConflictError', message, data: { conflict: { ...publicDetails(details), versionId } } }] },
  }
}
