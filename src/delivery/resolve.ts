import type { Payload } from 'payload'

import type { Catalog } from './catalog'
import { resultDataset, resultsCsv } from './datasets'
import { resultsWorkbook } from './datasetWorkbook'
import {
  etagOf,
  handleDeliveryRequest,
  versionRequested,
  WORKBOOK_KEY,
  workbookRequested,
  type DatasetWorkbook,
  type DeliveryOptions,
  type DeliveryRequest,
  type DeliveryResponse,
} from './http'
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
  if (workbookRequested(request.url)) await ensureWorkbook(catalog, options)
  return (
    handleDeliveryRequest(request, catalog, options) ?? {
      status: 404,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      body: JSON.stringify({ message: 'Versionen kunde inte läsas.' }),
    }
  )
}

/**
 * The dataset workbook of the catalog's current generation, written once per
 * publish. Its ETag is that of the rows (as CSV), so it is the same in every
 * process even though a zip's bytes carry the time they were written.
 */
export async function ensureWorkbook(catalog: Catalog, options: DeliveryOptions): Promise<DatasetWorkbook> {
  const known = catalog.derived<DatasetWorkbook>(WORKBOOK_KEY)
  if (known) return known
  const generation = catalog.generation
  const rows = resultDataset(catalog, { licenseUrl: options.dataset?.licenseUrl ?? '' }).items
  const workbook = { body: await resultsWorkbook(rows), etag: etagOf(`xlsx:${resultsCsv(rows)}`) }
  // A publish while writing: this workbook is of the old rows, so it is not kept.
  return catalog.generation === generation ? catalog.storeDerived(WORKBOOK_KEY, workbook) : workbook
}
