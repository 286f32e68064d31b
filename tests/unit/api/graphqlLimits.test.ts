import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { depthLimit, graphQLLimits, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH, operationDepths, tooDeepMessage } from '@/api/graphqlLimits'

// A schema shaped like Payload's for our collections: relationships that lead back (area → section → members → area).
const schema = buildSchema(`
  type Query { Areas: Areas, Area(id: ID!): Area, Sections: Sections }
  type Areas { docs: [Area] }
  type Sections { docs: [Section] }
  type Area { id: ID, title: String, section: Section, body: [ResultSet] }
  type ResultSet { year: Int, items: [Item] }
  type Item { national: String, local: String }
  type Section { title: String, members: [Member] }
  type Member { value: Area }
`)

/** `{ Area(id: 1) { section { members { value { section { … __typename } } } } } }`, `levels` deep. */
function nestedQuery(levels: number): string {
  const path = ['Area(id: 1)']
  while (path.length < levels - 1) path.push(...['section', 'members', 'value'].slice(0, levels - 1 - path.length))
  return `{ ${path.join(' { ')} { __typename }${' }'.repeat(path.length - 1)} }`
}

const errorsOf = (query: string, maxDepth = MAX_QUERY_DEPTH) => validate(schema, parse(query), [...specifiedRules, depthLimit(maxDepth)]).map((error) => error.message)

describe('operationDepths', () => {
  it('counts levels of nested fields', () => {
    expect(operationDepths(parse('{ Areas { docs { title } } }'))).toEqual([3])
    expect(operationDepths(parse('{ Areas { docs { id } } Sections { docs { members { value { title } } } } }'))).toEqual([5])
    expect(operationDepths(parse(nestedQuery(20)))).toEqual([20])
  })

  it('follows named and inline fragments, each operation on its own', () => {
    const query = `
      query A { Areas { docs { ...AreaFields } } }
      query B { Sections { docs { ... on Section { title } } } }
      fragment AreaFields on Area { title body { items { national } } }`
    expect(operationDepths(parse(query))).toEqual([5, 3])
  })

  it('does not loop on fragment cycles and stays linear on fragments that spread each other', () => {
    expect(operationDepths(parse('{ Areas { docs { ...A } } } fragment A on Area { section { ...B } } fragment B on Section { members { value { ...A } } }'))).toEqual([5])
    // Each fragment spreads the next twice: without measuring each once this would take 2^40 steps.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Area { ${i === 39 ? 'title' : `...F${i + 1} ...F${i + 1}`} }`).join('\n')
    expect(operationDepths(parse(`{ Areas { docs { ...F0 } } } ${fragments}`))).toEqual([3])
  })
})

describe('depthLimit', () => {
  it(`accepts queries up to ${MAX_QUERY_DEPTH} levels`, () => {
    expect(errorsOf(nestedQuery(MAX_QUERY_DEPTH))).toEqual([])
    expect(errorsOf('{ Sections { docs { members { value { title body { items { national } } } } } } }')).toEqual([])
  })

  it('refuses a query nested 20 deep with a Swedish message that says the limit', () => {
    const errors = errorsOf(nestedQuery(20))
    expect(errors).toEqual([tooDeepMessage(MAX_QUERY_DEPTH)])
    expect(errors[0]).toContain(`mer än ${MAX_QUERY_DEPTH} nivåer`)
    expect(errors[0]).toMatch(/^Frågan är för djup/)
  })

  it('refuses one level past the limit, also when the depth is reached through fragments', () => {
    expect(errorsOf(nestedQuery(MAX_QUERY_DEPTH + 1))).toHaveLength(1)
    expect(errorsOf('{ Area(id: 1) { ...S } } fragment S on Area { section { members { value { title } } } }', 4)).toEqual([tooDeepMessage(4)])
    expect(errorsOf('{ Area(id: 1) { ...S } } fragment S on Area { section { members { value { title } } } }', 5)).toEqual([])
  })

  it('lets development tools introspect (introspection is refused in production by Payload)', () => {
    expect(validate(schema, parse(getIntrospectionQuery()), [depthLimit(MAX_QUERY_DEPTH)])).toEqual([])
  })
})

describe('graphQLLimits (payload.config.ts graphQL)', () => {
  it('turns introspection and the playground off in production and caps complexity', () => {
    expect(graphQLLimits).toMatchObject({
      disableIntrospectionInProduction: true,
      disablePlaygroundInProduction: true,
      maxComplexity: MAX_QUERY_COMPLEXITY,
    })
    expect(MAX_QUERY_COMPLEXITY).toBeLessThan(1000)
  })

  it('gives Payload the depth rule', () => {
    const rules = graphQLLimits.validationRules({} as never)
    expect(validate(schema, parse(nestedQuery(20)), rules).map((error) => error.message)).toEqual([tooDeepMessage(MAX_QUERY_DEPTH)])
  })
})
