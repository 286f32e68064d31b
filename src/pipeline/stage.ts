import type { CollectionConfig } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** The hook kinds a save, a publish or a delete runs through. */
export const PIPELINE_HOOKS = ['beforeOperation', 'beforeChange', 'afterChange', 'beforeDelete', 'afterDelete', 'afterError'] as const
type PipelineHook = (typeof PIPELINE_HOOKS)[number]

/**
 * One cross-cutting behaviour of a collection's save pipeline (the workflow,
 * the revision check, snapshots, webhooks, the audit log …), added the same
 * way as every other: its hooks, and whatever else it adds to the collection
 * (fields, endpoints, admin components) as a Payload-plugin-like `extend`.
 */
export type Stage = {
  name: string
  /** One line: why it is there, and why in that place. */
  why: string
  hooks?: Pick<Hooks, PipelineHook>
  extend?: (collection: CollectionConfig) => CollectionConfig
}

/**
 * The collection with its stages applied in order: for every hook kind, the
 * hooks run in the order of the stages that list them, so the list is the
 * order. A collection's own config lists none of these hook kinds (refused):
 * the pipeline is the one place they are added.
 */
export function withStages(collection: CollectionConfig, stages: readonly Stage[]): CollectionConfig {
  const own = PIPELINE_HOOKS.filter((kind) => collection.hooks?.[kind]?.length)
  if (own.length) throw new Error(`withStages(${collection.slug}): lägg ${own.join(', ')} som ett steg i pipelinen, inte i samlingens egen konfiguration.`)
  const extended = stages.reduce((config, stage) => stage.extend?.(config) ?? config, collection)
  const hooks: Hooks = { ...extended.hooks }
  for (const kind of PIPELINE_HOOKS) {
    const listed = stages.flatMap((stage) => (stage.hooks?.[kind] ?? []) as unknown[])
    if (listed.length) (hooks as Record<PipelineHook, unknown[]>)[kind] = listed
  }
  return { ...extended, hooks }
}
