/**
 * The published catalog of this process: loaded once, kept current by the
 * publish hooks (at once, in-process) and by a cheap check every few seconds
 * for writes by other processes (the importer, other replicas).
 */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import type { Catalog } from './catalog'
import { deliveryState } from './state'
import { contentFingerprint, loadCatalog } from './store'

const CHECK_INTERVAL_MS = Number(process.env.DELIVERY_CHECK_INTERVAL_MS ?? 2000)

export type PublishedContent = Catalog

async function load(payload: Payload): Promise<Catalog> {
  const state = deliveryState()
  let fingerprint: string
  let catalog: Catalog
  let applied: number
  // A publish committed while this was reading may be missing from what it read: read again.
  do {
    applied = state.applied
    fingerprint = await contentFingerprint(payload)
    catalog = await loadCatalog(payload)
  } while (applied !== state.applied)
  state.fingerprint = fingerprint
  state.checkedAt = Date.now()
  state.catalog = catalog
  return catalog
}

/** Reloads when another process changed the content; never blocks a request. */
function checkForOutsideChanges(payload: Payload): void {
  const state = deliveryState()
  if (state.checking || Date.now() - state.checkedAt < CHECK_INTERVAL_MS) return
  state.checkedAt = Date.now()
  state.checking = (async () => {
    const fingerprint = await contentFingerprint(payload)
    if (fingerprint !== state.fingerprint) await load(payload)
  })()
    .catch((error) => payload.logger.error({ err: error, msg: 'Kunde inte läsa om det publicerade innehållet' }))
    .finally(() => {
      state.checking = null
    })
}

export async function getPublishedContent(): Promise<PublishedContent> {
  const state = deliveryState()
  const payload = await getPayload({ config })
  if (state.catalog) {
    checkForOutsideChanges(payload)
    return state.catalog
  }
  state.loading ??= load(payload).finally(() => {
    state.loading = null
  })
  return state.loading
}
