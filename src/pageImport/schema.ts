import { z } from 'zod'

/** The shape of one imported page file; parsePage validates its output against it. */

const line = z.number().int().positive()
const isoDate = z.iso.date()

export const WARNING_CODES = [
  'merged-result-sets',
  'joined-lines',
  'suspected-hyphen',
  'missing-local-answer',
  'related-without-teaser',
  'survey-year-out-of-range',
  'unplaced-text',
  'link-without-address',
] as const

export type WarningCode = (typeof WARNING_CODES)[number]

export const parseWarningSchema = z.object({ line, code: z.string().min(1), message: z.string().min(1) })

export const resultBulletSchema = z.object({
  national: z.string().min(1),
  local: z.string(),
  line,
  localLine: line.nullable(),
})

export const resultSetSchema = z.object({
  type: z.literal('resultSet'),
  surveyYear: z.number().int(),
  lead: z.enum(['visar att', 'visar bland annat']),
  line,
  bullets: z.array(resultBulletSchema),
})

export const textSectionSchema = z.object({
  type: z.literal('textSection'),
  heading: z.string().min(1).nullable(),
  paragraphs: z.array(z.string().min(1)),
  line,
})

export const noteSchema = z.object({ type: z.literal('note'), text: z.string().min(1), line })

export const parsedPageSchema = z.object({
  sourceName: z.string(),
  notice: z.object({ text: z.string().min(1), body: z.string().min(1).nullable(), line }).nullable(),
  title: z.string().min(1),
  intro: z.array(z.string().min(1)),
  body: z.array(z.discriminatedUnion('type', [resultSetSchema, textSectionSchema, noteSchema])),
  section: z.object({ title: z.string().min(1), line }).nullable(),
  related: z.array(z.object({ title: z.string().min(1), teaser: z.string(), line })),
  otherLinks: z.array(z.object({ title: z.string().min(1), url: z.string().nullable(), line })),
  hasOtherLinksHeading: z.boolean(),
  lastUpdated: isoDate,
  published: isoDate,
  warnings: z.array(parseWarningSchema),
})

export type ParsedPage = z.infer<typeof parsedPageSchema>
export type ParseWarning = z.infer<typeof parseWarningSchema>
export type ParsedResultSet = z.infer<typeof resultSetSchema>
export type ParsedBullet = z.infer<typeof resultBulletSchema>
export type ParsedTextSection = z.infer<typeof textSectionSchema>
export type ParsedNote = z.infer<typeof noteSchema>
export type ParsedBodyBlock = ParsedPage['body'][number]
