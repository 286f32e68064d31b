import type { Payload } from 'payload'

import type { Catalog } from './catalog'
import { handleDeliveryRequest, versionRequested, type DeliveryOptions, type DeliveryRequest, type DeliveryResponse } from './http'
import { loadVersionSnapshot } from './store'

/**
 * handleDeliveryRequest, loading a page of the public record from the
 * database when it is not in memory (published versions never change, so
 * once loaded it is kept).
 */
export async function resolveDeliveryRequest(
  request: DeliveryRequest,
  catalog: Catalog,
  options: DeliveryOptions,
  payload: Payload,
): Promise<DeliveryResponse> {
  const first = handleDeliveryRequest(request, catalog, options)
  if (first) return first
  const wanted = versionRequested(request.url)
  const source = wanted ? catalog.versionSource(wanted.slug, wanted.number) : null
  const snapshot = wanted && source ? await loadVersionSnapshot(payload, source.areaId, wanted.number) : null
  if (wanted && snapshot) catalog.storeVersionPage(wanted.slug, wanted.number, snapshot)
  return (
    handleDeliveryRequest(request, catalog, options) ?? {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      body: JSON.stringify({ message: 'Versionen kunde inte läsas.' }),
    }
  )
}
