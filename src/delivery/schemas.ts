/**
 * The public content API's contract (`/api/v1`): every response body is built
 * by one of these schemas, the OpenAPI document is generated from them, and
 * the typed client parses with them. Change a shape here and all three follow.
 */
import { z } from 'zod'

const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601, t.ex. 2024-03-14T09:30:00.000Z' })

export const SectionRefSchema = z
  .object({ slug: z.string(), title: z.string() })
  .meta({ id: 'SectionRef', description: 'Avsnittet som en sida hör till.' })

export const RichTextSchema = z
  .object({
    html: z.string().meta({ description: 'Säker HTML (p, h2–h4, ul/ol/li, a, strong, em, br). Inga stilar, inga skript.' }),
    text: z.string().meta({ description: 'Samma text utan märkning; stycken skiljs av en tom rad.' }),
  })
  .meta({ id: 'RichText' })

export const IndicatorSchema = z
  .object({
    code: z.string().nullable(),
    nationalPercent: z.number().min(0).max(100).nullable().meta({ description: 'Andel av landets kommuner, procent.' }),
    localValue: z.string().nullable().meta({ description: 'Kommunens värde: ja, nej, delvis eller en procentsats.' }),
  })
  .meta({ id: 'Indicator' })

export const BulletSchema = z
  .object({
    national: z.string().meta({ description: 'Det nationella resultatet.' }),
    local: z.string().nullable().meta({ description: 'Kommunens svar.' }),
    indicator: IndicatorSchema.optional(),
  })
  .meta({ id: 'Bullet' })

export const ResultSetBlockSchema = z
  .object({
    type: z.literal('resultSet'),
    surveyYear: z.number().int(),
    heading: z.string().meta({ description: 'Härledd: "Årets resultat visar att:" eller "2019 års resultat visar att:".' }),
    bullets: z.array(BulletSchema),
  })
  .meta({ id: 'ResultSetBlock' })

export const TextSectionBlockSchema = z
  .object({ type: z.literal('textSection'), heading: z.string().nullable(), content: RichTextSchema })
  .meta({ id: 'TextSectionBlock' })

export const NoteBlockSchema = z.object({ type: z.literal('note'), text: z.string() }).meta({ id: 'NoteBlock' })

export const BodyBlockSchema = z
  .discriminatedUnion('type', [ResultSetBlockSchema, TextSectionBlockSchema, NoteBlockSchema])
  .meta({ id: 'BodyBlock' })

export const LinkSchema = z
  .object({ title: z.string(), url: z.string().nullable().meta({ description: 'Null när länken ännu saknar adress (visas som text).' }) })
  .meta({ id: 'Link' })

export const RelatedItemSchema = z
  .object({
    kind: z.enum(['area', 'link']),
    title: z.string(),
    teaser: z.string().nullable(),
    href: z.string().nullable().meta({ description: 'Null när sidan ännu saknar adress.' }),
  })
  .meta({ id: 'RelatedItem' })

export const IndicatorPointSchema = z
  .object({
    surveyYear: z.number().int(),
    nationalPercent: z.number().min(0).max(100).nullable().meta({ description: 'Andel av landets kommuner, procent (kontrollerad).' }),
    localValue: z.string().nullable().meta({ description: 'Kommunens svar: ja, nej, delvis eller en procentsats.' }),
    localPercent: z.number().min(0).max(100).nullable().meta({ description: 'Kommunens värde som procent (ja = 100, nej = 0, delvis = 50).' }),
  })
  .meta({ id: 'IndicatorPoint' })

export const IndicatorSeriesSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    points: z.array(IndicatorPointSchema).meta({ description: 'Ett värde per undersökningsår, äldst först; minst två år.' }),
  })
  .meta({ id: 'IndicatorSeries', description: 'En indikators värden över tid, nationellt och för kommunen.' })

