import type { Endpoint, PayloadRequest } from 'payload'

import { RELEASES } from '@/slugs'
import { decideReleaseTransition, releasePanel, toWorkflowActor } from '@/workflow'
import { json, workflowBodySchema } from './endpoint'
import { loadReleaseFacts } from './releaseFacts'
import { applyReleaseTransition } from './releaseTransition'

/**
 * POST /api/releases/:id/workflow { transition, comment?, publishAt? }: the
 * same shape as an area's. The workflow module decides; a refusal names the
 * rule and, where it is about items, each item and why.
 */
export function releaseWorkflowEndpoint(): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const actor = toWorkflowActor(req.user)
      if (!actor) return json(401, { message: 'Du måste vara inloggad för att ändra ett publiceringspaket.' })
      const parsed = workflowBodySchema.safeParse(await req.json?.().catch(() => null))
      if (!parsed.success) {
        return json(400, { message: parsed.error.issues.map((issue) => issue.message).join(' '), errors: parsed.error.issues })
      }
      const id = String(req.routeParams?.id ?? '')
      const release = await req.payload.findByID({ collection: RELEASES, id, depth: 0, overrideAccess: true, req, disableErrors: true }).catch(() => null)
      if (!release) return json(404, { message: 'Publiceringspaketet finns inte.' })
      const loaded = await loadReleaseFacts(req, release)
      const { transition, comment, publishAt } = parsed.data
      const decision = decideReleaseTransition({ release: loaded, transition, actor, comment, publishAt })
      if (!decision.allowed) return json(decision.rule === 'role' || decision.rule === 'four-eyes' ? 403 : 400, decision)
      const outcome = await applyReleaseTransition(req, release, loaded, decision)
      if (!outcome.ok) return json(outcome.status, { message: outcome.message, rule: 'failed', state: outcome.state, reasons: outcome.reasons })
      return json(200, { message: outcome.message, state: outcome.state })
    },
  }
}

/**
 * GET /api/releases/:id/workflow: what the release's edit view shows this
 * user (src/workflow/releasePanel.ts): each item's readiness and the
 * actions the workflow offers. Read access is the collection's own.
 */
export function releasePanelEndpoint(): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      const actor = toWorkflowActor(req.user)
      if (!actor) return json(401, { message: 'Du måste vara inloggad för att se ett publiceringspaket.' })
      const id = String(req.routeParams?.id ?? '')
      const release = await req.payload.findByID({ collection: RELEASES, id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true }).catch(() => null)
      if (!release) return json(404, { message: 'Publiceringspaketet finns inte.' })
      return json(200, releasePanel(await loadReleaseFacts(req, release), actor))
    },
  }
}
