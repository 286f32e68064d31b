/**
 * Carrying out a release transition the workflow module has allowed
 * (src/workflow/releaseDecide.ts). Called by POST /api/releases/:id/workflow
 * and by the scheduled job, with a `req` that has no transaction yet.
 *
 * A publish is one transaction: every item goes through `applyTransition`
 * (the area's own publish: its version, snapshot, public record, webhook and
 * audit entry), then the release's state, its webhook and audit entry. The
 * catalog takes the whole transaction's changes in one step after the commit
 * (src/delivery/hooks.ts), so readers see all old or all new. If anything
 * fails, nothing is kept, and the release is marked failed, with the
 * reason, in a second transaction after the rollback. A recall is one
 * transaction the same way.
 */
import type { PayloadRequest } from 'payload'

import { recordAudit } from '@/audit/record'
import type { Release } from '@/payload-types'
import { withReleaseTransition } from '@/pipeline/context'
import { AREAS, RELEASES } from '@/slugs'
import { queueWebhookEvent } from '@/webhooks/queue'
import { releaseMessages, releaseStateLabel, releaseTransitionById, type ReleaseAllowed, type ReleaseState } from '@/workflow'
import type { LoadedItem, ReleaseRecord } from './releaseFacts'
import { latestHistoryNumbers, liveVersionIds, recordOf } from './releaseFacts'
import { queueReleasePublish } from './schedule'
import { applyTransition, inTransaction } from './transition'

export type ReleaseOutcome =
  | { ok: true; state: ReleaseState; message: string }
  | { ok: false; status: number; state: ReleaseState; message: string; reasons: string[] }

type Loaded = { items: LoadedItem[] }

/** Writes the release's own fields (state, times, reasons, record): past its hooks' guard, in the caller's transaction. */
async function writeRelease(req: PayloadRequest, id: Release['id'], data: Partial<Release>): Promise<void> {
  await withReleaseTransition(req, () => req.payload.update({ collection: RELEASES, id, data, depth: 0, overrideAccess: true, req }))
}