export const AreaIndicatorsSchema = z
  .object({ slug: z.string(), items: z.array(IndicatorSeriesSchema) })
  .meta({ id: 'AreaIndicators' })

export const AreaListItemSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    teaser: z.string().nullable(),
    section: SectionRefSchema.nullable(),
    firstPublishedAt: isoDateTime.nullable(),
    lastPublishedAt: isoDateTime.nullable(),
    url: z.string().meta({ description: 'Sidans sökväg på webbplatsen, t.ex. /jamforelser/socialpsykiatri.' }),
  })
  .meta({ id: 'AreaListItem' })

export const AreaListSchema = z
  .object({
    items: z.array(AreaListItemSchema),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    limit: z.number().int().min(1).max(100),
    totalPages: z.number().int().min(0),
  })
  .meta({ id: 'AreaList' })

export const AreaPageSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    teaser: z.string().nullable(),
    section: SectionRefSchema.nullable(),
    intro: RichTextSchema.nullable(),
    body: z.array(BodyBlockSchema).meta({ description: 'I sidans ordning; resultatavsnitten nyaste år först.' }),
    related: z.array(RelatedItemSchema).meta({ description: 'Avsnittets övriga sidor ("Fler sidor inom …").' }),
    otherLinks: z.array(LinkSchema),
    indicators: z.array(IndicatorSeriesSchema).meta({ description: 'Trender för sidans indikatorer (se också /indicators).' }),
    firstPublishedAt: isoDateTime.nullable(),
    lastPublishedAt: isoDateTime.nullable(),
    url: z.string(),
  })
  .meta({ id: 'AreaPage' })

export const SectionPageSchema = z
  .object({ slug: z.string(), title: z.string(), members: z.array(RelatedItemSchema) })
  .meta({ id: 'SectionPage', description: 'Ett avsnitt och dess publicerade sidor i ordning.' })

export const SectionListSchema = z.object({ items: z.array(SectionPageSchema) }).meta({ id: 'SectionList' })

export const NoticeSchema = z
  .object({
    text: z.string(),
    body: z.string().nullable(),
    startsAt: isoDateTime,
    endsAt: isoDateTime.nullable(),
    scope: z.enum(['site', 'section']),
    section: SectionRefSchema.nullable(),
  })
  .meta({ id: 'Notice' })

export const NoticeListSchema = z.object({ items: z.array(NoticeSchema) }).meta({ id: 'NoticeList' })

export const BulletChangeSchema = z
  .object({
    surveyYear: z.number().int(),
    national: z.string(),
    local: z.string().nullable(),
    before: z.object({ national: z.string(), local: z.string().nullable() }).optional().meta({ description: 'Punkten före ändringen.' }),
  })
  .meta({ id: 'BulletChange' })

export const VersionChangesSchema = z
  .object({
    added: z.array(BulletChangeSchema),
    removed: z.array(BulletChangeSchema),
    changed: z.array(BulletChangeSchema),
    other: z.array(z.enum(['title', 'teaser', 'intro', 'text', 'otherLinks'])).meta({ description: 'Andra delar av sidan som ändrades.' }),
  })
  .meta({ id: 'VersionChanges', description: 'Vad som ändrades jämfört med föregående publicerade version.' })

export const AreaVersionSummarySchema = z
  .object({
    number: z.number().int().min(1),
    publishedAt: isoDateTime,
    summary: z.string().meta({ description: 'T.ex. "2 nya punkter, 1 ändrad punkt; ändrat: inledningen."' }),
    changes: VersionChangesSchema,
    url: z.string(),
  })
  .meta({ id: 'AreaVersionSummary' })

export const AreaVersionListSchema = z
  .object({ slug: z.string(), title: z.string(), items: z.array(AreaVersionSummarySchema) })
  .meta({ id: 'AreaVersionList', description: 'Varje publicerad version av en sida, äldst först: allmän handling.' })

