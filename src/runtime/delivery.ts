/** The published content for route handlers and pages (they have no Payload instance at hand). */
import config from '@payload-config'
import { getPayload } from 'payload'

import type { Catalog } from '@/delivery/catalog'
import { ensureCatalog } from '@/delivery/catalogLoader'
import type { AreaVersionPage } from '@/delivery/schemas'
import { loadVersionPage } from '@/delivery/resolve'

export type PublishedContent = Catalog

export async function getPublishedContent(): Promise<PublishedContent> {
  return ensureCatalog(await getPayload({ config }))
}

/** A page of the public record as it was published (loaded from the database the first time). */
export async function getVersionPage(slug: string, number: number): Promise<AreaVersionPage | null> {
  const payload = await getPayload({ config })
  return loadVersionPage(payload, await ensureCatalog(payload), slug, number)
}
