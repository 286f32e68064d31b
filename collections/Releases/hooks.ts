import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, FieldHook, PayloadRequest } from 'payload'

import { changedFields } from '@/audit/changes'
import { comparedFields } from '@/audit/fields'
import { recordAudit } from '@/audit/record'
import { forbidden } from '@/errors'
import type { Release } from '@/payload-types'
import { isReleaseTransition } from '@/pipeline/context'
import { describeItems, itemIdsOf, loadItemFacts } from '@/publishing/releaseFacts'
import { decideReleaseDelete, decideReleaseEdit, isReleaseState, RELEASE_HOLDS_ITEMS, releaseMessages, toWorkflowActor, type ReleaseState } from '@/workflow'
import { AREAS, RELEASES } from '..'

type Id = number | string

const stateOf = (doc: Pick<Release, 'state'> | null | undefined): ReleaseState => (isReleaseState(doc?.state) ? doc.state : 'open')

/** The added areas that another release already holds, each with that release's name (the first one found). */
async function conflictsOf(req: PayloadRequest, added: readonly Id[], self: Id | undefined): Promise<{ item: string; release: string }[]> {
  if (!added.length) return []
  const { docs: holders } = await req.payload.find({
    collection: RELEASES,
    where: { and: [{ items: { in: added } }, { state: { in: [...RELEASE_HOLDS_ITEMS] } }, ...(self === undefined ? [] : [{ id: { not_equals: self } }])] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (!holders.length) return []
  const { docs: areas } = await req.payload.find({ collection: AREAS, where: { id: { in: added } }, draft: true, trash: true, depth: 0, pagination: false, overrideAccess: true, req })
  const titleOf = new Map(areas.map((area) => [String(area.id), area.title]))
  return added.flatMap((id) => {
    const holder = holders.find((release) => itemIdsOf(release).some((item) => String(item) === String(id)))
    return holder ? [{ item: titleOf.get(String(id)) ?? String(id), release: holder.name }] : []
  })
}

/**
 * Every save of a release, on every path (admin, REST, GraphQL, local API
 * with or without overrideAccess): the fields only its transitions write keep
 * their stored values, an area already in another open release is refused
 * naming that release, and a user may change it only as the workflow allows
 * (editors and admins, only while open). The transitions themselves pass
 * (src/publishing/releaseTransition.ts).
 */
export const guardReleaseEdit: CollectionBeforeChangeHook<Release> = async ({ context, data, operation, originalDoc, req }) => {
  if (isReleaseTransition(context)) return data
  const kept: Partial<Release> = {
    state: stateOf(originalDoc),
    publishedAt: originalDoc?.publishedAt ?? null,
    recalledAt: originalDoc?.recalledAt ?? null,
    recallReason: originalDoc?.recallReason ?? null,
    failureReasons: originalDoc?.failureReasons ?? null,
    record: originalDoc?.record ?? null,
  }
  const guarded = { ...data, ...kept }
  const before = originalDoc ? itemIdsOf(originalDoc) : []
  const after = 'items' in data ? itemIdsOf(data) : before
  const added = after.filter((id) => !before.some((existing) => String(existing) === String(id)))
  const conflicts = await conflictsOf(req, added, operation === 'update' ? originalDoc?.id : undefined)
  const actor = toWorkflowActor(req.user)
  if (!actor) {
    // Server code without a user is trusted with the rest, not with an area in two releases.
    if (conflicts[0]) throw forbidden(releaseMessages.conflict(conflicts[0].item, conflicts[0].release), 'items')
    return guarded
  }
  const decision = decideReleaseEdit({ state: kept.state!, actor, conflicts })
  if (!decision.allowed) throw forbidden(decision.message, decision.rule === 'conflict' ? 'items' : undefined)
  if (operation === 'create' && !guarded.owner) guarded.owner = actor.id as number
  return guarded
}

export const guardReleaseDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  if (!req.user) return
  const release = await req.payload.findByID({ collection: RELEASES, id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!release) return
  const decision = decideReleaseDelete({ state: stateOf(release), actor: toWorkflowActor(req.user) })
  if (!decision.allowed) throw forbidden(decision.message)
}

/** A change of the release's own fields; its transitions write their own entries. */
export const auditReleaseSave: CollectionAfterChangeHook<Release> = async ({ collection, context, doc, operation, previousDoc, req }) => {
  if (isReleaseTransition(context)) return doc
  await recordAudit(req, {
    action: 'save',
    collection: RELEASES,
    documentId: doc.id,
    documentTitle: doc.name,
    toState: doc.state ?? null,
    details: {
      created: operation === 'create',
      changedFields: changedFields(operation === 'create' ? null : previousDoc, doc, comparedFields(collection.fields)),
      items: itemIdsOf(doc).map(String),
    },
  })
  return doc
}

export const auditReleaseDelete: CollectionAfterDeleteHook<Release> = async ({ doc, req }) => {
  await recordAudit(req, { action: 'delete', collection: RELEASES, documentId: doc.id, documentTitle: doc.name, fromState: doc.state ?? null })
  return doc
}

/** "Områdenas status", computed on every read: an edit after approval shows at once. */
export const showItemStatus: FieldHook<Release> = async ({ data, req }) => {
  if (!data || isReleaseTransition(req.context)) return null
  const items = await loadItemFacts(req, itemIdsOf(data))
  return describeItems({ state: stateOf(data) }, items)
}
