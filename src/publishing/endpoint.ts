import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Area } from '@/payload-types'
import { findMissingLocalAnswers, validateResultSets } from '@/domain/resultSets'
import { decideTransition, stateLabel, toWorkflowActor, transitionById, isTransitionId } from '@/workflow'
import { factsFromDocument, hasLiveVersion } from './facts'
import { EVENT_OF_TRANSITION, notifyWorkflowEvent } from './notifications'
import { applyTransition, inTransaction } from './transition'

/** The body of every workflow endpoint (areas and releases). */
export const workflowBodySchema = z.object({
  transition: z.string().min(1, 'Ange vilken övergång som ska göras (transition).'),
  comment: z.string().max(5000, 'Kommentaren får vara högst 5000 tecken.').optional().nullable(),
  publishAt: z.string().optional().nullable(),
})

export const json = (status: number, body: object) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** A draft goes to review only complete: every bullet answered, every result set valid. */
function submitProblems(body: Area['body']) {
  const sets = (body ?? []).map((block) => (block.blockType === 'resultSet' ? block : { blockType: block.blockType }))
  return [...validateResultSets(sets, { pathPrefix: 'body' }), ...findMissingLocalAnswers(sets, { pathPrefix: 'body' })]
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
      const parsed = workflowBodySchema.safeParse(await req.json?.().catch(() => null))
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
        const problems = submitProblems(working.body)
        if (problems.length) {
          return json(400, { message: `Utkastet kan inte skickas till granskning: ${problems.map((p) => p.message).join(' ')}`, rule: 'incomplete', errors: problems })
        }
      }
      // The document, the comment and the audit entry: all of them or none.
      await inTransaction(req, () => applyTransition(req, { collection, id, working, from: facts.state }, decision))
      await notifyWorkflowEvent(req, {
        collection,
        id,
        title: String(working.title ?? id),
        event: decision.effects.scheduledFor ? undefined : EVENT_OF_TRANSITION[decision.transition],
        editors: facts.editors,
        comment: decision.effects.comment,
      })
      const label = isTransitionId(transition) ? transitionById[transition].label : transition
      return json(200, { message: `${label}: klart. Status: ${stateLabel(decision.effects.facts.state)}.`, state: decision.effects.facts.state })
    },
  }
}
