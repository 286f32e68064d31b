/**
 * The process's one catalog. Kept on globalThis because Next bundles a module
 * once per route: the publish hook, the route handlers, the pages and the
 * fast delivery layer must all see the same object.
 */
import type { Catalog, CatalogMeta, HistoryEntry } from './catalog'
import type { AreaSnapshot } from './snapshot'

export type DeliveryState = {
  catalog: Catalog | null
  loading: Promise<Catalog> | null
  /** Count and newest change of what the catalog was loaded from, to notice other processes' writes. */
  fingerprint: string | null
  checkedAt: number
  checking: Promise<void> | null
  /** Counts changes applied in this process; a reload that overlapped one is done again. */
  applied: number
}

const KEY = Symbol.for('oppna-jamforelser.delivery-state')

export function deliveryState(): DeliveryState {
  const global = globalThis as { [KEY]?: DeliveryState }
  return (global[KEY] ??= { catalog: null, loading: null, fingerprint: null, checkedAt: 0, checking: null, applied: 0 })
}

/** After a publish commits: the new snapshot is served from the next request on. */
export function applyPublishedSnapshot(snapshot: AreaSnapshot): void {
  const state = deliveryState()
  state.applied++
  state.catalog?.setArea(snapshot)
}

/** After a publish commits: its entry in the public record. */
export function applyHistoryEntry(entry: HistoryEntry): void {
  const state = deliveryState()
  state.applied++
  state.catalog?.appendHistory(entry)
}

export function applyRemovedArea(id: string): void {
  const state = deliveryState()
  state.applied++
  state.catalog?.removeArea(id)
}

export function applyMeta(meta: CatalogMeta): void {
  const state = deliveryState()
  state.applied++
  state.catalog?.setMeta(meta)
}
