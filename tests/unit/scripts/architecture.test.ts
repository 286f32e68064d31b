import fs from 'node:fs'
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

describe("the README's layout table", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 1))

  it('names every folder of src/ and every top-level source file', () => {
    const entries = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
    const names = entries.map((entry) => (entry.isDirectory() ? `src/${entry.name}/` : `src/${entry.name}`))
    const missing = names.filter((name) => !layout.includes(name.replace(/\/$/, '')) )
    expect(missing).toEqual([])
  })

  it('names every layer of scripts/lib/architecture.ts', async () => {
    const { LAYERS } = await import('../../../scripts/lib/architecture')
    expect(LAYERS.filter((layer) => !layout.includes(`| ${layer.name} |`)).map((layer) => layer.name)).toEqual([])
  })
})

