/**
 * The fields the audit log compares, read from a collection's own config so
 * the names in "Ändrade fält" are the edit view's labels and nothing is
 * written twice. Pure: config in, list out.
 */
import type { Block, Field } from 'payload'

import { swedishLabel } from '@/fields/labels'
import type { ComparedField } from './changes'

/** Payload's own bookkeeping; a person never edits these. */
const BOOKKEEPING = new Set(['id', '_status', 'createdAt', 'updatedAt', 'deletedAt'])

/** What this reads of any field type. */
type AnyField = {
  type: Field['type']
  name?: string
  label?: unknown
  hidden?: boolean
  virtual?: boolean | string
  admin?: { hidden?: boolean; readOnly?: boolean; disabled?: boolean }
  fields?: Field[]
  tabs?: Array<{ name?: string; label?: unknown; fields: Field[] }>
  blocks?: Array<Block | string>
}

const RELATION_TYPES = new Set(['relationship', 'upload', 'join'])

function blockLabels(blocks: Array<Block | string> | undefined): Record<string, string> {
  return Object.fromEntries(
    (blocks ?? []).filter((block): block is Block => typeof block !== 'string').map((block) => [block.slug, swedishLabel(block.labels?.singular) ?? block.slug]),
  )
}

/**
 * The top-level fields a person edits: named, stored, shown and writable in
 * the edit view. Rows, collapsibles and unnamed tabs only lay fields out, so
 * their fields count as top-level; derived (read-only, virtual) and hidden
 * fields (revision, workflow facts, publish dates) are bookkeeping.
 */
export function comparedFields(fields: readonly Field[]): ComparedField[] {
  return (fields as readonly AnyField[]).flatMap((field): ComparedField[] => {
    if (field.type === 'row' || field.type === 'collapsible') return comparedFields(field.fields ?? [])
    if (field.type === 'tabs') return (field.tabs ?? []).flatMap((tab) => (tab.name ? comparedFields([{ ...tab, type: 'group' } as Field]) : comparedFields(tab.fields)))
    if (!field.name || field.type === 'ui' || BOOKKEEPING.has(field.name)) return []
    if (field.hidden || field.virtual || field.admin?.hidden || field.admin?.readOnly || field.admin?.disabled) return []
    const label = swedishLabel(field.label) ?? field.name
    if (field.type === 'blocks') return [{ name: field.name, label, kind: 'blocks', blockLabels: blockLabels(field.blocks) }]
    return [{ name: field.name, label, kind: RELATION_TYPES.has(field.type) ? 'relation' : 'value' }]
  })
}
