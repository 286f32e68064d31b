/**
 * The hand-off to the CMS's HTTP server (src/http/httpServer.mjs), which
 * answers `/api/v1` and the public pages itself before a request reaches
 * Next's pipeline. It lives outside Next's bundle, so it finds the handlers
 * in the process slot `deliveryFastPath` (src/runtime/processSlots.mjs).
 */
import type { Payload } from 'payload'

import { processSlot } from '@/runtime/processSlots.mjs'
import { ensureCatalog, peekCatalog } from '@/delivery/catalogLoader'
import { handleDeliveryRequest, type DeliveryRequest, type DeliveryResponse } from '@/delivery/http'
import { deliveryOptions } from '@/delivery/options'
import { PublicSite, type PageRequest, type PageResponse } from '@/frontend/http'
import { publicPageSources } from '@/runtime/publicSite'

export type FastPath = {
  /** A response, or null when the catalog is not loaded yet (Next's route answers then). */
  handle: (request: DeliveryRequest) => DeliveryResponse | null
  /** A public page kept in memory and still current, or null (then handlePage). */
  keptPage: (request: PageRequest) => PageResponse | null
  /** Any public page (loading the catalog first if need be). */
  handlePage: (request: PageRequest) => Promise<PageResponse>
}

/** Set here when the app starts; read by the HTTP server, outside Next's bundle. */
const fastPathSlot = processSlot<FastPath>('deliveryFastPath')

export function registerFastPath(payload: Payload): void {
  const options = deliveryOptions()
  const site = new PublicSite()
  const fastPath: FastPath = {
    handle: (request) => {
      const catalog = peekCatalog(payload)
      return catalog ? handleDeliveryRequest(request, catalog, options) : null
    },
    keptPage: (request) => {
      const catalog = peekCatalog(payload)
      return catalog ? site.answerKept(request, { catalog }) : null
    },
    handlePage: async (request) => site.handle(request, publicPageSources(payload, await ensureCatalog(payload))),
  }
  fastPathSlot.set(fastPath)
  // Loaded before the first reader arrives.
  ensureCatalog(payload).catch((error) => payload.logger.error({ err: error, msg: 'Kunde inte läsa in det publicerade innehållet' }))
}