/** A failed write, in words a person can act on: the fields Payload names, or its message. */
function describeError(error: unknown): string {
  const errors = (error as { data?: { errors?: { path?: string; message?: string }[] } } | null)?.data?.errors
  if (Array.isArray(errors) && errors.length) return errors.map((entry) => `fältet "${entry.path ?? '?'}": ${entry.message ?? 'ogiltigt värde'}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

const releaseRef = (release: Release) => ({ id: release.id, name: release.name })

/** The area fields of a stored version that a recall writes back (everything the server derives or guards is left out). */
const NOT_CONTENT = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  '_status',
  'workflowState',
  'workflowEditors',
  'workflowScheduledPublishAt',
  'workflowScheduledUnpublishAt',
  'revision',
  'lastSavedBy',
  'lastSavedAt',
  'firstPublishedAt',
  'lastPublishedAt',
])
const contentOf = (version: object): Record<string, unknown> => Object.fromEntries(Object.entries(version).filter(([key]) => !NOT_CONTENT.has(key)))

/** Marks the release failed with its reasons: its own transaction, after the publish's rollback. */
async function markFailed(req: PayloadRequest, release: Release, from: ReleaseState, reasons: string[], scheduled: boolean): Promise<void> {
  await inTransaction(req, async () => {
    await writeRelease(req, release.id, { state: 'failed', failureReasons: reasons.join('\n') })
    await recordAudit(req, {
      action: 'releaseFailed',
      collection: RELEASES,
      documentId: release.id,
      documentTitle: release.name,
      transition: 'publish',
      fromState: from,
      toState: 'failed',
      comment: reasons.join(' '),
      details: scheduled ? { scheduled: true } : null,
    })
  })
}

/** For the job: a release that may not be published at its time is marked failed, with the reasons. */
export async function failScheduledRelease(req: PayloadRequest, release: Release, reasons: string[]): Promise<void> {
  await markFailed(req, release, 'scheduled', reasons, true)
}

async function publishRelease(req: PayloadRequest, release: Release, loaded: Loaded, decision: ReleaseAllowed, scheduled: boolean): Promise<ReleaseOutcome> {
  const byId = new Map(loaded.items.map((item) => [String(item.id), item]))
  const publishedAt = new Date().toISOString()
  let current: LoadedItem | undefined
  try {
    await inTransaction(req, async () => {
      const ids = decision.items.map((plan) => plan.id)
      const versionsBefore = await liveVersionIds(req, ids)
      for (const plan of decision.items) {
        current = byId.get(String(plan.id))!
        await applyTransition(req, { collection: AREAS, id: String(plan.id), working: { title: current.title }, from: current.facts.state }, plan.decision, {
          scheduled,
          details: { release: releaseRef(release) },
        })
      }
      current = undefined
      const historyNumbers = await latestHistoryNumbers(req, ids)
      const record: ReleaseRecord['items'] = decision.items.map((plan) => {
        const item = byId.get(String(plan.id))!
        const areaId = String(plan.id)
        return { areaId, title: item.title, slug: item.slug, versionBefore: versionsBefore.get(areaId) ?? null, historyNumber: historyNumbers.get(areaId) ?? 0 }
      })
      await writeRelease(req, release.id, { state: 'published', publishedAt, failureReasons: null, record: { items: record } })
      await queueWebhookEvent(req, 'release.published', {
        release: { ...releaseRef(release), areas: loaded.items.map((item) => ({ id: item.id, slug: item.slug, title: item.title })) },
      })
      await recordAudit(req, {
        action: 'publish',
        collection: RELEASES,
        documentId: release.id,
        documentTitle: release.name,
        transition: 'publish',
        fromState: decision.from,
        toState: 'published',
        details: { ...(scheduled ? { scheduled: true } : {}), items: record.map((item) => item.areaId) },
      })
    })
  } catch (error) {
    const failed = current as LoadedItem | undefined
    const reason = failed ? `"${failed.title}" kunde inte publiceras: ${describeError(error)}` : `Paketet kunde inte publiceras: ${describeError(error)}`
    await markFailed(req, release, decision.from, [reason], scheduled)
    return {
      ok: false,
      status: 409,
      state: 'failed',
      message: `Publiceringen misslyckades och inget av paketet publicerades. ${reason} Paketet är markerat som misslyckat.`,
      reasons: [reason],
    }
  }
  return { ok: true, state: 'published', message: `${releaseTransitionById.publish.label}: klart. ${decision.items.length} områden publicerades samtidigt.` }
}

async function recallRelease(req: PayloadRequest, release: Release, loaded: Loaded, decision: ReleaseAllowed): Promise<ReleaseOutcome> {
  const record = recordOf(release)
  const byId = new Map(loaded.items.map((item) => [String(item.id), item]))
  let current: LoadedItem | undefined
  try {
    await inTransaction(req, async () => {
      const areas: { id: string | number; slug: string; title: string }[] = []
      for (const plan of decision.items) {
        current = byId.get(String(plan.id))!
        const entry = record?.items.find((candidate) => candidate.areaId === String(plan.id))
        let content: Record<string, unknown> | undefined
        if (plan.restore === 'previous' && entry?.versionBefore != null) {
          const before = await req.payload.findVersionByID({ collection: AREAS, id: String(entry.versionBefore), depth: 0, overrideAccess: true, req })
          const working = await req.payload.findByID({ collection: AREAS, id: plan.id, draft: true, depth: 0, overrideAccess: true, req })
          // The revision it is at now: writing content back is a save like any other (src/concurrency).
          content = { ...contentOf(before.version), revision: working.revision }
        }
        await applyTransition(req, { collection: AREAS, id: String(plan.id), working: { title: current.title }, from: current.facts.state }, plan.decision, {
          content,
          details: { release: releaseRef(release), restored: plan.restore },
          recordNote: releaseMessages.recallRecordNote(release.name, decision.comment),
        })
        areas.push({ id: plan.id, slug: typeof content?.slug === 'string' ? content.slug : (entry?.slug ?? current.slug), title: current.title })
      }
      current = undefined
      await writeRelease(req, release.id, { state: 'recalled', recalledAt: new Date().toISOString(), recallReason: decision.comment })
      await queueWebhookEvent(req, 'release.recalled', { release: { ...releaseRef(release), areas } })
      await recordAudit(req, {
        action: 'recall',
        collection: RELEASES,
        documentId: release.id,
        documentTitle: release.name,
        transition: 'recall',
        fromState: decision.from,
        toState: 'recalled',
        comment: decision.comment,
        details: { items: decision.items.map((item) => ({ id: String(item.id), restored: item.restore })) },
      })
    })
  } catch (error) {
    const failed = current as LoadedItem | undefined
    const reason = failed ? `"${failed.title}" kunde inte återställas: ${describeError(error)}` : describeError(error)
    return { ok: false, status: 409, state: 'published', message: `Återkallelsen misslyckades och inget ändrades: ${reason}`, reasons: [reason] }
  }
  return { ok: true, state: 'recalled', message: `${releaseTransitionById.recall.label}: klart. ${decision.items.length} områden är tillbaka som före paketet.` }
}

/** Applies an allowed release transition; publishes and recalls are all or nothing. */
export async function applyReleaseTransition(
  req: PayloadRequest,
  release: Release,
  loaded: Loaded,
  decision: ReleaseAllowed,
  options: { scheduled?: boolean } = {},
): Promise<ReleaseOutcome> {
  if (decision.transition === 'publish' && !decision.scheduledFor) return publishRelease(req, release, loaded, decision, Boolean(options.scheduled))
  if (decision.transition === 'recall') return recallRelease(req, release, loaded, decision)
  await inTransaction(req, async () => {
    await writeRelease(req, release.id, {
      state: decision.to,
      ...(decision.scheduledFor ? { publishAt: decision.scheduledFor } : {}),
      ...(decision.to === 'open' ? { failureReasons: null } : {}),
    })
    if (decision.scheduledFor) await queueReleasePublish(req, release.id, decision.scheduledFor)
    await recordAudit(req, {
      action: 'transition',
      collection: RELEASES,
      documentId: release.id,
      documentTitle: release.name,
      transition: decision.transition,
      fromState: decision.from,
      toState: decision.to,
      comment: decision.comment,
      details: decision.scheduledFor ? { scheduledFor: decision.scheduledFor } : null,
    })
  })
  const label = releaseTransitionById[decision.transition].label
  return { ok: true, state: decision.to, message: `${label}: klart. Status: ${releaseStateLabel(decision.to)}.` }
}
