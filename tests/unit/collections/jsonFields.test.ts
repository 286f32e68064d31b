/**
 * Payload's JSON and code fields render Monaco, which @monaco-editor/loader
 * fetches from cdn.jsdelivr.net: offline it never appears, and no admin page
 * may load code from a third party. Every such field in our collections
 * must have a component of its own (src/admin/ReadOnlyJsonField,
 * JsonTextField, AuditLogField), read from the sanitized config so a field
 * added later must follow.
 */
import type { Field, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

let config: SanitizedConfig

beforeAll(async () => {
  config = await (await import('@payload-config')).default
})

type Walked = { path: string; type: string; field: Field }

function walk(fields: readonly Field[], prefix: string): Walked[] {
  return fields.flatMap((field): Walked[] => {
    const any = field as Field & { name?: string; fields?: Field[]; tabs?: Array<{ name?: string; fields: Field[] }>; blocks?: Array<{ slug: string; fields: Field[] } | string> }
    const path = any.name ? `${prefix}.${any.name}` : prefix
    return [
      { path, type: field.type, field },
      ...walk(any.fields ?? [], path),
      ...(any.tabs ?? []).flatMap((tab) => walk(tab.fields, tab.name ? `${path}.${tab.name}` : path)),
      ...(any.blocks ?? []).flatMap((block) => (typeof block === 'string' ? [] : walk(block.fields, `${path}.${block.slug}`))),
    ]
  })
}

const customField = (field: Field) => Boolean((field.admin as { components?: { Field?: unknown } } | undefined)?.components?.Field)

describe('no JSON or code editor from a CDN in the admin', () => {
  it('every JSON and code field in a collection the admin shows has its own component', () => {
    // Payload's own collections (jobs, preferences, migrations, …) are hidden from the admin.
    const shown = config.collections.filter((collection) => !(collection.slug.startsWith('payload-') && collection.admin?.hidden === true))
    const editors = shown.flatMap((collection) => walk(collection.fields, collection.slug)).filter((entry) => entry.type === 'json' || entry.type === 'code')
    // Not vacuous: the audit log's details and a results mapping are among them.
    expect(editors.map((entry) => entry.path)).toEqual(expect.arrayContaining(['audit-log.details', 'result-mappings.mapping']))
    expect(editors.filter((entry) => !customField(entry.field)).map((entry) => entry.path)).toEqual([])
  })
})
