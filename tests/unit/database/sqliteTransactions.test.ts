import { describe, expect, it } from 'vitest'

import { serialiseWrites, WRITE_METHODS, WriteTurn, WriteTurnTimeoutError } from '@/database/sqliteTransactions'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WriteTurn', () => {
  it('gives the turn to one holder at a time, first come first served', async () => {
    const turn = new WriteTurn()
    const order: string[] = []
    const first = await turn.acquire()
    const second = turn.acquire().then((release) => (order.push('second'), release))
    const third = turn.acquire().then((release) => (order.push('third'), release))
    await tick()
    expect(order).toEqual([])
    expect(turn.busy).toBe(true)
    first()
    ;(await second)()
    ;(await third)()
    expect(order).toEqual(['second', 'third'])
    expect(turn.busy).toBe(false)
  })

  it('a second release does not hand out an extra turn', async () => {
    const turn = new WriteTurn()
    const release = await turn.acquire()
    release()
    release()
    const next = await turn.acquire()
    let thirdHasTurn = false
    void turn.acquire().then(() => (thirdHasTurn = true))
    await tick()
    expect(thirdHasTurn).toBe(false)
    next()
    await tick()
    expect(thirdHasTurn).toBe(true)
  })

  it('gives up after the timeout with a Swedish message, and the queue goes on', async () => {
    const turn = new WriteTurn()
    const held = await turn.acquire()
    await expect(turn.acquire(20)).rejects.toBeInstanceOf(WriteTurnTimeoutError)
    await expect(turn.acquire(20)).rejects.toThrow(/Databasen var upptagen/)
    held()
    const later = await turn.acquire(1000)
    later()
  })
})

type Call = { name: string; at: number }

/** A stand-in adapter: records when each method ran and can hold a transaction open. */
function fakeAdapter() {
  const calls: Call[] = []
  let clock = 0
  const sessions: Record<string, unknown> = {}
  let nextId = 0
  const adapter: Record<string, unknown> = {
    sessions,
    beginTransaction: async () => {
      const id = `tx-${++nextId}`
      sessions[id] = {}
      calls.push({ name: `begin ${id}`, at: ++clock })
      return id
    },
    commitTransaction: async (id: string) => {
      delete sessions[id]
      calls.push({ name: `commit ${id}`, at: ++clock })
    },
    rollbackTransaction: async (id: string) => {
      delete sessions[id]
      calls.push({ name: `rollback ${id}`, at: ++clock })
    },
    find: async () => calls.push({ name: 'find', at: ++clock }),
  }
  for (const name of WRITE_METHODS) adapter[name] = async () => calls.push({ name, at: ++clock })
  // As in Payload's SQLite adapter: upsert is an updateOne.
  adapter.upsert = async function (this: Record<string, (args: unknown) => Promise<unknown>>, args: unknown) {
    calls.push({ name: 'upsert', at: ++clock })
    return this.updateOne!(args)
  }
  return { adapter: serialiseWrites(adapter as never) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>, calls }
}

describe('serialiseWrites', () => {
  it('a write outside any transaction waits until the open transaction ends', async () => {
    const { adapter, calls } = fakeAdapter()
    const id = await adapter.beginTransaction!()
    const outside = adapter.create!({ req: {} })
    await tick()
    expect(calls.map((call) => call.name)).toEqual(['begin tx-1'])
    await adapter.commitTransaction!(id)
    await outside
    expect(calls.map((call) => call.name)).toEqual(['begin tx-1', 'commit tx-1', 'create'])
  })

  it('writes inside the open transaction go through at once, reads are never held', async () => {
    const { adapter, calls } = fakeAdapter()
    const id = await adapter.beginTransaction!()
    await adapter.updateOne!({ req: { transactionID: Promise.resolve(id) } })
    await adapter.find!({ req: {} })
    expect(calls.map((call) => call.name)).toEqual(['begin tx-1', 'updateOne', 'find'])
    await adapter.rollbackTransaction!(id)
  })

  it('a second transaction begins only after the first one ends, also after a rollback', async () => {
    const { adapter, calls } = fakeAdapter()
    const first = await adapter.beginTransaction!()
    const second = adapter.beginTransaction!()
    await tick()
    expect(calls.map((call) => call.name)).toEqual(['begin tx-1'])
    await adapter.rollbackTransaction!(first)
    await adapter.commitTransaction!(await second)
    expect(calls.map((call) => call.name)).toEqual(['begin tx-1', 'rollback tx-1', 'begin tx-2', 'commit tx-2'])
  })

  it('a write that calls another write method inside its turn does not wait for itself', async () => {
    const { adapter, calls } = fakeAdapter()
    const outcome = await Promise.race([adapter.upsert!({ req: {} }).then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('stuck'), 500))])
    expect(outcome).toBe('done')
    expect(calls.map((call) => call.name)).toEqual(['upsert', 'updateOne'])
    // … and the turn is free again afterwards.
    await adapter.create!({ req: {} })
  })

  it('a write naming a transaction that has already ended waits its turn like any other', async () => {
    const { adapter, calls } = fakeAdapter()
    const ended = await adapter.beginTransaction!()
    await adapter.commitTransaction!(ended)
    const open = await adapter.beginTransaction!()
    const late = adapter.deleteOne!({ req: { transactionID: ended } })
    await tick()
    expect(calls.at(-1)!.name).toBe('begin tx-2')
    await adapter.commitTransaction!(open)
    await late
    expect(calls.at(-1)!.name).toBe('deleteOne')
  })
})
