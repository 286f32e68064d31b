/**
 * Random Payload REST queries: `where`, `select`, `populate`, `depth`,
 * `draft`, `sort`, … in the bracket syntax Payload parses (qs), built from a
 * collection's real field paths so the queries reach real columns.
 */
import type { Payload } from 'payload'

import type { Random } from './random'

type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue }

const encode = (text: string, rawBrackets: boolean) => {
  const encoded = encodeURIComponent(text)
  return rawBrackets ? encoded.replace(/%5B/g, '[').replace(/%5D/g, ']') : encoded
}

/**
 * `{ where: { or: [{ title: { like: 'x' } }] } }` → `where[or][0][title][like]=x`,
 * the syntax of qs (which Payload uses). With `rawBrackets` the brackets stay
 * unencoded, as browsers and people often send them; both parse the same.
 */
export function toQueryString(params: Record<string, QueryValue>, rawBrackets = true): string {
  const pairs: string[] = []
  const walk = (key: string, value: QueryValue) => {
    if (value === undefined) return
    if (value === null) pairs.push(`${encode(key, rawBrackets)}=`)
    else if (Array.isArray(value)) value.forEach((item, index) => walk(`${key}[${index}]`, item))
    else if (typeof value === 'object') for (const [child, item] of Object.entries(value)) walk(`${key}[${child}]`, item)
    else pairs.push(`${encode(key, rawBrackets)}=${encodeURIComponent(String(value))}`)
  }
  for (const [key, value] of Object.entries(params)) walk(key, value)
  return pairs.join('&')
}

type AnyField = {
  name?: string
  type: string
  relationTo?: string | string[]
  flattenedFields?: AnyField[]
  fields?: AnyField[]
  blocks?: { flattenedFields?: AnyField[]; fields?: AnyField[] }[]
}

export type FieldPath = { path: string; type: string }

/**
 * Every queryable path of a collection: plain fields, fields inside groups,
 * arrays and blocks (`body.bullets.local`), and one level into related
 * collections (`section.title`), as Payload's `where` accepts them.
 */
export function fieldPaths(payload: Payload, slug: string, followRelations = true): FieldPath[] {
  const collections = payload.collections as unknown as Record<string, { config: { flattenedFields: AnyField[] } }>
  const paths: FieldPath[] = [
    { path: 'id', type: 'id' },
    { path: 'createdAt', type: 'date' },
    { path: 'updatedAt', type: 'date' },
  ]
  const walk = (fields: AnyField[], prefix: string, depth: number) => {
    for (const field of fields) {
      if (!field.name) {
        if (field.flattenedFields || field.fields) walk(field.flattenedFields ?? field.fields!, prefix, depth)
        continue
      }
      const path = `${prefix}${field.name}`
      if (['group', 'array', 'tab', 'collapsible', 'row'].includes(field.type) && (field.flattenedFields || field.fields)) {
        walk(field.flattenedFields ?? field.fields!, `${path}.`, depth)
      } else if (field.type === 'blocks') {
        paths.push({ path: `${path}.blockType`, type: 'text' })
        for (const block of field.blocks ?? []) walk(block.flattenedFields ?? block.fields ?? [], `${path}.`, depth)
      } else {
        paths.push({ path, type: field.type })
        const related = typeof field.relationTo === 'string' ? collections[field.relationTo] : undefined
        if (followRelations && depth === 0 && related && (field.type === 'relationship' || field.type === 'upload')) {
          walk(related.config.flattenedFields, `${path}.`, 1)
        }
        if (Array.isArray(field.relationTo)) {
          paths.push({ path: `${path}.relationTo`, type: 'text' }, { path: `${path}.value`, type: 'id' })
        }
      }
    }
  }
  const collection = collections[slug]
  if (collection) walk(collection.config.flattenedFields, '', 0)
  return [...new Map(paths.map((entry) => [entry.path, entry])).values()]
}

export const WHERE_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'near',
  'within',
  'intersects',
] as const

/** What a fuzzer may put into values: the test adds known ids, slugs and marker fragments. */
export type ValuePools = { ids: readonly (string | number)[]; slugs: readonly string[]; strings: readonly string[] }

const ODD_STRINGS = [
  'draft',
  'published',
  'inReview',
  'approved',
  'changesRequested',
  'unpublished',
  '',
  ' ',
  '%',
  '_',
  '*',
  'null',
  'true',
  '0',
  '-1',
  'ÅÄÖ åäö',
  '🙂',
  "' OR 1=1 --",
  '"; DROP TABLE areas; --',
  '{"$ne":null}',
  '$where',
  '\\',
  '../..',
  'a'.repeat(600),
  '2020-01-01T00:00:00.000Z',
  '9999-12-31',
  '1e309',
  'NaN',
]

