import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff } from '@/access'
import { PAGE_SEGMENTS } from '@/runtime/serverContract.mjs'
import { createPreviewToken } from './token'

export const PREVIEW_PATH = `/${PAGE_SEGMENTS.preview}`

const json = (status: number, message: string) => Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * GET /api/<collection>/:id/preview: signed in staff get a fresh one-hour link
 * to the draft, or for a release to the site as it will be after it (the
 * admin's "Förhandsgranska" button points here, so the link is made when it
 * is clicked, not when the edit view was opened).
 */
export function previewEndpoint(collection: string): Endpoint {
  return {
    path: '/:id/preview',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      if (!req.user) return json(401, 'Logga in för att förhandsgranska utkast.')
      if (!isStaff({ req })) return json(403, 'Bara redaktörer, granskare och administratörer kan förhandsgranska utkast.')
      const id = String(req.routeParams?.id ?? '')
      const exists = await req.payload
        .findByID({ collection: collection as 'areas', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req, select: { createdAt: true } })
        .catch(() => null)
      if (!exists) return json(404, 'Dokumentet finns inte.')
      const token = createPreviewToken({ collection, id, userId: req.user.id }, req.payload.secret)
      return new Response(null, {
        status: 302,
        headers: { Location: `${PREVIEW_PATH}?token=${encodeURIComponent(token)}`, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
      })
    },
  }
}
