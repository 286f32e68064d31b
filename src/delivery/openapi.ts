/**
 * `/api/v1/openapi.json` (OpenAPI 3.1), generated from the same zod schemas
 * that build the responses: the document cannot drift from what is served.
 */
import { z } from 'zod'

import * as schemas from './schemas'

type Operation = {
  path: string
  summary: string
  description?: string
  operationId: string
  parameters?: object[]
  response: string
  /** The media type of a 200 (application/json unless said). */
  media?: string
  notFound?: boolean
}

const CSV_COLUMNS = 'Kolumner som i ResultRow; komma, CRLF, UTF-8 med BOM; text som börjar med =, +, - eller @ får en inledande apostrof.'

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

const slugParameter = (what: string) => ({
  name: 'slug',
  in: 'path',
  required: true,
  description: `${what}s adress (slug), t.ex. "socialpsykiatri".`,
  schema: { type: 'string' },
})

const OPERATIONS: Operation[] = [
  {
    path: '/api/v1/areas',
    operationId: 'listAreas',
    summary: 'Publicerade jämförelseområden',
    description: 'Sorterbar på titel eller senaste publicering, filtrerbar på avsnitt, sidindelad.',
    parameters: [
      { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      { name: 'sort', in: 'query', schema: { type: 'string', enum: ['title', '-title', 'lastPublishedAt', '-lastPublishedAt'], default: 'title' } },
      { name: 'section', in: 'query', description: 'Avsnittets slug.', schema: { type: 'string' } },
    ],
    response: 'AreaList',
  },
  {
    path: '/api/v1/areas/{slug}',
    operationId: 'getArea',
    summary: 'En publicerad sida',
    parameters: [slugParameter('Sidan')],
    response: 'AreaPage',
    notFound: true,
  },
  {
    path: '/api/v1/areas/{slug}/versions',
    operationId: 'listAreaVersions',
    summary: 'Varje publicerad version av en sida, med vad som ändrades',
    description: 'Publicerade versioner är allmänna handlingar: de finns kvar även om sidan avpubliceras, och ändras aldrig.',
    parameters: [slugParameter('Sidan')],
    response: 'AreaVersionList',
    notFound: true,
  },
  {
    path: '/api/v1/areas/{slug}/versions/{number}',
    operationId: 'getAreaVersion',
    summary: 'En publicerad version av en sida, som den publicerades',
    parameters: [slugParameter('Sidan'), { name: 'number', in: 'path', required: true, description: 'Versionsnummer, 1 = första publiceringen.', schema: { type: 'integer', minimum: 1 } }],
    response: 'AreaVersionPage',
    notFound: true,
  },
  {
    path: '/api/v1/areas/{slug}/indicators',
    operationId: 'getAreaIndicators',
    summary: 'Sidans indikatorer över tid (nationellt och kommunen)',
    description: 'Indikatorer med värden för minst två undersökningsår, ur sidan och dess tidigare publicerade versioner.',
    parameters: [slugParameter('Sidan')],
    response: 'AreaIndicators',
    notFound: true,
  },
  { path: '/api/v1/sections', operationId: 'listSections', summary: 'Alla avsnitt med sina publicerade sidor', response: 'SectionList' },
  {
    path: '/api/v1/sections/{slug}',
    operationId: 'getSection',
    summary: 'Ett avsnitt med sina publicerade sidor i ordning',
    parameters: [slugParameter('Avsnittet')],
    response: 'SectionPage',
    notFound: true,
  },
  { path: '/api/v1/notices', operationId: 'listActiveNotices', summary: 'Driftmeddelanden som gäller just nu', response: 'NoticeList' },
  {
    path: '/api/v1/datasets/results.json',
    operationId: 'getResultDataset',
    summary: 'Öppna data: alla publicerade resultat (JSON)',
    description: 'En rad per område × undersökningsår × resultatpunkt; bara publicerat, och bara andelar och värden som en redaktör har bekräftat.',
    response: 'ResultDataset',
  },
  { path: '/api/v1/datasets/results.csv', operationId: 'getResultDatasetCsv', summary: 'Öppna data: alla publicerade resultat (CSV, RFC 4180)', description: CSV_COLUMNS, response: 'csv', media: 'text/csv' },
  {
    path: '/api/v1/datasets/results.xlsx',
    operationId: 'getResultDatasetXlsx',
    summary: 'Öppna data: alla publicerade resultat (Excel)',
    description: 'Bladet "Resultat" med samma kolumner som CSV-filen.',
    response: 'xlsx',
    media: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    path: '/api/v1/datasets/catalog.jsonld',
    operationId: 'getDatasetCatalog',
    summary: 'DCAT-AP-SE-beskrivning av datamängden (för Sveriges dataportal)',
    response: 'DcatCatalog',
    media: 'application/ld+json',
  },
  {
    path: '/api/v1/areas/{slug}/results.csv',
    operationId: 'getAreaResultsCsv',
    summary: 'Öppna data: en sidas publicerade resultat (CSV)',
    description: CSV_COLUMNS,
    parameters: [slugParameter('Sidan')],
    response: 'csv',
    media: 'text/csv',
    notFound: true,
  },
]

function content(op: Operation) {
  if (op.media === 'text/csv') return { 'text/csv': { schema: { type: 'string' } } }
  if (op.media && op.response === 'xlsx') return { [op.media]: { schema: { type: 'string', contentMediaType: op.media } } }
  return { [op.media ?? 'application/json']: { schema: ref(op.response) } }
}

const CACHE_HEADERS = {
  ETag: { description: 'Stark ETag för exakt detta svar.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string', example: 'public, max-age=60, stale-while-revalidate=600' } },
}

function operation(op: Operation) {
  const responses: Record<string, object> = {
    200: { description: 'OK', headers: CACHE_HEADERS, content: content(op) },
    304: { description: 'Oförändrat sedan If-None-Match.', headers: CACHE_HEADERS },
    400: { description: 'Ogiltig parameter; meddelandet säger vilken.', content: { 'application/json': { schema: ref('Error') } } },
  }
  if (op.notFound) responses[404] = { description: 'Finns inte (eller är inte publicerad).', content: { 'application/json': { schema: ref('Error') } } }
  return {
    get: {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      parameters: [
        ...(op.parameters ?? []),
        { name: 'If-None-Match', in: 'header', required: false, description: 'ETag från ett tidigare svar.', schema: { type: 'string' } },
      ],
      responses,
    },
  }
}

/** The schemas every response refers to, named by their `meta({ id })`. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>()
  for (const schema of Object.values(schemas)) {
    if (!(schema instanceof z.ZodType)) continue
    const id = (schema.meta() as { id?: string } | undefined)?.id
    if (id) registry.add(schema, { id })
  }
  const converted = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}`, io: 'output' })
  // Each component is part of this document, not a document of its own.
  return Object.fromEntries(
    Object.entries(converted.schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>
      return [id, rest]
    }),
  )
}

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Öppna jämförelser – innehålls-API',
      version: '1.0.0',
      description:
        'Publicerat innehåll, och bara publicerat: utkast syns aldrig här, oavsett parametrar eller inloggning. ' +
        'Alla svar har en stark ETag; skicka If-None-Match för att få 304. Datum är ISO 8601. Felmeddelanden är på svenska.',
    },
    servers: [{ url: '/' }],
    paths: Object.fromEntries(OPERATIONS.map((op) => [op.path, operation(op)])),
    components: { schemas: componentSchemas() },
  }
}

export const OPENAPI_OPERATION_COUNT = OPERATIONS.length
