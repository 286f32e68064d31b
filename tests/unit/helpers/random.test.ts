import { describe, expect, it } from 'vitest'

import { createRandom, fuzzSeed, mulberry32 } from '../../helpers/random'

/** The published reference implementation of mulberry32, written independently of ours. */
function referenceMulberry32(a: number) {
  return function () {
    let t = (a += 0x6d2b79f5)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const take = (random: () => number, count: number) => Array.from({ length: count }, () => random())

describe('mulberry32', () => {
  it('is the reference algorithm, so a printed seed repeats a run on any machine', () => {
    for (const seed of [0, 1, 12345, 0x7fffffff, 0xffffffff]) expect(take(mulberry32(seed), 1000)).toEqual(take(referenceMulberry32(seed), 1000))
    expect(take(mulberry32(12345), 3)).toEqual([0.9797282677609473, 0.3067522644996643, 0.484205421525985])
  })

  it('stays in [0, 1) and differs between seeds', () => {
    const values = take(mulberry32(7), 5000)
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(take(mulberry32(8), 20)).not.toEqual(values.slice(0, 20))
  })
})

describe('createRandom', () => {
  const run = (seed: number) => {
    const random = createRandom(seed)
    return [
      random.int(0, 100),
      random.bool(),
      random.pick(['a', 'b', 'c', 'd']),
      random.weighted([
        ['x', 1],
        ['y', 3],
      ] as const),
      random.some([1, 2, 3, 4, 5, 6], 2, 4),
      random.shuffle([1, 2, 3, 4, 5, 6, 7, 8]),
      random.string(12),
    ]
  }

  it('gives the same choices for the same seed, and other choices for another', () => {
    expect(run(42)).toEqual(run(42))
    expect(run(42)).not.toEqual(run(43))
  })

  it('keeps every helper within its bounds', () => {
    const random = createRandom(99)
    for (let i = 0; i < 2000; i++) {
      const n = random.int(-3, 3)
      expect(n).toBeGreaterThanOrEqual(-3)
      expect(n).toBeLessThanOrEqual(3)
      expect(Number.isInteger(n)).toBe(true)
    }
    const seen = new Set(Array.from({ length: 500 }, () => random.int(1, 4)))
    expect([...seen].sort()).toEqual([1, 2, 3, 4])
    const shuffled = random.shuffle([1, 2, 3, 4, 5])
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5])
    const some = random.some(['a', 'b', 'c', 'd', 'e'], 2, 3)
    expect(some.length).toBeGreaterThanOrEqual(2)
    expect(some.length).toBeLessThanOrEqual(3)
    expect(new Set(some).size).toBe(some.length)
    expect(random.string(20, 'xy')).toMatch(/^[xy]{20}$/)
    expect(() => random.pick([])).toThrow(/empty/)
  })

  it('weights choices: a zero weight is never picked, a heavy one most often', () => {
    const random = createRandom(5)
    const counts = { never: 0, rare: 0, often: 0 }
    for (let i = 0; i < 4000; i++) {
      counts[
        random.weighted([
          ['never', 0],
          ['rare', 1],
          ['often', 9],
        ] as const)
      ]++
    }
    expect(counts.never).toBe(0)
    expect(counts.often).toBeGreaterThan(counts.rare * 5)
  })
})

describe('fuzzSeed', () => {
  it('uses FUZZ_SEED when set, the fixed default otherwise, and refuses a seed that is not a 32-bit integer', () => {
    expect(fuzzSeed(17, {})).toBe(17)
    expect(fuzzSeed(17, { FUZZ_SEED: ' ' })).toBe(17)
    expect(fuzzSeed(17, { FUZZ_SEED: '4242' })).toBe(4242)
    for (const bad of ['abc', '-1', '1.5', '4294967296']) expect(() => fuzzSeed(17, { FUZZ_SEED: bad })).toThrow(/FUZZ_SEED/)
  })
})
