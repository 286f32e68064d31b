/**
 * The process's catalog: loaded once, kept current by the publish hooks (at
 * once, in-process) and by a cheap check every few seconds for writes by
 * other processes (the importer, other replicas).
 */
import type { Payload } from 'payload'

import type { Catalog } from './catalog'
import { deliveryState } from './state'
import { contentFingerprint, loadCatalog } from './store'

const CHECK_INTERVAL_MS = Number(process.env.DELIVERY_CHECK_INTERVAL_MS ?? 2000)

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

export async function ensureCatalog(payload: Payload): Promise<Catalog> {
  const state = deliveryState()
  if (state.catalog) {
    checkForOutsideChanges(payload)
    return state.catalog
  }
  state.loading ??= load(payload).finally(() => {
    state.loading = null
  })
  return state.loading
}

/** The catalog if it is loaded (starting the load if not): for the synchronous fast path. */
export function peekCatalog(payload: Payload): Catalog | null {
  const state = deliveryState()
  if (!state.catalog) {
    ensureCatalog(payload).catch((error) => payload.logger.error({ err: error, msg: 'Kunde inte läsa in det publicerade innehållet' }))
    return null
  }
  checkForOutsideChanges(payload)
  return state.catalog
}
