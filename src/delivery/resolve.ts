import type { Payload } from 'payload'

import type { Catalog } from './catalog'
import { handleDeliveryRequest, versionRequested, type DeliveryOptions, type DeliveryRequest, type DeliveryResponse } from './http'
import type { AreaVersionPage } from './schemas'
import { loadVersionSnapshot } from './store'

/** A page of the public record, read from the database the first time (versions never change, so it is kept). */
export async function loadVersionPage(payload: Payload, catalog: Catalog, slug: string, number: number): Promise<AreaVersionPage | null> {
  const known = catalog.versionPage(slug, number)
  if (known !== undefined) return known
  const source = catalog.versionSource(slug, number)
  const snapshot = source ? await loadVersionSnapshot(payload, source.areaId, number) : null
  return snapshot ? catalog.storeVersionPage(slug, number, snapshot) : null
}

/** handleDeliveryRequest, loading a page of the public record when it is not in memory yet. */
export async function resolveDeliveryRequest(
  request: DeliveryRequest,
  catalog: Catalog,
  options: DeliveryOptions,
  payload: Payload,
): Promise<DeliveryResponse> {
  const first = handleDeliveryRequest(request, catalog, options)
  if (first) return first
  const wanted = versionRequested(request.url)
  if (wanted) await loadVersionPage(payload, catalog, wanted.slug, wanted.number)
  return (
    handleDeliveryRequest(request, catalog, options) ?? {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      body: JSON.stringify({ message: 'Versionen kunde inte läsas.' }),
    }
  )
}