export function randomScalar(random: Random, pools: ValuePools, type = 'text'): QueryValue {
  const kind = random.weighted([
    ['pool', 4],
    ['id', type === 'id' || type === 'relationship' ? 6 : 1],
    ['slug', 1],
    ['number', type === 'number' ? 5 : 1],
    ['date', type === 'date' ? 5 : 1],
    ['bool', type === 'checkbox' ? 5 : 1],
    ['odd', 3],
  ] as const)
  switch (kind) {
    case 'pool':
      return pools.strings.length ? random.pick(pools.strings) : random.pick(ODD_STRINGS)
    case 'id':
      return pools.ids.length ? random.pick(pools.ids) : random.int(1, 50)
    case 'slug':
      return pools.slugs.length ? random.pick(pools.slugs) : 'x'
    case 'number':
      return random.pick([0, 1, -1, 42, 2023, 3.5, 1e12, random.int(0, 100)])
    case 'date':
      return new Date(Date.UTC(2000 + random.int(0, 40), random.int(0, 11), random.int(1, 28))).toISOString()
    case 'bool':
      return random.bool()
    default:
      return random.pick(ODD_STRINGS)
  }
}

function randomOperand(random: Random, pools: ValuePools, operator: string, type: string): QueryValue {
  if (operator === 'exists') return random.pick([true, false, 'true', 'false', 'maybe'])
  if (operator === 'in' || operator === 'not_in' || operator === 'all') {
    return random.bool(0.8) ? Array.from({ length: random.int(1, 4) }, () => randomScalar(random, pools, type)) : String(randomScalar(random, pools, type))
  }
  if (operator === 'near') return random.pick(['15.3,56.6', '15.3,56.6,1000,0', 'x,y', String(randomScalar(random, pools, type))])
  if (operator === 'within' || operator === 'intersects') {
    return random.bool() ? { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } : String(randomScalar(random, pools, type))
  }
  return randomScalar(random, pools, type)
}

/** A random `where`: conditions on real paths, nested and/or, with the occasional unknown operator or field. */
export function randomWhere(random: Random, paths: readonly FieldPath[], pools: ValuePools, depth = 0): Record<string, QueryValue> {
  const roll = random.next()
  if (depth < 3 && roll < 0.3) {
    const key = random.pick(['and', 'or', 'AND', 'OR'])
    return { [key]: Array.from({ length: random.int(1, 3) }, () => randomWhere(random, paths, pools, depth + 1)) }
  }
  const field = random.bool(0.92) ? random.pick(paths) : { path: random.pick(['version._status', 'parent', 'latest', 'password', 'hash', 'salt', 'nope.nope', '__proto__']), type: 'text' }
  const operator = random.bool(0.95) ? random.pick(WHERE_OPERATORS) : random.pick(['regex', '$ne', 'equals ', 'EQUALS'])
  const condition: Record<string, QueryValue> = { [field.path]: { [operator]: randomOperand(random, pools, operator, field.type) } }
  // Sometimes two conditions side by side: an implicit "and".
  if (random.bool(0.2)) {
    const other = random.pick(paths)
    condition[other.path] = { [random.pick(WHERE_OPERATORS)]: randomOperand(random, pools, 'equals', other.type) }
  }
  return condition
}

const DRAFT_VALUES = ['true', 'false', '1', '0', 'yes', 'garbage', '', 'TRUE', 'null', 'undefined', '[object Object]']

/** A random REST query string for a collection (may be empty). */
export function randomRestQuery(random: Random, paths: readonly FieldPath[], pools: ValuePools, slugs: readonly string[]): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {}
  const maybe = (probability: number, set: () => void) => random.bool(probability) && set()
  maybe(0.55, () => (params.where = randomWhere(random, paths, pools)))
  maybe(0.55, () => (params.draft = random.pick(DRAFT_VALUES)))
  maybe(0.6, () => (params.depth = random.bool(0.9) ? random.int(0, 5) : random.pick(['-1', '99', 'abc', '2.5'])))
  maybe(0.3, () => (params.select = Object.fromEntries(random.some(paths, 1, 4).map((path) => [path.path.split('.')[0]!, random.pick(['true', 'false', true])]))))
  maybe(0.25, () => (params.populate = Object.fromEntries(random.some(slugs, 1, 3).map((slug) => [slug, Object.fromEntries(random.some(paths, 1, 2).map((path) => [path.path.split('.')[0]!, 'true']))]))))
  maybe(0.3, () => (params.sort = random.bool(0.8) ? `${random.bool() ? '-' : ''}${random.pick(paths).path}` : random.pick(['title,-createdAt', '__proto__', ''])))
  maybe(0.2, () => (params.locale = random.pick(['all', 'sv', 'en', '*', 'xx', ''])))
  maybe(0.1, () => (params['fallback-locale'] = random.pick(['none', 'sv', 'all'])))
  maybe(0.25, () => (params.limit = random.pick(['0', '1', '5', '100', '-1', '1000000', 'x'])))
  maybe(0.15, () => (params.page = random.pick(['1', '2', '0', '-3', '99999', 'x'])))
  maybe(0.1, () => (params.pagination = random.pick(['false', 'true', '0'])))
  maybe(0.1, () => (params.joins = random.pick([false, 'false', { areas: { limit: '5' } }, { members: { where: { _status: { equals: 'draft' } } } }])))
  maybe(0.1, () => (params.trash = random.pick(['true', 'false', '1'])))
  maybe(0.05, () => (params.showHiddenFields = 'true'))
  maybe(0.05, () => (params.overrideAccess = 'true'))
  maybe(0.05, () => (params.preview = 'true'))
  return params
}
