/** Types of processSlots.mjs (see there for why the slots exist and who owns each). */

export type SlotName = 'deliveryFastPath' | 'deliveryState' | 'catalogGenerations' | 'authLimiters'

export declare const SLOT_NAMES: readonly SlotName[]

export type ProcessSlot<T> = {
  /** The value, or undefined before its owner has set or created it. */
  get(): T | undefined
  set(value: T): void
  /** The value, created when there is none by whichever copy of the owner asks first. */
  getOrCreate(create: () => T): T
}

/**
 * The named slot. T is given by the slot's owner, the one module that passes
 * it (its type lives with it, so this module depends on nothing).
 */
export declare function processSlot<T>(name: SlotName): ProcessSlot<T>
