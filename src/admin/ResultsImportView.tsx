import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { userHasRole } from '@/access'
import { AREAS } from '@/slugs'
import { surveyYearRange } from '@/domain/resultSets'
import { ResultsImportForm } from './ResultsImportForm'

/**
 * /admin/importera-resultat: an editor uploads Socialstyrelsen's table for an
 * area, maps it (saved per area), sees what would change per bullet, and
 * imports it as a draft. The work is done by /api/areas/:id/import-results.
 */
export async function ResultsImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const allowed = userHasRole(req.user, 'editor', 'admin')
  const areas = allowed
    ? (await req.payload.find({ collection: AREAS, draft: true, pagination: false, depth: 0, overrideAccess: true, sort: 'title', select: { title: true, slug: true } })).docs.map(
        (doc) => ({ id: String(doc.id), title: doc.title, slug: doc.slug ?? '' }),
      )
    : []
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Importera resultat</h1>
        {allowed ? (
          <ResultsImportForm areas={areas} defaultYear={surveyYearRange().max - 1} />
        ) : (
          <p>Bara redaktörer och administratörer kan importera resultat.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
