/**
 * The public site's sources over one Payload instance: the published catalog,
 * the public record's old versions and the preview's drafts. Shared by the
 * fast path (src/runtime/fastPath.ts) and Next's route handler.
 */
import type { Payload } from 'payload'

import type { Catalog } from '@/delivery/catalog'
import { loadVersionPage } from '@/delivery/resolve'
import type { PageSources } from '@/frontend/pages'
import { siteContext } from '@/frontend/site'
import { previewFor } from '@/runtime/preview'

export function publicPageSources(payload: Payload, catalog: Catalog): PageSources {
  return {
    catalog,
    site: siteContext(),
    versionPage: (slug, number) => loadVersionPage(payload, catalog, slug, number),
    preview: (token) => previewFor(payload, catalog, token),
  }
}
