/**
 * The hand-off to the CMS's HTTP server (src/http/httpServer.mjs), which
 * answers `/api/v1` itself before a request reaches Next's pipeline. It lives
 * outside Next's bundle, so it finds the handler in the process slot
 * `deliveryFastPath` (src/runtime/processSlots.mjs).
 */
import type { Payload } from 'payload'

import { pageCacheKey, type PageRequest } from '@/frontend/pageCache'
import { isMissingPage } from '@/frontend/routes'
import { processSlot } from '@/runtime/processSlots.mjs'
import { ensureCatalog, peekCatalog } from '@/delivery/catalogLoader'
import { handleDeliveryRequest, type DeliveryRequest, type DeliveryResponse } from '@/delivery/http'
import { deliveryOptions } from '@/delivery/options'

export type FastPath = {
  /** A response, or null when the catalog is not loaded yet (Next's route answers then). */
  handle: (request: DeliveryRequest) => DeliveryResponse | null
  /** True when a public page address certainly does not exist (null: not known yet). */
  isMissingPage: (pathname: string) => boolean | null
  /** The key under which this page's rendered HTML may be kept, or null when it must be rendered. */
  pageCacheKey: (request: PageRequest) => string | null
}

/** Set here when the app starts; read by the HTTP server, outside Next's bundle. */
const fastPathSlot = processSlot<FastPath>('deliveryFastPath')

export function registerFastPath(payload: Payload): void {
  const options = deliveryOptions()
  const fastPath: FastPath = {
    handle: (request) => {
      const catalog = peekCatalog(payload)
      return catalog ? handleDeliveryRequest(request, catalog, options) : null
    },
    isMissingPage: (pathname) => {
      const catalog = peekCatalog(payload)
      if (!catalog) return null
      return isMissingPage(pathname, {
        hasPage: (slug) => catalog.areaPage(slug) !== null,
        hasVersion: (slug, number) => (number === undefined ? catalog.versionList(slug) !== null : catalog.versionSource(slug, number) !== null),
      })
    },
    pageCacheKey: (request) => {
      const catalog = peekCatalog(payload)
      if (!catalog) return null
      return pageCacheKey(request, { generation: catalog.generation, notices: catalog.activeNoticesKey() })
    },
  }
  fastPathSlot.set(fastPath)
  // Loaded before the first reader arrives.
  ensureCatalog(payload).catch((error) => payload.logger.error({ err: error, msg: 'Kunde inte läsa in det publicerade innehållet' }))
}
