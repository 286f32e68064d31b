/**
 * Limits on GraphQL queries (payload.config.ts `graphQL`). Payload already
 * caps complexity (each field 1, each relationship 10); a depth limit of our
 * own stops queries that follow relationships back and forth (area → section
 * → members → area …), whose cost grows with every level. Introspection and
 * the playground are off in production.
 */
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

/**
 * Levels of nested fields: `{ Areas { docs { title } } }` is 3. Our own
 * queries reach 5 (a section's members' areas' fields); Payload's admin does
 * not use GraphQL. Introspection (`__schema`, `__type`) counts as one level:
 * it is refused in production anyway, and the standard introspection query
 * that tools send in development is 15 deep.
 */
export const MAX_QUERY_DEPTH = 10
/** Payload's default is 1000; no query of ours needs more than about 100. */
export const MAX_QUERY_COMPLEXITY = 500

export const tooDeepMessage = (maxDepth: number) =>
  `Frågan är för djup: mer än ${maxDepth} nivåer av nästlade fält. Dela upp den i flera frågor med färre nivåer.`

/**
 * Depth of a selection set, following fragments. A fragment's depth does not
 * depend on where it is spread, so each is measured once (a document that
 * spreads fragments into each other cannot make this exponential); a cycle
 * counts as nothing here (graphql's own NoFragmentCycles rule refuses it).
 * Measuring stops once past `limit`: the result is then exact up to `limit`
 * and only "more than `limit`" beyond it.
 */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type'])

class DepthMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>()
  private readonly memo = new Map<string, number>()

  constructor(
    document: DocumentNode,
    private readonly limit: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition)
    }
  }

  depth(selectionSet: SelectionSetNode, budget = this.limit): number {
    let deepest = 0
    for (const selection of selectionSet.selections) {
      let depth: number
      if (selection.kind === Kind.FIELD) {
        const leaf = !selection.selectionSet || INTROSPECTION_FIELDS.has(selection.name.value)
        depth = leaf ? 1 : budget <= 0 ? 2 : 1 + this.depth(selection.selectionSet!, budget - 1)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = this.depth(selection.selectionSet, budget)
      } else {
        depth = this.fragmentDepth(selection.name.value)
      }
      deepest = Math.max(deepest, depth)
      if (deepest > budget) return deepest
    }
    return deepest
  }

  private fragmentDepth(name: string): number {
    const fragment = this.fragments.get(name)
    if (!fragment) return 0
    if (!this.memo.has(name)) {
      this.memo.set(name, 0) // in progress: a cycle back to it adds nothing
      this.memo.set(name, this.depth(fragment.selectionSet))
    }
    return this.memo.get(name)!
  }
}

/** Depth of each operation in a document, in document order (beyond `limit`: some number above it). */
export function operationDepths(document: DocumentNode, limit = 1000): number[] {
  const meter = new DepthMeter(document, limit)
  return document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [meter.depth(definition.selectionSet)] : []))
}

/** A validation rule refusing operations nested deeper than `maxDepth` fields, with a Swedish message. */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const meter = new DepthMeter(context.getDocument(), maxDepth)
    return {
      OperationDefinition(operation) {
        if (meter.depth(operation.selectionSet) > maxDepth) {
          context.reportError(new GraphQLError(tooDeepMessage(maxDepth), { nodes: [operation] }))
        }
      },
    }
  }
}

/** Payload's `graphQL` settings. */
export const graphQLLimits = {
  maxComplexity: MAX_QUERY_COMPLEXITY,
  disableIntrospectionInProduction: true,
  disablePlaygroundInProduction: true,
  validationRules: (_args: ExecutionArgs): ValidationRule[] => [depthLimit(MAX_QUERY_DEPTH)],
}
