/** The published content for route handlers and pages (they have no Payload instance at hand). */
import config from '@payload-config'
import { getPayload } from 'payload'

import type { Catalog } from './catalog'
import { ensureCatalog } from './catalogLoader'

export type PublishedContent = Catalog

export async function getPublishedContent(): Promise<PublishedContent> {
  return ensureCatalog(await getPayload({ config }))
}
