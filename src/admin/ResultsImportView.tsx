import type { AdminViewServerProps } from 'payload'

import { userHasRole } from '@/access'
import { AREAS } from '@/slugs'
import { surveyYearRange } from '@/domain/resultSets'
import { ResultsImportForm } from './ResultsImportForm'
import { AdminViewShell } from './AdminViewShell'

/**
 * /admin/importera-resultat: an editor uploads Socialstyrelsen's table for an
 * area, maps it (saved per area), sees what would change per bullet, and
 * imports it as a draft. The work is done by /api/areas/:id/import-results.
 */
export async function ResultsImportView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const allowed = userHasRole(req.user, 'editor', 'admin')
  const areas = allowed
    ? (await req.payload.find({ collection: AREAS, draft: true, pagination: false, depth: 0, overrideAccess: true, sort: 'title', select: { title: true, slug: true } })).docs.map(
        (doc) => ({ id: String(doc.id), title: doc.title, slug: doc.slug ?? '' }),
      )
    : []
  return (
    <AdminViewShell view={view} title="Importera resultat">
      {allowed ? (
        <ResultsImportForm areas={areas} defaultYear={surveyYearRange().max - 1} />
      ) : (
        <p>Bara redaktörer och administratörer kan importera resultat.</p>
      )}
    </AdminViewShell>
  )
}
