/**
 * The project's import graph, read from the source text: which file imports
 * which, resolved the way tsconfig.json resolves them (`@/`, `@collections/`,
 * `@payload-config`, relative paths, index files). Type-only imports count too:
 * a type is a dependency a reader follows. Used by `npm run architecture` and
 * by tests/unit/architecture.test.ts, which hold the layers in place.
 */
import fs from 'node:fs'
import path from 'node:path'

export type ImportGraph = Map<string, Set<string>>

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js']
const SPECIFIER = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])import\s+['"]([^'"]+)['"]/g

/** Every import specifier written in one file's text (comments stripped, so examples in prose do not count). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const found: string[] = []
  for (const match of code.matchAll(SPECIFIER)) found.push((match[1] ?? match[2] ?? match[3])!)
  return found
}

export type Aliases = Record<string, string>

/** tsconfig's `paths`: `@/*` → `src/*` and the like, relative to the root. */
export const PROJECT_ALIASES: Aliases = { '@/': 'src/', '@collections/': 'collections/', '@payload-config': 'payload.config.ts' }

/**
 * The project file a specifier names, relative to the root, or null for a
 * package. `exists` is injectable so the resolution is tested without files.
 */
export function resolveSpecifier(fromFile: string, specifier: string, exists: (file: string) => boolean, aliases: Aliases = PROJECT_ALIASES): string | null {
  let target: string | null = null
  if (specifier.startsWith('.')) target = path.posix.join(path.posix.dirname(fromFile), specifier)
  else {
    for (const [alias, replacement] of Object.entries(aliases)) {
      if (specifier === alias || (alias.endsWith('/') && specifier.startsWith(alias))) {
        target = replacement + specifier.slice(alias.length)
        break
      }
    }
  }
  if (target === null) return null
  const withoutJs = target.replace(/\.js$/, '')
  const candidates = [target, ...SOURCE_EXTENSIONS.map((ext) => withoutJs + ext), ...SOURCE_EXTENSIONS.map((ext) => `${target}/index${ext}`)]
  return candidates.find(exists) ?? target
}

/** The graph of every source file under `folders` (relative to `root`). */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files: string[] = []
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = path.posix.join(folder, entry.name)
      if (entry.isDirectory()) walk(relative)
      else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.d.mts')) files.push(relative)
    }
  }
  for (const folder of folders) {
    if (fs.existsSync(path.join(root, folder))) {
      if (fs.statSync(path.join(root, folder)).isDirectory()) walk(folder)
      else files.push(folder)
    }
  }
  const known = new Set(files)
  const exists = (file: string) => known.has(file)
  const graph: ImportGraph = new Map()
  for (const file of files) {
    const targets = new Set<string>()
    for (const specifier of importSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))) {
      const target = resolveSpecifier(file, specifier, exists)
      if (target && known.has(target) && target !== file) targets.add(target)
    }
    graph.set(file, targets)
  }
  return graph
}

/** Each import cycle once, as the files in order (Tarjan's strongly connected components of more than one file). */
export function importCycles(graph: ImportGraph): string[][] {
  let index = 0
  const indices = new Map<string, number>()
  const lowlinks = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (file: string) => {
    indices.set(file, index)
    lowlinks.set(file, index)
    index += 1
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!indices.has(target)) {
        visit(target)
        lowlinks.set(file, Math.min(lowlinks.get(file)!, lowlinks.get(target)!))
      } else if (onStack.has(target)) lowlinks.set(file, Math.min(lowlinks.get(file)!, indices.get(target)!))
    }
    if (lowlinks.get(file) === indices.get(file)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== file)
      if (component.length > 1) cycles.push(component.sort())
    }
  }
  for (const file of [...graph.keys()].sort()) if (!indices.has(file)) visit(file)
  return cycles
}

/** A layer: the folders (prefixes relative to the root) it holds. Layers are listed from the bottom up. */
export type Layer = { name: string; folders: readonly string[] }

export type UpwardImport = { from: string; to: string; fromLayer: string; toLayer: string }

const layerOf = (file: string, layers: readonly Layer[]): number =>
  layers.findIndex((layer) => layer.folders.some((folder) => file === folder || file.startsWith(folder.endsWith('/') ? folder : `${folder}/`)))

/** Imports from a file to one in a higher layer (files in no layer are not judged). */
export function upwardImports(graph: ImportGraph, layers: readonly Layer[]): UpwardImport[] {
  const found: UpwardImport[] = []
  for (const [from, targets] of graph) {
    const fromLayer = layerOf(from, layers)
    if (fromLayer < 0) continue
    for (const to of targets) {
      const toLayer = layerOf(to, layers)
      if (toLayer > fromLayer) found.push({ from, to, fromLayer: layers[fromLayer]!.name, toLayer: layers[toLayer]!.name })
    }
  }
  return found.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
}
