import { describe, expect, it } from 'vitest'

import { importCycles, importSpecifiers, resolveSpecifier, upwardImports, type ImportGraph } from '../../../scripts/lib/importGraph'

describe('importSpecifiers', () => {
  it('finds static, re-export, type-only, side-effect and dynamic imports, not ones in comments', () => {
    const source = [
      "import { a } from './a'",
      "import type { B } from '@/b'",
      "export { c } from '../c'",
      "export * from './d'",
      "import './styles.css'",
      "const e = await import('./e')",
      '// import { f } from "./f"',
      "/* import g from './g' */",
      'import {',
      '  h,',
      "} from './h'",
    ].join('\n')
    expect(importSpecifiers(source)).toEqual(['./a', '@/b', '../c', './d', './styles.css', './e', './h'])
  })

  it('keeps a URL in a string (no comment there)', () => {
    expect(importSpecifiers("const url = 'https://x.se'\nimport { y } from './y'")).toEqual(['./y'])
  })
})

describe('resolveSpecifier', () => {
  const files = new Set(['src/a.ts', 'src/b/index.ts', 'collections/index.ts', 'payload.config.ts', 'src/server/csp.mjs'])
  const exists = (file: string) => files.has(file)

  it('resolves relative paths, aliases and index files; a package is null', () => {
    expect(resolveSpecifier('src/c/d.ts', '../a', exists)).toBe('src/a.ts')
    expect(resolveSpecifier('src/c/d.ts', '@/b', exists)).toBe('src/b/index.ts')
    expect(resolveSpecifier('src/a.ts', '@collections/index', exists)).toBe('collections/index.ts')
    expect(resolveSpecifier('src/a.ts', '@payload-config', exists)).toBe('payload.config.ts')
    expect(resolveSpecifier('src/server/x.mjs', './csp.mjs', exists)).toBe('src/server/csp.mjs')
    expect(resolveSpecifier('src/a.ts', 'payload', exists)).toBeNull()
  })
})

describe('importCycles and upwardImports', () => {
  const graph: ImportGraph = new Map([
    ['src/domain/a.ts', new Set(['src/domain/b.ts'])],
    ['src/domain/b.ts', new Set(['src/domain/a.ts', 'src/frontend/view.tsx'])],
    ['src/frontend/view.tsx', new Set(['src/domain/a.ts'])],
    ['src/other.ts', new Set(['src/domain/a.ts'])],
  ])

  it('reports each cycle once, with its files', () => {
    const cycles = importCycles(graph)
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toEqual(['src/domain/a.ts', 'src/domain/b.ts', 'src/frontend/view.tsx'])
    expect(importCycles(new Map([['x.ts', new Set(['y.ts'])], ['y.ts', new Set()]]))).toEqual([])
  })

  it('names the imports from a lower layer to a higher one; files in no layer are not judged', () => {
    const layers = [
      { name: 'domain', folders: ['src/domain'] },
      { name: 'frontend', folders: ['src/frontend'] },
    ]
    expect(upwardImports(graph, layers)).toEqual([{ from: 'src/domain/b.ts', to: 'src/frontend/view.tsx', fromLayer: 'domain', toLayer: 'frontend' }])
  })
})
