/**
 * The process's one catalog. Kept in a process slot
 * (src/runtime/processSlots.mjs) because Next bundles a module once per
 * route: the publish hook, the route handlers, the pages and the fast
 * delivery layer must all see the same object.
 */
import { processSlot } from '@/runtime/processSlots.mjs'
import type { Catalog } from './catalog'

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

const stateSlot = processSlot<DeliveryState>('deliveryState')

export function deliveryState(): DeliveryState {
  return stateSlot.getOrCreate(() => ({ catalog: null, loading: null, fingerprint: null, checkedAt: 0, checking: null, applied: 0 }))
}

/**
 * A committed change in this process, applied to the loaded catalog (if any)
 * and counted, so a reload that overlapped it is done again.
 */
export function applyToCatalog(change: (catalog: Catalog) => void): void {
  const state = deliveryState()
  state.applied++
  if (state.catalog) change(state.catalog)
}
