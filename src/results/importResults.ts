/**
 * The thin adapter of the results import: reads what the pure core needs
 * from Payload (the area's draft, its saved mapping, the indicators), runs
 * the core, and writes the plan as a draft in one transaction — or, in a dry
 * run or when nothing changes, writes nothing. It never publishes: the draft
 * goes through the workflow like any other (src/workflow).
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { AREAS, INDICATORS, RESULT_MAPPINGS } from '@/slugs'
import { loadEnv } from '@/env'
import type { Area } from '@/payload-types'
import { parseResultMapping, type ResultMapping } from './mapping'
import { planResultImport, suggestionsFromTable, type IndicatorSuggestion, type IndicatorTexts, type ResultPlan } from './plan'
import { formatResultPreview } from './preview'
import { readTableFile } from './readFile'
import { readResultTable, ResultTableError, type Municipality, type TableReading } from './table'

export type ResultImportSource =
  | { kind: 'table'; bytes: Uint8Array; fileName: string; mapping?: ResultMapping; saveMapping?: boolean }
  | { kind: 'suggestions'; suggestions: IndicatorSuggestion[]; sourceLine: string; source: (indicator: string) => string; notes?: string[] }

export type ResultImportRequest = {
  areaSlug: string
  year: number
  dryRun: boolean
  source: ResultImportSource
  municipality?: Municipality
  now?: Date
}

export type ResultImportOutcome =
  | { ok: true; plan: ResultPlan; preview: string; written: boolean; durationMs: number; areaId: number | string; reading: TableReading | null }
  | { ok: false; error: string }

/** A refusal the caller shows as it is (Swedish, names what to fix). */
export class ResultImportError extends Error {}

export function configuredMunicipality(): Municipality {
  const env = loadEnv()
  return { code: env.municipalityCode, name: env.municipality }
}

async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  const own = await initTransaction(req)
  try {
    const result = await work(req)
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

async function findArea(req: PayloadRequest, slug: string): Promise<Area> {
  const { docs } = await req.payload.find({ collection: AREAS, where: { slug: { equals: slug } }, draft: true, limit: 1, depth: 0, overrideAccess: true, req })
  const area = docs[0]
  if (!area) throw new ResultImportError(`Det finns ingen sida med adressen "${slug}". Ange områdets slug, t.ex. ekonomiskt-bistand.`)
  return area
}

export async function savedMapping(req: PayloadRequest, areaId: number | string): Promise<{ id: number | string; mapping: ResultMapping } | null> {
  const { docs } = await req.payload.find({
    collection: RESULT_MAPPINGS,
    where: { area: { equals: areaId } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const doc = docs[0]
  if (!doc) return null
  const parsed = parseResultMapping(doc.mapping)
  if (!parsed.ok) throw new ResultImportError(`Den sparade mappningen för området är ogiltig: ${parsed.errors.join(' ')}`)
  return { id: doc.id, mapping: parsed.mapping }
}

async function loadIndicators(req: PayloadRequest, codes: readonly string[]): Promise<Map<string, IndicatorTexts>> {
  if (codes.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: INDICATORS, where: { code: { in: [...codes] } }, pagination: false, depth: 0, overrideAccess: true, req })
  return new Map(docs.map((doc): [string, IndicatorTexts] => [doc.code, doc]))
}

export async function importResults(payload: Payload, request: ResultImportRequest): Promise<ResultImportOutcome> {
  const started = Date.now()
  const municipality = request.municipality ?? configuredMunicipality()
  const readAt = (request.now ?? new Date()).toISOString()
  try {
    // The file is read before any database work: a bad file is refused without a transaction.
    const sheets = request.source.kind === 'table' ? await readTableFile(request.source.bytes, request.source.fileName) : null
    return await inTransaction(payload, async (req) => {
      const area = await findArea(req, request.areaSlug)
      let reading: TableReading | null = null
      let suggestions: IndicatorSuggestion[]
      let sourceLine: string
      let source: (indicator: string) => string
      const tableProblems: string[] = []
      let mapping: ResultMapping | null = null
      let mappingId: number | string | null = null
      if (request.source.kind === 'table') {
        const saved = await savedMapping(req, area.id)
        mappingId = saved?.id ?? null
        mapping = request.source.mapping ?? saved?.mapping ?? null
        if (!mapping) {
          throw new ResultImportError(`"${area.title}" har ingen sparad mappning. Ange en med --mapping <fil> eller spara den i Importera resultat.`)
        }
        reading = readResultTable(sheets!.sheets, mapping, municipality)
        tableProblems.push(...sheets!.notes, ...reading.problems)
        suggestions = suggestionsFromTable(reading)
        const fileName = request.source.fileName
        sourceLine = `${fileName}${sheets!.format === 'xlsx' ? `, blad "${reading.sheet}"` : ''}, rubrikrad ${reading.headerRow}`
        source = () => `Socialstyrelsen, Öppna jämförelser ${request.year} (${fileName}${sheets!.format === 'xlsx' ? `, blad "${reading!.sheet}"` : ''})`
      } else {
        suggestions = request.source.suggestions
        sourceLine = request.source.sourceLine
        source = request.source.source
        tableProblems.push(...(request.source.notes ?? []))
      }
      const indicators = await loadIndicators(req, suggestions.map((item) => item.indicator))
      const plan = planResultImport({ body: area.body as never, year: request.year, suggestions, indicators, municipalityName: municipality.name, source, readAt })
      const written = !request.dryRun && plan.changed
      if (written) {
        // A draft beside the live page; the workflow takes it from there. Unchecked server save (src/concurrency):
        // it takes the next revision, so an open edit form notices it.
        await req.payload.update({ collection: AREAS, id: area.id, data: { body: plan.body, _status: 'draft' } as never, draft: true, overrideAccess: true, req })
      }
      if (!request.dryRun && request.source.kind === 'table' && request.source.saveMapping && mapping) {
        const data = { area: area.id, mapping, fileName: request.source.fileName }
        if (mappingId === null) await req.payload.create({ collection: RESULT_MAPPINGS, data: data as never, overrideAccess: true, req })
        else await req.payload.update({ collection: RESULT_MAPPINGS, id: mappingId, data: data as never, overrideAccess: true, req })
      }
      const durationMs = Date.now() - started
      const tableLine = reading
        ? `${municipality.name} (${reading.municipality.code}) på rad ${reading.municipality.row}; ${reading.municipalityCount} kommuner, ` +
          `${reading.hasNationalRow ? 'rad för riket finns' : 'ingen rad för riket (andelarna är beräknade ur kommunernas svar)'}, ${reading.countyRows} länsrader.`
        : undefined
      const preview = formatResultPreview(plan, { areaTitle: area.title, areaSlug: area.slug ?? request.areaSlug, dryRun: request.dryRun, sourceLine, tableLine, tableProblems, durationMs })
      return { ok: true as const, plan, preview, written, durationMs, areaId: area.id, reading }
    })
  } catch (error) {
    if (error instanceof ResultTableError || error instanceof ResultImportError) return { ok: false, error: error.message }
    // Payload's field validation (e.g. a value the bullet refuses): nothing was written, the message names the field.
    if (error instanceof Error && error.name === 'ValidationError') return { ok: false, error: `Utkastet kunde inte sparas, inget skrevs: ${error.message}` }
    throw error
  }
}
