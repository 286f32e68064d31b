/**
 * Kolada's open API (the municipalities' key figures): the client, and the
 * reading of its values as import suggestions. The client follows
 * `next_page`, retries a 5xx or a dropped connection with doubling waits, and
 * returns only when every page has been read: an import never writes part
 * of a year. Responses are checked with zod (the documented v2 shape).
 */
import { z } from 'zod'

import type { IndicatorSuggestion } from './plan'
import type { CellValue } from './values'

export const KoladaValueSchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.number().int(),
  values: z.array(
    z.object({
      gender: z.string(),
      count: z.number().nullable().optional(),
      status: z.string().nullable().optional(),
      value: z.number().nullable(),
    }),
  ),
})

export const KoladaPageSchema = z.object({
  values: z.array(KoladaValueSchema),
  count: z.number().int().optional(),
  next_page: z.string().nullable().optional(),
})

export type KoladaValue = z.infer<typeof KoladaValueSchema>

export class KoladaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KoladaError'
  }
}

export type KoladaClientOptions = {
  baseUrl: string
  fetch?: typeof fetch
  /** Attempts per page in all (the first and the retries). */
  attempts?: number
  /** The first wait before a retry; it doubles per attempt. */
  retryBaseMs?: number
  sleep?: (ms: number) => Promise<void>
  maxPages?: number
}

export const koladaDataPath = (kpis: readonly string[], municipalityCode: string, year: number) =>
  `/v2/data/kpi/${kpis.map(encodeURIComponent).join(',')}/municipality/${encodeURIComponent(municipalityCode)},0000/year/${year}`

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Every value of the KPIs for the municipality and the whole country (0000) in one year, all pages. */
export async function fetchKoladaValues(
  options: KoladaClientOptions,
  query: { kpis: readonly string[]; municipalityCode: string; year: number },
): Promise<KoladaValue[]> {
  if (query.kpis.length === 0) return []
  const fetchImpl = options.fetch ?? fetch
  const attempts = options.attempts ?? 4
  const base = options.retryBaseMs ?? 500
  const sleep = options.sleep ?? defaultSleep
  const origin = new URL(options.baseUrl).origin
  let url: string | null = new URL(options.baseUrl.replace(/\/$/, '') + koladaDataPath(query.kpis, query.municipalityCode, query.year)).toString()
  const values: KoladaValue[] = []
  let pages = 0
  while (url) {
    if (++pages > (options.maxPages ?? 100)) throw new KoladaError(`Kolada svarade med fler än ${options.maxPages ?? 100} sidor; importen avbröts utan att något skrevs.`)
    const page = await fetchPage(fetchImpl, url, attempts, base, sleep)
    values.push(...page.values)
    const next: string | null = page.next_page ? new URL(page.next_page, url).toString() : null
    // Only Kolada's own address is followed.
    if (next && new URL(next).origin !== origin) throw new KoladaError(`Kolada hänvisade till en annan adress (${new URL(next).origin}); importen avbröts utan att något skrevs.`)
    url = next
  }
  return values
}

async function fetchPage(fetchImpl: typeof fetch, url: string, attempts: number, base: number, sleep: (ms: number) => Promise<void>) {
  let last = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let response: Response | null = null
    try {
      response = await fetchImpl(url, { headers: { Accept: 'application/json' } })
    } catch (error) {
      last = `ingen kontakt (${(error as Error).message})`
    }
    if (response) {
      if (response.ok) {
        const parsed = KoladaPageSchema.safeParse(await response.json().catch(() => null))
        if (!parsed.success) throw new KoladaError(`Kolada svarade med något annat än nyckeltalsvärden (${url}); importen avbröts utan att något skrevs.`)
        return parsed.data
      }
      if (response.status < 500) throw new KoladaError(`Kolada svarade ${response.status} för ${url}; kontrollera KPI-id och år. Inget skrevs.`)
      last = `svarade ${response.status}`
    }
    if (attempt < attempts) await sleep(base * 2 ** (attempt - 1))
  }
  throw new KoladaError(`Kolada ${last} efter ${attempts} försök (${url}); importen avbröts utan att något skrevs. Försök igen senare.`)
}

export type KoladaIndicator = { code: string; koladaKpi: string; yesNo: boolean }

const totalOf = (values: readonly KoladaValue[], kpi: string, municipality: string) =>
  values.find((item) => item.kpi === kpi && item.municipality === municipality)?.values.find((value) => value.gender === 'T') ?? null

const dateText = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * Kolada's totals (gender "T") as suggestions. A yes/no question is stored in
 * Kolada as 1/0 for a municipality and as a share for the country (0–1 or a
 * percentage); a null value is a missing value, never zero.
 */
export function koladaSuggestions(
  values: readonly KoladaValue[],
  indicators: readonly KoladaIndicator[],
  municipalityCode: string,
  year: number,
  readAt: string,
): { suggestions: IndicatorSuggestion[]; notes: string[] } {
  const notes: string[] = []
  const suggestions = indicators.map((indicator): IndicatorSuggestion => {
    const own = totalOf(values, indicator.koladaKpi, municipalityCode)
    const country = totalOf(values, indicator.koladaKpi, '0000')
    let local: CellValue = { kind: 'missing', mark: own?.status ?? '' }
    if (own && own.value !== null) {
      local = indicator.yesNo && (own.value === 0 || own.value === 1) ? { kind: own.value === 1 ? 'yes' : 'no' } : { kind: 'percent', value: own.value }
    } else notes.push(`${indicator.code}: Kolada (${indicator.koladaKpi}) har inget värde för kommunen ${year}; kommunens svar lämnas tomt.`)
    let nationalPercent: number | null = null
    if (country && country.value !== null) nationalPercent = indicator.yesNo && country.value <= 1 ? Math.round(country.value * 1000) / 10 : country.value
    else notes.push(`${indicator.code}: Kolada (${indicator.koladaKpi}) har inget värde för riket ${year}.`)
    return {
      indicator: indicator.code,
      nationalPercent,
      local,
      basis: `Källa: Kolada, ${indicator.koladaKpi}, ${year}, läst ${dateText(readAt)}${country?.count != null ? `; riket: ${country.count} kommuner` : ''}.`,
    }
  })
  return { suggestions, notes }
}
