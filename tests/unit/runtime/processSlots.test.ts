import { afterEach, describe, expect, it, vi } from 'vitest'

// A fresh import after resetModules is a second copy of the module, as Next's route bundles and the HTTP server have.
async function freshCopy() {
  vi.resetModules()
  return import('@/runtime/processSlots.mjs')
}

describe('processSlot', () => {
  afterEach(async () => {
    const { processSlot } = await freshCopy()
    processSlot<unknown>('catalogGenerations').set(undefined)
  })

  it('is one value for every copy of the module', async () => {
    const first = await freshCopy()
    const second = await freshCopy()
    first.processSlot<{ last: number }>('catalogGenerations').set({ last: 7 })
    expect(second.processSlot<{ last: number }>('catalogGenerations').get()).toEqual({ last: 7 })
  })

  it('creates a value once, whichever copy asks first', async () => {
    const first = await freshCopy()
    const second = await freshCopy()
    first.processSlot<unknown>('catalogGenerations').set(undefined)
    const create = vi.fn(() => ({ last: 0 }))
    const made = first.processSlot<{ last: number }>('catalogGenerations').getOrCreate(create)
    expect(second.processSlot<{ last: number }>('catalogGenerations').getOrCreate(create)).toBe(made)
    expect(create).toHaveBeenCalledTimes(1)
  })

  it('refuses a slot that is not listed', async () => {
    const { processSlot, SLOT_NAMES } = await freshCopy()
    expect(SLOT_NAMES).toEqual(['deliveryFastPath', 'deliveryState', 'catalogGenerations', 'authLimiters'])
    expect(() => processSlot('somethingElse' as never)).toThrow(/Okänd processplats "somethingElse"/)
  })
})
