/**
 * Random GraphQL read queries, generated from the server's own schema
 * (introspection): root queries with random arguments (`draft`, `where`, ids),
 * nested selections through relationships and unions, aliases, named and
 * inline fragments, and variables.
 */
import {
  buildClientSchema,
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql'

import type { ValuePools } from './fuzzQuery'
import type { Random } from './random'

export const schemaFromIntrospection = (introspection: IntrospectionQuery): GraphQLSchema => buildClientSchema(introspection)

export type GraphqlRequest = { query: string; variables?: Record<string, unknown> }

type Context = {
  random: Random
  pools: ValuePools
  fragments: string[]
  variables: Record<string, unknown>
  variableDefinitions: string[]
  aliasCounter: number
}

const MAX_FIELDS = 6

/** A literal for an input type, as GraphQL source text. */
function inputLiteral(type: GraphQLInputType, ctx: Context, depth: number): string {
  const { random } = ctx
  const nullable = getNullableType(type) as GraphQLInputType
  if (isListType(nullable)) {
    return `[${Array.from({ length: random.int(1, 3) }, () => inputLiteral(nullable.ofType as GraphQLInputType, ctx, depth + 1)).join(', ')}]`
  }
  if (isEnumType(nullable)) return random.pick(nullable.getValues()).name
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields())
    const required = fields.filter((field) => isNonNullType(field.type))
    // An operator type (equals, like, …) takes one operator; a where type one or two fields; AND/OR only while shallow.
    const optional = fields.filter((field) => !isNonNullType(field.type) && (depth < 3 || !/^(AND|OR)$/.test(field.name)))
    const chosen = [...required, ...random.some(optional, required.length ? 0 : 1, /operator/i.test(nullable.name) ? 1 : 2)]
    return `{ ${chosen.map((field) => `${field.name}: ${inputLiteral(field.type, ctx, depth + 1)}`).join(', ')} }`
  }
  if (isScalarType(nullable)) return scalarLiteral(nullable.name, ctx)
  return 'null'
}

function scalarLiteral(name: string, ctx: Context): string {
  const { random, pools } = ctx
  switch (name) {
    case 'Boolean':
      return String(random.bool())
    case 'ID':
      return JSON.stringify(String(pools.ids.length ? random.pick(pools.ids) : 1))
    case 'Int':
    case 'Float':
      return String(random.bool(0.5) && pools.ids.length ? Number(random.pick(pools.ids)) || 1 : random.pick([0, 1, 2, 5, 10, 100, -1, 2023]))
    case 'DateTime':
      return JSON.stringify(new Date(Date.UTC(2000 + random.int(0, 40), random.int(0, 11), random.int(1, 28))).toISOString())
    case 'JSON':
    case 'JSONObject':
      return random.pick([JSON.stringify(random.pick(pools.strings)), '{ root: { children: [] } }', '[15.3, 56.6]', 'null'])
    default:
      return JSON.stringify(random.bool(0.8) ? random.pick(pools.strings) : random.pick(pools.slugs))
  }
}

/** Arguments for a field: required ones always, optional ones sometimes (`draft` often). */
function argumentsFor(args: readonly GraphQLArgument[], ctx: Context, idsForField: (string | number)[]): string {
  const { random } = ctx
  const parts: string[] = []
  for (const arg of args) {
    const required = isNonNullType(arg.type)
    const probability = arg.name === 'draft' ? 0.75 : arg.name === 'where' ? 0.5 : arg.name === 'id' ? 1 : 0.2
    if (!required && !random.bool(probability)) continue
    let value: string
    if (arg.name === 'id') {
      // Typed as the adapter's ids are (Int on SQLite, String on MongoDB): a literal of the wrong type fails validation and tests nothing.
      const numeric = ['Int', 'Float'].includes(getNamedType(arg.type).name)
      const id = idsForField.length && random.bool(0.9) ? random.pick(idsForField) : random.pick<string | number>(numeric ? [0, 999999, -1] : ['0', '999999', 'x', '-1', '1 OR 1=1'])
      value = numeric && Number.isFinite(Number(id)) ? String(Number(id)) : JSON.stringify(String(id))
    }
    else if (arg.name === 'draft' && random.bool(0.25)) {
      const variable = `d${ctx.variableDefinitions.length}`
      ctx.variableDefinitions.push(`$${variable}: Boolean`)
      ctx.variables[variable] = random.bool(0.8)
      value = `$${variable}`
    } else if (arg.name === 'draft') value = String(random.bool(0.85))
    else value = inputLiteral(arg.type, ctx, 0)
    parts.push(`${arg.name}: ${value}`)
  }
  return parts.length ? `(${parts.join(', ')})` : ''
}

