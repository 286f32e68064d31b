/**
 * `npm run import:results -- --kolada --year <year>` and the admin's Kolada
 * button: every indicator that names a Kolada KPI, read in one go (all pages,
 * before anything is written), then one draft per area as a table import.
 */
import type { Payload } from 'payload'

import { AREAS, INDICATORS } from '@/slugs'
import { relationId } from '@/domain/relations'
import { loadEnv } from '@/env'
import { configuredMunicipality, importResults, type ResultImportOutcome } from './importResults'
import { fetchKoladaValues, KoladaError, koladaSuggestions, type KoladaClientOptions } from './kolada'

export type KoladaImportRequest = { year: number; dryRun: boolean; areaSlug?: string | null; client?: Partial<KoladaClientOptions>; now?: Date }

export async function importKoladaResults(payload: Payload, request: KoladaImportRequest): Promise<ResultImportOutcome[]> {
  const municipality = configuredMunicipality()
  const readAt = (request.now ?? new Date()).toISOString()
  const { docs } = await payload.find({ collection: INDICATORS, where: { koladaKpi: { exists: true } }, pagination: false, depth: 0, overrideAccess: true })
  const withKpi = docs.filter((doc) => doc.koladaKpi && relationId(doc.area))
  let areaIds = [...new Set(withKpi.map((doc) => relationId(doc.area)!))]
  if (request.areaSlug) {
    const { docs: areas } = await payload.find({ collection: AREAS, where: { slug: { equals: request.areaSlug } }, draft: true, limit: 1, depth: 0, overrideAccess: true })
    if (!areas[0]) return [{ ok: false, error: `Det finns ingen sida med adressen "${request.areaSlug}".` }]
    areaIds = areaIds.filter((id) => id === String(areas[0]!.id))
  }
  if (areaIds.length === 0) return [{ ok: false, error: 'Ingen indikator (med ett jämförelseområde) anger ett Kolada-nyckeltal; fyll i "Kolada-nyckeltal" under Indikatorer.' }]

  let values
  try {
    values = await fetchKoladaValues(
      { baseUrl: loadEnv().koladaUrl, ...request.client },
      { kpis: [...new Set(withKpi.map((doc) => doc.koladaKpi!))].sort(), municipalityCode: municipality.code, year: request.year },
    )
  } catch (error) {
    if (error instanceof KoladaError) return [{ ok: false, error: error.message }]
    throw error
  }

  const outcomes: ResultImportOutcome[] = []
  for (const areaId of areaIds) {
    const area = await payload.findByID({ collection: AREAS, id: areaId, draft: true, depth: 0, overrideAccess: true, disableErrors: true })
    if (!area?.slug) continue
    const indicators = withKpi
      .filter((doc) => relationId(doc.area) === areaId)
      .map((doc) => ({ code: doc.code, koladaKpi: doc.koladaKpi!, yesNo: Boolean(doc.localYes || doc.localNo) }))
      // New bullets in a stable order: by indicator code.
      .sort((a, b) => a.code.localeCompare(b.code, 'sv'))
    const { suggestions, notes } = koladaSuggestions(values, indicators, municipality.code, request.year, readAt)
    const kpiOf = new Map(indicators.map((item) => [item.code, item.koladaKpi]))
    outcomes.push(
      await importResults(payload, {
        areaSlug: area.slug,
        year: request.year,
        dryRun: request.dryRun,
        now: request.now,
        municipality,
        source: {
          kind: 'suggestions',
          suggestions,
          notes,
          sourceLine: `Kolada (${indicators.map((item) => item.koladaKpi).join(', ')}), läst ${readAt.slice(0, 16).replace('T', ' ')}`,
          source: (code) => `Källa: Kolada, KPI ${kpiOf.get(code)}, läst ${readAt}`,
        },
      }),
    )
  }
  return outcomes
}
