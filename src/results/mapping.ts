/**
 * How an area's results table is read: the shape of `--mapping <file>` and of
 * what the admin saves per area (collection `result-mappings`). Scripts rely
 * on it, so it is validated with zod and documented in the README.
 */
import { z } from 'zod'

const columnName = z.string().trim().min(1, 'Kolumnens namn får inte vara tomt.')

export const IndicatorMappingSchema = z.object({
  /** Wide layout: the column header that holds this indicator's answers. */
  column: columnName.optional(),
  /** Long layout: what the indicator column says on this indicator's rows. */
  value: columnName.optional(),
  /** The code of an indicator in the `indicators` collection. */
  indicator: z.string().trim().min(1, 'Ange indikatorns kod.'),
})

export const ResultMappingSchema = z
  .object({
    /** A sheet name, or its 1-based position; ignored for CSV. */
    sheet: z.union([z.string().trim().min(1), z.number().int().min(1)]).optional(),
    /** 1-based; left out: the first row that holds `municipalityColumn`. */
    headerRow: z.number().int().min(1).max(1000).optional(),
    /** The column that names or codes the municipality (and holds "Riket", a county's name). */
    municipalityColumn: columnName,
    /** The column that names each municipality's county; gives the county's share when there is no county row. */
    countyColumn: columnName.optional(),
    layout: z.enum(['wide', 'long']).default('wide'),
    indicatorColumn: columnName.optional(),
    valueColumn: columnName.optional(),
    /** Extra labels of the national row, besides "Riket", "Hela landet", "Sverige", "Samtliga kommuner". */
    nationalLabels: z.array(z.string().trim().min(1)).optional(),
    indicators: z.array(IndicatorMappingSchema).min(1, 'Ange minst en indikator i "indicators".'),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.layout === 'long') {
      for (const key of ['indicatorColumn', 'valueColumn'] as const) {
        if (!mapping[key]) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" krävs när "layout" är "long".` })
      }
    }
    const key = mapping.layout === 'long' ? 'value' : 'column'
    mapping.indicators.forEach((entry, index) => {
      if (!entry[key]) {
        ctx.addIssue({ code: 'custom', path: ['indicators', index, key], message: `Indikator ${index + 1} (${entry.indicator}) saknar "${key}" (krävs när "layout" är "${mapping.layout}").` })
      }
    })
    const codes = mapping.indicators.map((entry) => entry.indicator)
    const duplicate = codes.find((code, index) => codes.indexOf(code) !== index)
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `Indikatorn ${duplicate} är mappad två gånger.` })
  })

export type ResultMapping = z.infer<typeof ResultMappingSchema>
export type IndicatorMapping = z.infer<typeof IndicatorMappingSchema>

/** A mapping, or one Swedish line per problem naming the field. */
export function parseResultMapping(input: unknown): { ok: true; mapping: ResultMapping } | { ok: false; errors: string[] } {
  const parsed = ResultMappingSchema.safeParse(input)
  if (parsed.success) return { ok: true, mapping: parsed.data }
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`),
  }
}
