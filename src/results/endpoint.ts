/**
 * `/api/areas/:id/import-results`, behind the admin's "Importera resultat":
 * GET gives the area's saved mapping; POST runs the import (a preview with
 * `dryRun`, else a draft) with the same adapter as the CLI. Editors and
 * admins only. The file comes as base64 in chunks (the API takes JSON of at
 * most 2 MB, strings of at most 100 000 characters).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { isContentEditor } from '@/access'
import { AREAS } from '@/slugs'
import { importResults, savedMapping } from './importResults'
import { parseResultMapping } from './mapping'

const noStore = { 'Cache-Control': 'no-store' }
const message = (status: number, text: string, field?: string) => Response.json({ message: text, ...(field ? { field } : {}) }, { status, headers: noStore })

export const ResultImportBodySchema = z.object({
  fileName: z.string().trim().min(1, 'Välj en fil.').max(200),
  file: z.array(z.string().max(100_000)).min(1, 'Välj en fil.'),
  year: z.number({ error: 'Ange undersökningsåret.' }).int().min(2007, 'Undersökningsåret ska vara 2007 eller senare.').max(2100),
  mapping: z.unknown(),
  dryRun: z.boolean().default(true),
  saveMapping: z.boolean().default(false),
})

async function areaOf(req: PayloadRequest) {
  const id = String(req.routeParams?.id ?? '')
  return req.payload.findByID({ collection: AREAS, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req }).catch(() => null)
}

const guard = (req: PayloadRequest) => {
  if (!req.user) return message(401, 'Logga in för att importera resultat.')
  if (!isContentEditor({ req })) return message(403, 'Bara redaktörer och administratörer kan importera resultat.')
  return null
}

export const resultImportEndpoints: Endpoint[] = [
  {
    path: '/:id/import-results',
    method: 'get',
    handler: async (req) => {
      const refused = guard(req)
      if (refused) return refused
      const area = await areaOf(req)
      if (!area) return message(404, 'Sidan finns inte.')
      const saved = await savedMapping(req, area.id).catch(() => null)
      return Response.json({ mapping: saved?.mapping ?? null }, { headers: noStore })
    },
  },
  {
    path: '/:id/import-results',
    method: 'post',
    handler: async (req) => {
      const refused = guard(req)
      if (refused) return refused
      const area = await areaOf(req)
      if (!area?.slug) return message(404, 'Sidan finns inte.')
      const body = ResultImportBodySchema.safeParse(await req.json?.().catch(() => null))
      if (!body.success) {
        const issue = body.error.issues[0]!
        return message(400, issue.message, String(issue.path[0] ?? ''))
      }
      const mapping = parseResultMapping(body.data.mapping)
      if (!mapping.ok) return message(400, `Mappningen är ogiltig: ${mapping.errors.join(' ')}`, 'mapping')
      const bytes = new Uint8Array(Buffer.concat(body.data.file.map((chunk) => Buffer.from(chunk, 'base64'))))
      // The import runs in a transaction of its own (server save, never a publish); the editor's own save confirms it.
      const outcome = await importResults(req.payload, {
        areaSlug: area.slug,
        year: body.data.year,
        dryRun: body.data.dryRun,
        source: { kind: 'table', bytes, fileName: body.data.fileName, mapping: mapping.mapping, saveMapping: body.data.saveMapping },
      })
      if (!outcome.ok) return message(400, outcome.error)
      return Response.json(
        { preview: outcome.preview, written: outcome.written, changed: outcome.plan.changed, bullets: outcome.plan.bullets, problems: [...(outcome.reading?.problems ?? []), ...outcome.plan.problems] },
        { headers: noStore },
      )
    },
  },
]