function selection(type: GraphQLNamedType, ctx: Context, depth: number, maxDepth: number, idsFor: (type: GraphQLNamedType) => (string | number)[]): string {
  const { random } = ctx
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = isUnionType(type) ? type.getTypes() : []
    const parts = ['__typename', ...random.some(possible, 1, 3).map((member) => `... on ${member.name} { ${selection(member, ctx, depth, maxDepth, idsFor)} }`)]
    return parts.join(' ')
  }
  if (!isObjectType(type)) return ''
  const object = type as GraphQLObjectType
  const fields = Object.values(object.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.name === 'id'))
  const scalars = fields.filter((field) => !isObjectType(getNamedType(field.type)) && !isUnionType(getNamedType(field.type)))
  const nested = depth < maxDepth ? fields.filter((field) => isObjectType(getNamedType(field.type)) || isUnionType(getNamedType(field.type))) : []
  const chosen: GraphQLField<unknown, unknown>[] = [...random.some(scalars, 1, 4), ...random.some(nested, 0, 3)].slice(0, MAX_FIELDS)
  const parts = chosen.map((field) => {
    const named = getNamedType(field.type)
    const alias = random.bool(0.12) ? `a${++ctx.aliasCounter}: ` : ''
    const args = field.args.length ? argumentsFor(field.args, ctx, idsFor(named)) : ''
    if (!isObjectType(named) && !isUnionType(named)) return `${alias}${field.name}${args}`
    const inner = selection(named, ctx, depth + 1, maxDepth, idsFor) || '__typename'
    if (isObjectType(named) && random.bool(0.1)) {
      const fragment = `F${ctx.fragments.length + 1}`
      ctx.fragments.push(`fragment ${fragment} on ${named.name} { ${inner} }`)
      return `${alias}${field.name}${args} { ...${fragment} }`
    }
    return `${alias}${field.name}${args} { ${inner} }`
  })
  if (random.bool(0.08)) parts.push(`... on ${object.name} { __typename }`)
  return parts.join(' ') || '__typename'
}

/**
 * One random read operation of 1–3 root fields chosen by `pickRoot` (so a
 * test can weight the collections it cares about).
 */
export function randomGraphqlQuery(
  schema: GraphQLSchema,
  random: Random,
  pools: ValuePools,
  options: { roots: readonly string[]; idsFor: (type: GraphQLNamedType) => (string | number)[] },
): GraphqlRequest {
  const ctx: Context = { random, pools, fragments: [], variables: {}, variableDefinitions: [], aliasCounter: 0 }
  const queryType = schema.getQueryType()!
  const available = queryType.getFields()
  const roots = options.roots.filter((name) => available[name])
  const count = random.int(1, 3)
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    const field = available[random.pick(roots)]!
    const named = getNamedType(field.type)
    const alias = i > 0 || random.bool(0.2) ? `r${i}: ` : ''
    const args = argumentsFor(field.args, ctx, options.idsFor(named))
    const inner = selection(named, ctx, 0, random.int(1, 4), options.idsFor)
    parts.push(inner ? `${alias}${field.name}${args} { ${inner} }` : `${alias}${field.name}${args}`)
  }
  const variables = ctx.variableDefinitions.length ? `(${ctx.variableDefinitions.join(', ')})` : ''
  const query = [`query Fuzz${variables} { ${parts.join(' ')} }`, ...ctx.fragments].join('\n')
  return Object.keys(ctx.variables).length ? { query, variables: ctx.variables } : { query }
}
