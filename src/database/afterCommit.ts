import type { PayloadRequest } from 'payload'

/**
 * Runs a callback once the request's transaction has committed (at once when
 * there is none). Payload has no such hook, and `afterChange` runs before the
 * commit: invalidating a cache there lets a concurrent read refill it with the
 * old state. A rollback drops the callbacks.
 */
type Callback = () => void | Promise<void>
type Adapter = {
  commitTransaction: (id: unknown) => Promise<void>
  rollbackTransaction: (id: unknown) => Promise<void>
}

/**
 * Each adapter's callbacks per transaction id. Module state, not a
 * process-wide slot: should Next load a second copy of this module, that copy
 * wraps the same adapter once more around this one, and each copy's callbacks
 * still run after the one commit (or are dropped by the one rollback).
 */
const pendingByAdapter = new WeakMap<Adapter, Map<unknown, Callback[]>>()

function pendingOf(adapter: Adapter): Map<unknown, Callback[]> {
  const existing = pendingByAdapter.get(adapter)
  if (existing) return existing
  const pending = new Map<unknown, Callback[]>()
  pendingByAdapter.set(adapter, pending)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)
  adapter.commitTransaction = async (id) => {
    const key = await id
    await commit(key)
    const callbacks = pending.get(key) ?? []
    pending.delete(key)
    for (const callback of callbacks) await run(callback)
  }
  adapter.rollbackTransaction = async (id) => {
    const key = await id
    pending.delete(key)
    await rollback(key)
  }
  return pending
}

async function run(callback: Callback): Promise<void> {
  try {
    await callback()
  } catch (error) {
    // The change is committed; a failing follow-up must not turn it into an error response.
    console.error('afterCommit:', error)
  }
}

export async function afterCommit(req: PayloadRequest, callback: Callback): Promise<void> {
  const id: unknown = await req.transactionID
  // Only a real id names a transaction that will be committed. (Payload's
  // dataloader turns a pending one into `{}` after populating relationships.)
  if (typeof id !== 'string' && typeof id !== 'number') return run(callback)
  const pending = pendingOf(req.payload.db as unknown as Adapter)
  pending.set(id, [...(pending.get(id) ?? []), callback])
}
