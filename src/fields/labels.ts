/**
 * Labels written once per language ({ sv, en }) handed to Payload as label
 * functions instead. Payload's admin puts a label object straight into some
 * of its messages — the sort buttons ("Sortera efter [object Object]
 * Stigande"), "Skapa ny [object Object]", "Lägg till ny [object Object]" —
 * while it calls a label function with the reader's language when it builds
 * the client config, so every component gets a plain string. Payload
 * documents both forms; only the object form has the bug (upstream:
 * @payloadcms/ui SortColumn, ListCreateNewDocButton, CollectionCards and
 * AddNewRelation pass the label to `t()` without `getTranslation`).
 *
 * `translatedLabels` is a config plugin ((config) => config) over every
 * collection, field, block and tab; `swedishLabel` reads a label in either
 * form, for our own messages.
 */
import type { Block, CollectionConfig, Config, Field, Tab } from 'payload'

type Translations = Readonly<Record<string, string>>
type LabelFunction = ((args: { i18n: { language: string } }) => string) & { translations: Translations }

const SOURCE_LANGUAGE = 'sv'

const isTranslations = (value: unknown): value is Translations =>
  Boolean(value) &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  !('$$typeof' in (value as object)) &&
  Object.keys(value as object).length > 0 &&
  Object.values(value as object).every((text) => typeof text === 'string')

/** A label's text in a language: that language, else Swedish, else the first one written. */
export function pickTranslation(translations: Translations, language: string): string {
  return translations[language] ?? translations[SOURCE_LANGUAGE] ?? Object.values(translations)[0] ?? ''
}

function asFunction(translations: Translations): LabelFunction {
  return Object.assign(({ i18n }: { i18n: { language: string } }) => pickTranslation(translations, i18n?.language ?? SOURCE_LANGUAGE), { translations })
}

/** A label in any of Payload's forms, in Swedish; null when it has no text (a component, nothing). */
export function swedishLabel(label: unknown): string | null {
  if (typeof label === 'string') return label
  if (typeof label === 'function' && isTranslations((label as Partial<LabelFunction>).translations)) return pickTranslation((label as LabelFunction).translations, SOURCE_LANGUAGE)
  if (isTranslations(label)) return pickTranslation(label, SOURCE_LANGUAGE)
  return null
}

const convert = <T>(value: T): T => (isTranslations(value) ? (asFunction(value) as T) : value)

const convertPair = <T extends { singular?: unknown; plural?: unknown } | undefined>(labels: T): T =>
  labels && typeof labels === 'object' ? { ...labels, singular: convert(labels.singular), plural: convert(labels.plural) } : labels

function convertBlock(block: Block): Block {
  return { ...block, labels: convertPair(block.labels) as Block['labels'], fields: block.fields.map(convertField) }
}

function convertTab(tab: Tab): Tab {
  return { ...tab, label: convert(tab.label), fields: tab.fields.map(convertField) } as Tab
}

function convertField(field: Field): Field {
  const next = { ...field } as Record<string, unknown>
  if ('label' in next) next.label = convert(next.label)
  if ('labels' in next) next.labels = convertPair(next.labels as { singular?: unknown; plural?: unknown })
  if (Array.isArray(next.fields)) next.fields = (next.fields as Field[]).map(convertField)
  if (Array.isArray(next.tabs)) next.tabs = (next.tabs as Tab[]).map(convertTab)
  if (Array.isArray(next.blocks)) next.blocks = (next.blocks as (Block | string)[]).map((block) => (typeof block === 'string' ? block : convertBlock(block)))
  return next as Field
}

function convertCollection(collection: CollectionConfig): CollectionConfig {
  return { ...collection, labels: convertPair(collection.labels), fields: collection.fields.map(convertField) }
}

/** The config with every label object turned into a label function (see above). */
export function translatedLabels(config: Config): Config {
  return {
    ...config,
    collections: config.collections?.map(convertCollection),
    globals: config.globals?.map((global) => ({ ...global, label: convert(global.label), fields: global.fields.map(convertField) })),
    blocks: config.blocks?.map(convertBlock),
  }
}
