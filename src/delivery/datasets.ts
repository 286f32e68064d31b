/**
 * Every published result as open data (lag 2022:818): one row per area ×
 * survey year × bullet, built from the same in-memory catalog as the rest of
 * `/api/v1` (published only), as JSON, CSV (RFC 4180, UTF-8, formula
 * injection neutralised) and a DCAT-AP-SE description. Pure; the XLSX
 * workbook is written by ./datasetWorkbook (exceljs is asynchronous).
 */
import type { Catalog } from './catalog'
import { areaPath } from './catalog'
import type { AreaSnapshot } from './snapshot'
import { ResultDatasetSchema, type ResultDataset, type ResultRow } from './schemas'

export type DatasetOptions = {
  /** Absolute base of the links in the DCAT description (SERVER_URL). */
  serverUrl: string
  licenseUrl: string
  publisherUrl: string
  publisherName: string
  contactEmail: string
}

export const DATASET_TITLE = 'Öppna jämförelser – kommunens resultat'

/** Column order of the CSV and the workbook: the JSON's keys. */
export const RESULT_COLUMNS: readonly (keyof ResultRow)[] = [
  'area',
  'areaSlug',
  'surveyYear',
  'indicatorCode',
  'indicatorName',
  'nationalPercent',
  'localValue',
  'national',
  'local',
  'publishedAt',
  'url',
]

export function areaRows(area: AreaSnapshot): ResultRow[] {
  return area.body.flatMap((block) =>
    block.type !== 'resultSet'
      ? []
      : block.bullets.map((bullet) => {
          const code = bullet.indicator?.code ?? null
          return {
            area: area.title,
            areaSlug: area.slug,
            surveyYear: block.surveyYear,
            indicatorCode: code,
            indicatorName: code ? (area.indicatorNames[code] ?? null) : null,
            nationalPercent: bullet.indicator?.nationalPercent ?? null,
            localValue: bullet.indicator?.localValue ?? null,
            national: bullet.national,
            local: bullet.local,
            publishedAt: area.lastPublishedAt,
            url: areaPath(area.slug),
          }
        }),
  )
}

export function resultRows(catalog: Catalog): ResultRow[] {
  return catalog.publishedAreas().flatMap(areaRows)
}

const newest = (areas: readonly AreaSnapshot[]) =>
  areas.reduce<string | null>((latest, area) => (area.lastPublishedAt && (!latest || area.lastPublishedAt > latest) ? area.lastPublishedAt : latest), null)

export function resultDataset(catalog: Catalog, options: Pick<DatasetOptions, 'licenseUrl'>): ResultDataset {
  return ResultDatasetSchema.parse({ title: DATASET_TITLE, license: options.licenseUrl, modified: newest(catalog.publishedAreas()), items: resultRows(catalog) })
}

/**
 * A text cell a spreadsheet would run as a formula ("=", "+", "-", "@", and
 * tab or carriage return before them) gets a leading apostrophe (OWASP's
 * advice on CSV injection): the text stays readable, nothing runs.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const csvCell = (value: string | number | null): string => {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** RFC 4180: comma, CRLF, quotes doubled; a BOM so that Excel reads it as UTF-8. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const lines = [RESULT_COLUMNS.join(','), ...rows.map((row) => RESULT_COLUMNS.map((column) => csvCell(row[column])).join(','))]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const FILE_TYPES = {
  csv: { path: 'results.csv', format: 'CSV', mediaType: 'text/csv' },
  xlsx: { path: 'results.xlsx', format: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  json: { path: 'results.json', format: 'JSON', mediaType: 'application/json' },
} as const

/** DCAT-AP-SE (DCAT-AP 2 with the Swedish profile's required fields) as JSON-LD. */
export function dcatCatalog(catalog: Catalog, options: DatasetOptions) {
  const areas = catalog.publishedAreas()
  const years = areas.flatMap((area) => area.body.flatMap((block) => (block.type === 'resultSet' ? [block.surveyYear] : [])))
  const base = `${options.serverUrl}/api/v1/datasets`
  const sv = (text: string) => ({ '@value': text, '@language': 'sv' })
  const publisher = { '@id': options.publisherUrl, '@type': 'foaf:Agent', 'foaf:name': options.publisherName }
  const modified = newest(areas)
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcterms: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/catalog.jsonld`,
    '@type': 'dcat:Catalog' as const,
    'dcterms:title': sv(`${options.publisherName} – öppna data`),
    'dcterms:description': sv(`Öppna data från ${options.publisherName}s sidor om Öppna jämförelser inom socialtjänsten.`),
    'dcterms:publisher': publisher,
    'dcterms:license': { '@id': options.licenseUrl },
    'dcat:dataset': [
      {
        '@id': `${base}/results`,
        '@type': 'dcat:Dataset',
        'dcterms:title': sv(DATASET_TITLE),
        'dcterms:description': sv(
          `Varje publicerad resultatpunkt på ${options.publisherName}s sidor om Öppna jämförelser: jämförelseområde, undersökningsår, indikator, ` +
            'andel av landets kommuner, kommunens värde, det nationella resultatet och kommunens svar, med sidans publiceringsdatum.',
        ),
        'dcterms:publisher': publisher,
        'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': options.publisherName, 'vcard:hasEmail': { '@id': `mailto:${options.contactEmail}` } },
        'dcat:theme': { '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' },
        'dcat:keyword': [sv('Öppna jämförelser'), sv('socialtjänst'), sv('kommun')],
        'dcterms:language': { '@id': 'http://publications.europa.eu/resource/authority/language/SWE' },
        'dcterms:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
        ...(years.length
          ? {
              'dcterms:temporal': {
                '@type': 'dcterms:PeriodOfTime',
                'dcat:startDate': { '@value': `${Math.min(...years)}-01-01`, '@type': 'xsd:date' },
                'dcat:endDate': { '@value': `${Math.max(...years)}-12-31`, '@type': 'xsd:date' },
              },
            }
          : {}),
        ...(modified ? { 'dcterms:modified': { '@value': modified, '@type': 'xsd:dateTime' } } : {}),
        'dcat:distribution': Object.values(FILE_TYPES).map((type) => ({
          '@id': `${base}/${type.path}`,
          '@type': 'dcat:Distribution',
          'dcterms:title': sv(`${DATASET_TITLE} (${type.format})`),
          'dcat:accessURL': { '@id': `${base}/${type.path}` },
          'dcat:downloadURL': { '@id': `${base}/${type.path}` },
          'dcterms:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${type.format}` },
          'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${type.mediaType}` },
          'dcterms:license': { '@id': options.licenseUrl },
        })),
      },
    ],
  }
}

export const DATASET_MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: FILE_TYPES.xlsx.mediaType,
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const
