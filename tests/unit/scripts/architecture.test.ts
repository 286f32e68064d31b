import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { measureArchitecture } from '../../../scripts/lib/architecture'

const ROOT = path.resolve(import.meta.dirname, '../../..')

// The layers in scripts/lib/architecture.ts, held on the real tree: a change that breaks one fails here with the imports named.
describe('the code keeps to its layers', () => {
  const figures = measureArchitecture(ROOT)

  it('reads the whole tree', () => {
    expect(figures.files).toBeGreaterThan(200)
  })

  it('has no import cycle', () => {
    expect(figures.cycles).toEqual([])
  })

  it('imports only from its own layer or the ones below', () => {
    expect(figures.upward.map((entry) => `${entry.from} (${entry.fromLayer}) → ${entry.to} (${entry.toLayer})`)).toEqual([])
  })

  it('reaches the collections and the config only from the routes and commands above them', () => {
    expect(figures.importingCollections).toEqual([])
  })

  it('hands values across module copies through one process-wide key', () => {
    expect(figures.symbolFor).toEqual([{ file: 'src/runtime/processSlots.mjs', count: 1 }])
  })
})
