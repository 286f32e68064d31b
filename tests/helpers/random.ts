/**
 * A small seeded pseudo-random generator for fuzz tests: the same seed gives
 * the same sequence on every machine, so a failing run can be repeated
 * exactly (mulberry32: 32-bit state, good enough spread for test inputs).
 */

/** mulberry32: a function returning floats in [0, 1), determined by the seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** True with the given probability (default one half). */
  bool(probability?: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** One element, chosen in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** Between min and max distinct elements, in random order. */
  some<T>(items: readonly T[], min?: number, max?: number): T[]
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[]
  /** A string of `length` characters from `alphabet`. */
  string(length: number, alphabet?: string): string
}

const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function createRandom(seed: number): Random {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick: the list is empty')
    return items[int(0, items.length - 1)]!
  }
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i)
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  }
  return {
    seed,
    next,
    int,
    bool: (probability = 0.5) => next() < probability,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      if (!(total > 0)) throw new Error('weighted: no positive weight')
      let roll = next() * total
      for (const [value, weight] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      return entries.at(-1)![0]
    },
    some: <T>(items: readonly T[], min = 1, max = items.length): T[] => shuffle(items).slice(0, int(Math.min(min, items.length), Math.min(max, items.length))),
    shuffle,
    string: (length: number, alphabet = ALPHANUMERIC) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
  }
}

/**
 * The seed of a fuzz run: `FUZZ_SEED` from the environment when set (to
 * repeat a failing run), otherwise the test's fixed default.
 */
export function fuzzSeed(fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env.FUZZ_SEED?.trim()
  if (!raw) return fallback
  const parsed = Number(raw)
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0xffffffff) throw new Error(`FUZZ_SEED måste vara ett heltal 0–4294967295, inte "${raw}".`)
  return parsed
}