export const AreaVersionPageSchema = AreaPageSchema.omit({ related: true, section: true })
  .extend({ version: AreaVersionSummarySchema, current: z.boolean().meta({ description: 'Om detta är den version som är publicerad nu.' }) })
  .meta({ id: 'AreaVersionPage', description: 'Sidan som den publicerades i en viss version.' })

export const ResultRowSchema = z
  .object({
    area: z.string().meta({ description: 'Jämförelseområdets titel.' }),
    areaSlug: z.string(),
    surveyYear: z.number().int(),
    indicatorCode: z.string().nullable(),
    indicatorName: z.string().nullable(),
    nationalPercent: z.number().min(0).max(100).nullable().meta({ description: 'Andel av landets kommuner, procent (bekräftad av en redaktör).' }),
    localValue: z.string().nullable().meta({ description: 'Kommunens värde: ja, nej, delvis eller en procentsats (bekräftat).' }),
    national: z.string().meta({ description: 'Det nationella resultatet, som publicerat.' }),
    local: z.string().nullable().meta({ description: 'Kommunens svar, som publicerat.' }),
    publishedAt: isoDateTime.nullable().meta({ description: 'När sidan senast publicerades med ändrat innehåll.' }),
    url: z.string().meta({ description: 'Sidans sökväg på webbplatsen.' }),
  })
  .meta({ id: 'ResultRow', description: 'En resultatpunkt: område × undersökningsår × punkt.' })

export const ResultDatasetSchema = z
  .object({
    title: z.string(),
    license: z.string().meta({ description: 'Licensens adress (DATASET_LICENSE_URL).' }),
    modified: isoDateTime.nullable(),
    items: z.array(ResultRowSchema),
  })
  .meta({ id: 'ResultDataset', description: 'Alla publicerade resultat som öppna data (lag 2022:818). Samma rader som CSV och XLSX.' })

/** DCAT-AP-SE in JSON-LD: described loosely here (its vocabulary is DCAT's), checked by the tests. */
export const DcatCatalogSchema = z
  .object({ '@context': z.record(z.string(), z.string()), '@type': z.literal('dcat:Catalog') })
  .catchall(z.unknown())
  .meta({ id: 'DcatCatalog', description: 'DCAT-AP-SE-beskrivning av datamängden, för Sveriges dataportal.' })

export const ErrorSchema = z
  .object({
    message: z.string().meta({ description: 'På svenska, går att visa för en person.' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' })

export type SectionRef = z.infer<typeof SectionRefSchema>
export type RichText = z.infer<typeof RichTextSchema>
export type Indicator = z.infer<typeof IndicatorSchema>
export type Bullet = z.infer<typeof BulletSchema>
export type BodyBlock = z.infer<typeof BodyBlockSchema>
export type ResultSetBlock = z.infer<typeof ResultSetBlockSchema>
export type RelatedItem = z.infer<typeof RelatedItemSchema>
export type LinkItem = z.infer<typeof LinkSchema>
export type AreaListItem = z.infer<typeof AreaListItemSchema>
export type AreaList = z.infer<typeof AreaListSchema>
export type AreaPage = z.infer<typeof AreaPageSchema>
export type SectionPage = z.infer<typeof SectionPageSchema>
export type SectionList = z.infer<typeof SectionListSchema>
export type Notice = z.infer<typeof NoticeSchema>
export type NoticeList = z.infer<typeof NoticeListSchema>
export type ApiError = z.infer<typeof ErrorSchema>
export type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>
export type IndicatorPoint = z.infer<typeof IndicatorPointSchema>
export type VersionChanges = z.infer<typeof VersionChangesSchema>
export type AreaVersionSummary = z.infer<typeof AreaVersionSummarySchema>
export type AreaVersionList = z.infer<typeof AreaVersionListSchema>
export type AreaVersionPage = z.infer<typeof AreaVersionPageSchema>
export type ResultRow = z.infer<typeof ResultRowSchema>
export type ResultDataset = z.infer<typeof ResultDatasetSchema>
