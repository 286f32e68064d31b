import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { recordAudit } from '@/audit/record'
import { COMMENTS } from '@collections/index'
import { findMissingLocalAnswers, validateResultSets } from '@/domain/resultSets'
import { decideTransition, stateLabel, toWorkflowActor, transitionById, isTransitionId, type Allowed } from '@/workflow'
import { factsFromDocument, hasLiveVersion } from './facts'
import { withDecidedTransition } from './context'
import { EVENT_OF_TRANSITION, notifyWorkflowEvent } from './notifications'
import { queueScheduledTransition } from './scheduledPublish'

const bodySchema = z.object({
  transition: z.string().min(1, 'Ange vilken övergång som ska göras (transition).'),
  comment: z.string().max(5000, 'Kommentaren får vara högst 5000 tecken.').optional().nullable(),
  publishAt: z.string().optional().nullable(),
})

const json = (status: number, body: object) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

type ResultSetLike = { blockType?: string; surveyYear?: number | null; bullets?: { national?: string | null; local?: string | null }[] | null }

/** A draft goes to review only complete: every bullet answered, every result set valid. */
function submitProblems(body: unknown) {
  const blocks = (Array.isArray(body) ? body : []) as ResultSetLike[]
  const sets = blocks.map((block) => (block.blockType === 'resultSet' ? block : { blockType: block.blockType }))
  return [
    ...validateResultSets(sets as never, { pathPrefix: 'body' }),
    ...findMissingLocalAnswers(sets as never, { pathPrefix: 'body' }),
  ]
}

/**
 * POST /api/<collection>/:id/workflow { transition, comment?, publishAt? }.
 * The workflow module decides; this applies the decision in one transaction:
 * the document, a comment, the audit entry.
 */
export function workflowEndpoint(collection: string): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const actor = toWorkflowActor(req.user)
      if (!actor) return json(401, { message: 'Du måste vara inloggad för att ändra arbetsflödet.' })
      const id = String(req.routeParams?.id ?? '')
      const parsed = bodySchema.safeParse(await req.json?.().catch(() => null))
      if (!parsed.success) {
        return json(400, { message: parsed.error.issues.map((issue) => issue.message).join(' '), errors: parsed.error.issues })
      }
      const { transition, comment, publishAt } = parsed.data
      const working = await req.payload
        .findByID({ collection: collection as 'areas', id, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true })
        .catch(() => null)
      if (!working) return json(404, { message: 'Dokumentet finns inte.' })
      const facts = factsFromDocument(working, await hasLiveVersion(req, collection, id))
      const decision = decideTransition({ doc: facts, transition, actor, comment, publishAt })
      if (!decision.allowed) return json(decision.rule === 'role' || decision.rule === 'four-eyes' ? 403 : 400, decision)
      if (transition === 'submit') {
        const problems = submitProblems((working as { body?: unknown }).body)
        if (problems.length) {
          return json(400, { message: `Utkastet kan inte skickas till granskning: ${problems.map((p) => p.message).join(' ')}`, rule: 'incomplete', errors: problems })
        }
      }
      // The document, the comment and the audit entry: all of them or none.
      const own = await initTransaction(req)
      try {
        await apply(req, collection, id, working as { title?: string }, facts.state, decision)
        if (own) await commitTransaction(req)
      } catch (error) {
        if (own) await killTransaction(req)
        throw error
      }
      await notifyWorkflowEvent(req, {
        collection,
        id,
        title: String((working as { title?: string }).title ?? id),
        event: decision.effects.scheduledFor ? undefined : EVENT_OF_TRANSITION[decision.transition],
        editors: facts.editors,
        comment: decision.effects.comment,
      })
      const label = isTransitionId(transition) ? transitionById[transition].label : transition
      return json(200, { message: `${label}: klart. Status: ${stateLabel(decision.effects.facts.state)}.`, state: decision.effects.facts.state })
    },
  }
}

async function apply(req: PayloadRequest, collection: string, id: string, working: { title?: string }, from: string, decision: Allowed) {
  const { effects } = decision
  const status = effects.live === 'replaceWithWorkingCopy' ? 'published' : effects.live === 'remove' ? 'draft' : undefined
  await withDecidedTransition(req, { transition: decision.transition, facts: effects.facts, live: effects.live, scheduledFor: effects.scheduledFor }, () =>
    req.payload.update({
      collection: collection as 'areas',
      id,
      data: status ? { _status: status } : {},
      // 'keep' records the new facts as a draft version beside the live one.
      draft: effects.live === 'keep',
      overrideAccess: true,
      req,
    }),
  )
  if (effects.scheduledFor) {
    await queueScheduledTransition(req, decision.transition === 'unpublish' ? 'unpublish' : 'publish', collection, id, effects.scheduledFor)
  }
  if (effects.comment) {
    await req.payload.create({
      collection: COMMENTS,
      overrideAccess: true,
      req,
      data: { collectionSlug: collection, documentId: id, documentTitle: working.title ?? null, transition: decision.transition, text: effects.comment },
    })
  }
  await recordAudit(req, {
    action: effects.live === 'replaceWithWorkingCopy' ? 'publish' : effects.live === 'remove' ? 'unpublish' : 'transition',
    details: effects.scheduledFor ? { scheduledFor: effects.scheduledFor } : null,
    collection,
    documentId: id,
    documentTitle: working.title ?? null,
    transition: decision.transition,
    fromState: from,
    toState: effects.facts.state,
    comment: effects.comment,
  })
}
