/**
 * `npm run architecture`: the figures that say whether the code keeps to its
 * layers (scripts/lib/architecture.ts): import cycles, imports that go up a
 * layer, files under src/ that reach into collections/, process-wide
 * `Symbol.for` hand-offs and `as unknown as` casts. Prints; changes nothing.
 */
import { LAYERS, measureArchitecture } from './lib/architecture'

const sum = (entries: { count: number }[]) => entries.reduce((total, entry) => total + entry.count, 0)

const figures = measureArchitecture(process.cwd())
const lines = [
  `Källfiler: ${figures.files}`,
  `Lager nerifrån och upp: ${LAYERS.map((layer) => layer.name).join(' → ')}`,
  `Importcykler: ${figures.cycles.length}`,
  ...figures.cycles.map((cycle) => `  ${cycle.join(' ↔ ')}`),
  `Importer uppåt: ${figures.upward.length}`,
  ...figures.upward.map((entry) => `  ${entry.from} (${entry.fromLayer}) → ${entry.to} (${entry.toLayer})`),
  `Filer i src/ som importerar collections/ eller konfigurationen: ${figures.importingCollections.length}`,
  ...figures.importingCollections.map((file) => `  ${file}`),
  `Symbol.for: ${sum(figures.symbolFor)} i ${figures.symbolFor.length} filer`,
  ...figures.symbolFor.map((entry) => `  ${entry.file}: ${entry.count}`),
  `"as unknown as": ${sum(figures.unknownCasts)} i ${figures.unknownCasts.length} filer`,
  ...figures.unknownCasts.map((entry) => `  ${entry.file}: ${entry.count}`),
]
console.log(lines.join('\n'))
