/**
 * Which fields a save changed, in the Swedish labels the edit view shows, for
 * the audit log's "Ändrade fält". Pure: the fields to compare come from the
 * collection's config (./fields.ts), the documents from the hook.
 */
import { normaliseContent } from '@/domain/publishDates'
import { relationId } from '@/domain/relations'

/** A top-level field a person edits, as the audit log names it. */
export type ComparedField = {
  name: string
  /** Swedish label, e.g. 'Titel'. */
  label: string
  kind: 'value' | 'relation' | 'blocks'
  /** For blocks: each block type's Swedish name, e.g. { resultSet: 'Resultat' }. */
  blockLabels?: Readonly<Record<string, string>>
}

type Block = { id?: unknown; blockType?: unknown; surveyYear?: unknown; heading?: unknown; [key: string]: unknown }

/** Any stored shape (a generated `Area`, a version, a hook's previousDoc). */
type Doc = object | null | undefined

const same = (a: unknown, b: unknown): boolean => JSON.stringify(normaliseContent(a) ?? null) === JSON.stringify(normaliseContent(b) ?? null)

/** A relationship's ids however it arrives (populated, bare, polymorphic { relationTo, value }, hasMany); empty is null. */
function relationIds(value: unknown): string | null {
  if (Array.isArray(value)) return value.length ? JSON.stringify(value.map(relationIds)) : null
  if (value && typeof value === 'object' && 'relationTo' in value) {
    const { relationTo, value: target } = value as { relationTo: unknown; value: unknown }
    return `${String(relationTo)}:${relationId(target)}`
  }
  return relationId(value)
}

const blocksOf = (value: unknown): Block[] => (Array.isArray(value) ? (value.filter((block) => block && typeof block === 'object') as Block[]) : [])

/**
 * A block as an editor knows it: a result set by its year ("Resultat 2023"),
 * a section by its heading ("Textavsnitt "Sammanfattning""), else by its
 * place among blocks of its type ("OBS-ruta 2").
 */
function blockName(block: Block, blocks: readonly Block[], labels: Readonly<Record<string, string>>): string {
  const type = String(block.blockType ?? '')
  const label = labels[type] ?? type
  if (typeof block.surveyYear === 'number') return `${label} ${block.surveyYear}`
  if (typeof block.heading === 'string' && block.heading.trim() && type !== 'resultSet') return `${label} "${block.heading.trim()}"`
  const position = blocks.filter((other) => other.blockType === block.blockType).indexOf(block) + 1
  return `${label} ${position}`
}

/** What identifies a block to an editor when row ids do not match: a result set's year, a section's heading. */
function identity(block: Block): string | null {
  if (typeof block.surveyYear === 'number') return `${String(block.blockType)}:${block.surveyYear}`
  if (typeof block.heading === 'string' && block.heading.trim()) return `${String(block.blockType)}:"${block.heading.trim()}"`
  return null
}

/**
 * Pairs each new block with its old self: by row id (Payload keeps a row's id
 * across saves and restores), else by year or heading (a body sent without
 * ids, as the importer and API clients send it, gets new ids every time).
 */
function pairBlocks(previous: readonly Block[], next: readonly Block[]): Map<Block, Block> {
  const pairs = new Map<Block, Block>()
  const free = new Set(previous)
  for (const block of next) {
    const old = block.id != null ? previous.find((candidate) => free.has(candidate) && candidate.id != null && String(candidate.id) === String(block.id)) : undefined
    if (old) {
      pairs.set(block, old)
      free.delete(old)
    }
  }
  for (const block of next) {
    const key = identity(block)
    if (pairs.has(block) || !key) continue
    const old = [...free].find((candidate) => identity(candidate) === key)
    if (old) {
      pairs.set(block, old)
      free.delete(old)
    }
  }
  return pairs
}

/**
 * The blocks that changed, paired as above: "Innehåll: Resultat 2023", "Innehåll: nytt block …" for an
 * added one, "borttaget block …" for a removed one (the word "block" keeps
 * the grammatical gender right for every block type), "blockens ordning" when
 * only the order changed.
 */
function changedBlocks(field: ComparedField, before: unknown, after: unknown): string[] {
  const previous = blocksOf(before)
  const next = blocksOf(after)
  const labels = field.blockLabels ?? {}
  const pairs = pairBlocks(previous, next)
  const kept = new Set(pairs.values())
  const changes: string[] = []
  for (const block of next) {
    const old = pairs.get(block)
    if (!old) changes.push(`${field.label}: nytt block ${blockName(block, next, labels)}`)
    else if (!same(old, block)) changes.push(`${field.label}: ${blockName(block, next, labels)}`)
  }
  for (const block of previous) {
    if (!kept.has(block)) changes.push(`${field.label}: borttaget block ${blockName(block, previous, labels)}`)
  }
  const reordered = next.some((block, index) => pairs.get(block) !== previous[index])
  if (changes.length === 0 && reordered) changes.push(`${field.label}: blockens ordning`)
  return changes
}

/** The labels of the fields that differ between two versions of a document, in the fields' order; [] when none do. */
export function changedFields(previous: Doc, next: Doc, fields: readonly ComparedField[]): string[] {
  const before = (previous ?? {}) as Record<string, unknown>
  const after = (next ?? {}) as Record<string, unknown>
  return fields.flatMap((field) => {
    const a = before[field.name]
    const b = after[field.name]
    if (field.kind === 'blocks') return changedBlocks(field, a, b)
    if (field.kind === 'relation') return relationIds(a) === relationIds(b) ? [] : [field.label]
    return same(a, b) ? [] : [field.label]
  })
}
