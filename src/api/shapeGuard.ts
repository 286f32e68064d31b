/**
 * Checks a create or update body against the collection's fields before
 * Payload sees it: a value of the wrong kind (an object where a text
 * belongs, `{ "$ne": null }` as a title, a string of roles) is refused with
 * the field named. Payload's own validators look at lengths and options,
 * not at kinds: a title `123` was stored as "123", roles `"admin"` became
 * no roles at all, and an object in a text field reached the database (500).
 */
import type { FlattenedField } from 'payload'
import { swedishLabel } from '@/fields/labels'

import type { GuardRefusal } from './refusal'

export type IdKind = 'number' | 'text' | 'ObjectID'

export type ShapeOptions = {
  idKind: IdKind
  /** JSON from API clients: every kind checked. Form data from the admin: only objects and lists where a single value belongs. */
  strict: boolean
}

type Field = FlattenedField & {
  hasMany?: boolean
  relationTo?: string | string[]
  flattenedFields?: FlattenedField[]
  blocks?: ({ slug: string; flattenedFields: FlattenedField[] } | string)[]
  label?: unknown
}

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'en lista'
      : typeof value === 'object'
        ? 'ett objekt'
        : typeof value === 'string'
          ? 'en text'
          : typeof value === 'number'
            ? 'ett tal'
            : typeof value === 'boolean'
              ? 'sant/falskt'
              : typeof value

const labelOf = (field: Field): string => swedishLabel('label' in field ? field.label : undefined) ?? field.name

const ID_PATTERNS: Record<IdKind, RegExp> = {
  number: /^\d{1,15}$/,
  ObjectID: /^[0-9a-f]{24}$/i,
  // Custom text ids: no slashes (they would be paths), checked for control characters below.
  text: /^[^/\\]{1,200}$/,
}

const hasControlCharacter = (value: string) => [...value].some((char) => char.charCodeAt(0) < 0x20)

/** A document id of the adapter's kind (numbers may come as digit strings). */
export function isValidId(value: unknown, kind: IdKind): boolean {
  if (kind === 'number' && typeof value === 'number') return Number.isSafeInteger(value) && value > 0
  return typeof value === 'string' && ID_PATTERNS[kind].test(value) && !hasControlCharacter(value)
}

