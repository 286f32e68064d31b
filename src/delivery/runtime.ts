/** The published content for route handlers and pages (they have no Payload instance at hand). */
import config from '@payload-config'
import { getPayload } from 'payload'

import type { Catalog } from './catalog'
import { ensureCatalog } from './catalogLoader'
import type { AreaVersionPage } from './schemas'
import { loadVersionSnapshot } from './store'

export type PublishedContent = Catalog

export async function getPublishedContent(): Promise<PublishedContent> {
  return ensureCatalog(await getPayload({ config }))
}

/** A page of the public record as it was published (loaded from the database the first time). */
export async function getVersionPage(slug: string, number: number): Promise<AreaVersionPage | null> {
  const payload = await getPayload({ config })
  const catalog = await ensureCatalog(payload)
  const known = catalog.versionPage(slug, number)
  if (known !== undefined) return known
  const source = catalog.versionSource(slug, number)
  const snapshot = source ? await loadVersionSnapshot(payload, source.areaId, number) : null
  return snapshot ? catalog.storeVersionPage(slug, number, snapshot) : null
}