function refuse(field: Field, path: string[], expected: string, value: unknown): GuardRefusal {
  const at = path.join('.')
  return { status: 400, field: at, message: `Fältet "${labelOf(field)}" (${at}) ska vara ${expected}, inte ${kindOf(value)}.` }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

function checkRelationshipValue(field: Field, value: unknown, path: string[], options: ShapeOptions): GuardRefusal | null {
  const targets = field.relationTo
  if (Array.isArray(targets)) {
    if (!isPlainObject(value) || typeof value.relationTo !== 'string') {
      return refuse(field, path, `ett objekt { "relationTo": ${targets.map((t) => `"${t}"`).join(' eller ')}, "value": id }`, value)
    }
    if (!targets.includes(value.relationTo)) {
      const at = path.join('.')
      return {
        status: 400,
        field: at,
        message: `Fältet "${labelOf(field)}" (${at}) kan bara peka på ${targets.map((t) => `"${t}"`).join(' eller ')}, inte på "${value.relationTo}".`,
      }
    }
    const id = isPlainObject(value.value) ? value.value.id : value.value
    return isValidId(id, options.idKind) ? null : refuse(field, [...path, 'value'], 'ett id', value.value)
  }
  const id = isPlainObject(value) && 'id' in value ? value.id : value
  return isValidId(id, options.idKind) ? null : refuse(field, path, 'ett id', value)
}

/** Checks `data` against `fields`; the first problem found, or null. */
export function checkShape(data: Record<string, unknown>, fields: readonly FlattenedField[], options: ShapeOptions, path: string[] = []): GuardRefusal | null {
  for (const plain of fields) {
    const field = plain as Field
    if (!('name' in field) || !(field.name in data)) continue
    const value = data[field.name]
    if (value === null || value === undefined) continue
    const here = [...path, field.name]
    const scalarPlace = !Array.isArray(value) && typeof value !== 'object'
    const problem = ((): GuardRefusal | null => {
      switch (field.type) {
        case 'text':
        case 'textarea':
        case 'email':
        case 'code':
        case 'select':
        case 'radio':
        case 'date': {
          const expected = field.type === 'date' ? 'ett datum (text, t.ex. 2024-05-01)' : 'en text'
          if (field.hasMany) {
            if (!Array.isArray(value)) return refuse(field, here, `en lista med ${field.type === 'select' ? 'val' : 'texter'}`, value)
            const wrong = value.findIndex((item) => typeof item !== 'string' && (options.strict || !scalarOk(item)))
            return wrong === -1 ? null : refuse(field, [...here, String(wrong)], expected, value[wrong])
          }
          if (options.strict ? typeof value !== 'string' : !scalarPlace) return refuse(field, here, expected, value)
          return null
        }
        case 'number': {
          const ok = (item: unknown) => (options.strict ? typeof item === 'number' : scalarOk(item))
          if (field.hasMany) {
            if (!Array.isArray(value)) return refuse(field, here, 'en lista med tal', value)
            const wrong = value.findIndex((item) => !ok(item))
            return wrong === -1 ? null : refuse(field, [...here, String(wrong)], 'ett tal', value[wrong])
          }
          return ok(value) ? null : refuse(field, here, 'ett tal', value)
        }
        case 'checkbox':
          return (options.strict ? typeof value === 'boolean' : scalarPlace) ? null : refuse(field, here, 'sant eller falskt (true/false)', value)
        case 'relationship':
        case 'upload': {
          if (field.hasMany) {
            if (!Array.isArray(value)) return refuse(field, here, 'en lista', value)
            for (const [index, item] of value.entries()) {
              const itemProblem = checkRelationshipValue(field, item, [...here, String(index)], options)
              if (itemProblem) return itemProblem
            }
            return null
          }
          return checkRelationshipValue(field, value, here, options)
        }
        case 'richText':
          return isPlainObject(value) && isPlainObject(value.root) ? null : refuse(field, here, 'formaterad text (ett objekt med "root")', value)
        case 'array': {
          // The admin's form sends an empty list as its row count (0): lenient mode lets Payload read it.
          if (!options.strict && typeof value === 'number') return null
          if (!Array.isArray(value)) return refuse(field, here, 'en lista', value)
          for (const [index, item] of value.entries()) {
            if (!isPlainObject(item)) return refuse(field, [...here, String(index)], 'ett objekt', item)
            const inner = checkShape(item, field.flattenedFields ?? [], options, [...here, String(index)])
            if (inner) return inner
          }
          return null
        }
        case 'blocks': {
          if (!options.strict && typeof value === 'number') return null
          if (!Array.isArray(value)) return refuse(field, here, 'en lista med block', value)
          const blocks = (field.blocks ?? []).filter((block) => typeof block !== 'string') as { slug: string; flattenedFields: FlattenedField[] }[]
          for (const [index, item] of value.entries()) {
            const at = [...here, String(index)]
            if (!isPlainObject(item)) return refuse(field, at, 'ett block (ett objekt med "blockType")', item)
            const block = blocks.find((candidate) => candidate.slug === item.blockType)
            if (!block) {
              // Block references (strings) are not resolved here: leave those to Payload.
              if (blocks.length < (field.blocks ?? []).length) continue
              const where = at.join('.')
              return {
                status: 400,
                field: `${where}.blockType`,
                message: `Blocktypen ${typeof item.blockType === 'string' ? `"${item.blockType}"` : 'saknas'} i fältet "${labelOf(field)}" (${where}): tillåtna är ${blocks.map((b) => `"${b.slug}"`).join(', ')}.`,
              }
            }
            const inner = checkShape(item, block.flattenedFields, options, at)
            if (inner) return inner
          }
          return null
        }
        case 'group':
        case 'tab': {
          if (!isPlainObject(value)) return refuse(field, here, 'ett objekt', value)
          return checkShape(value, field.flattenedFields ?? [], options, here)
        }
        case 'point':
          return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number') ? null : refuse(field, here, 'två tal [longitud, latitud]', value)
        default:
          return null
      }
    })()
    if (problem) return problem
  }
  return null
}

function scalarOk(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}
