import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { Catalog } from '@/delivery/catalog'
import { dcatCatalog, neutraliseFormula, RESULT_COLUMNS, resultsCsv } from '@/delivery/datasets'
import { handleDeliveryRequest } from '@/delivery/http'
import { buildOpenApiDocument } from '@/delivery/openapi'
import { ensureWorkbook } from '@/delivery/resolve'
import { buildAreaSnapshot } from '@/delivery/snapshot'

const snapshot = () => ({
  ...buildAreaSnapshot({
    id: 1,
    slug: 'socialpsykiatri',
    title: 'Socialpsykiatri',
    lastPublishedAt: '2025-03-01T12:00:00.000Z',
    body: [
      {
        blockType: 'resultSet',
        surveyYear: 2024,
        bullets: [
          { national: '37 procent av kommunerna uppger att de erbjuder ESL.', local: 'I Kalmar erbjuds inte ESL.', indicator: { code: 'SOCPSYK-ESL', nationalPercent: 37, localValue: 'nej' } },
          // An editor's text that a spreadsheet would run as a formula, with a comma, quotes and a line break.
          { national: '=HYPERLINK("http://evil.example","klicka")', local: '-2, "minus"\nrad två', indicator: { code: 'SOCPSYK-X', nationalPercent: 12, nationalPercentSuggested: true } },
        ],
      },
      { blockType: 'resultSet', surveyYear: 2019, bullets: [{ national: '+ ett äldre resultat', local: '@kalmar' }] },
    ],
  }),
  indicatorNames: { 'SOCPSYK-ESL': 'Erbjuder ESL', 'SOCPSYK-X': 'Annan' },
})

const catalog = () => new Catalog([snapshot()])
const options = {
  allowedOrigins: [],
  dataset: { serverUrl: 'https://cms.kalmar.se', licenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/', publisherUrl: 'https://kalmar.se', publisherName: 'Kalmar kommun', contactEmail: 'socialforvaltningen@kalmar.se' },
}
const get = (c: Catalog, url: string, ifNoneMatch?: string) => {
  const response = handleDeliveryRequest({ method: 'GET', url, ifNoneMatch }, c, options)
  if (!response) throw new Error('not loaded')
  return response
}

describe('open data: CSV', () => {
  it('is RFC 4180 in UTF-8: header, comma, CRLF, quotes doubled, and parses back to the same rows', () => {
    const response = get(catalog(), '/api/v1/datasets/results.csv')
    expect(response.headers['Content-Type']).toBe('text/csv; charset=utf-8; header=present')
    const text = response.body as string
    expect(text.startsWith('\uFEFFarea,areaSlug,surveyYear,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(3)
    expect(rows[0]).toEqual({
      area: 'Socialpsykiatri',
      areaSlug: 'socialpsykiatri',
      surveyYear: '2024',
      indicatorCode: 'SOCPSYK-ESL',
      indicatorName: 'Erbjuder ESL',
      nationalPercent: '37',
      localValue: 'nej',
      national: '37 procent av kommunerna uppger att de erbjuder ESL.',
      local: 'I Kalmar erbjuds inte ESL.',
      publishedAt: '2025-03-01T12:00:00.000Z',
      url: '/jamforelser/socialpsykiatri',
    })
    // A share the import suggested and no editor confirmed is not published.
    expect(rows[1]!.nationalPercent).toBe('')
  })

  it('neutralises cells that begin with =, +, - or @', () => {
    const rows = parse(get(catalog(), '/api/v1/datasets/results.csv').body as string, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows[1]!.national).toBe('\'=HYPERLINK("http://evil.example","klicka")')
    expect(rows[1]!.local).toBe('\'-2, "minus"\nrad två')
    expect(rows[2]!.national).toBe("'+ ett äldre resultat")
    expect(rows[2]!.local).toBe("'@kalmar")
    expect(neutraliseFormula('37 procent')).toBe('37 procent')
    expect(resultsCsv([])).toBe(`\uFEFF${RESULT_COLUMNS.join(',')}\r\n`)
  })

  it('per area, and 404 for an area that is not published', () => {
    const rows = parse(get(catalog(), '/api/v1/areas/socialpsykiatri/results.csv').body as string, { bom: true, columns: true })
    expect(rows).toHaveLength(3)
    expect(get(catalog(), '/api/v1/areas/finns-inte/results.csv').status).toBe(404)
  })

  it('has an ETag and answers 304 to it; a publish changes it', () => {
    const c = catalog()
    const first = get(c, '/api/v1/datasets/results.csv')
    expect(get(c, '/api/v1/datasets/results.csv', first.headers.ETag).status).toBe(304)
    c.setArea({ ...snapshot(), title: 'Socialpsykiatri (ny)' })
    expect(get(c, '/api/v1/datasets/results.csv', first.headers.ETag).status).toBe(200)
  })
})

describe('open data: JSON, XLSX and DCAT', () => {
  it('JSON has the same rows as the CSV', () => {
    const body = JSON.parse(get(catalog(), '/api/v1/datasets/results.json').body as string)
    expect(body.license).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    expect(body.modified).toBe('2025-03-01T12:00:00.000Z')
    expect(body.items.map((row: { surveyYear: number }) => row.surveyYear)).toEqual([2024, 2024, 2019])
  })

  it('XLSX is written once per generation, read back with a real reader, and keeps text as text', async () => {
    const c = catalog()
    expect(handleDeliveryRequest({ method: 'GET', url: '/api/v1/datasets/results.xlsx' }, c, options)).toBeNull()
    await ensureWorkbook(c, options)
    const response = get(c, '/api/v1/datasets/results.xlsx')
    expect(response.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(get(c, '/api/v1/datasets/results.xlsx', response.headers.ETag).status).toBe(304)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(response.body as Uint8Array) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('Resultat')!
    expect(sheet.getRow(1).values).toEqual([undefined, ...RESULT_COLUMNS])
    expect(sheet.getRow(2).getCell(6).value).toBe(37)
    // Stored as a string cell, not a formula.
    expect(sheet.getRow(3).getCell(8).value).toBe('=HYPERLINK("http://evil.example","klicka")')
    expect(sheet.rowCount).toBe(4)
  })

  it('DCAT-AP-SE: title, description, publisher, licence, distributions with formats, temporal coverage, modified', () => {
    const response = get(catalog(), '/api/v1/datasets/catalog.jsonld')
    expect(response.headers['Content-Type']).toBe('application/ld+json; charset=utf-8')
    const doc = JSON.parse(response.body as string)
    expect(doc).toEqual(dcatCatalog(catalog(), options.dataset))
    const dataset = doc['dcat:dataset'][0]
    expect(dataset['dcterms:title']).toEqual({ '@value': 'Öppna jämförelser – kommunens resultat', '@language': 'sv' })
    expect(dataset['dcterms:publisher']).toEqual({ '@id': 'https://kalmar.se', '@type': 'foaf:Agent', 'foaf:name': 'Kalmar kommun' })
    expect(dataset['dcterms:temporal']['dcat:startDate']['@value']).toBe('2019-01-01')
    expect(dataset['dcterms:temporal']['dcat:endDate']['@value']).toBe('2024-12-31')
    expect(dataset['dcterms:modified']['@value']).toBe('2025-03-01T12:00:00.000Z')
    expect(dataset['dcat:distribution'].map((item: { 'dcat:downloadURL': { '@id': string } }) => item['dcat:downloadURL']['@id'])).toEqual([
      'https://cms.kalmar.se/api/v1/datasets/results.csv',
      'https://cms.kalmar.se/api/v1/datasets/results.xlsx',
      'https://cms.kalmar.se/api/v1/datasets/results.json',
    ])
    expect(dataset['dcat:distribution'][0]['dcterms:license']).toEqual({ '@id': 'https://creativecommons.org/publicdomain/zero/1.0/' })
  })

  it('is in the OpenAPI document with its media types', () => {
    const paths = buildOpenApiDocument().paths as unknown as Record<string, { get: { responses: { 200: { content: Record<string, unknown> } } } }>
    const media = (path: string) => Object.keys(paths[path]!.get.responses[200].content)
    expect(media('/api/v1/datasets/results.csv')).toEqual(['text/csv'])
    expect(media('/api/v1/datasets/results.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
    expect(media('/api/v1/datasets/results.json')).toEqual(['application/json'])
    expect(media('/api/v1/datasets/catalog.jsonld')).toEqual(['application/ld+json'])
    expect(media('/api/v1/areas/{slug}/results.csv')).toEqual(['text/csv'])
  })
})

describe('figures the results import suggested', () => {
  it('are not published (nor in the dataset) until an editor confirms the bullet', () => {
    const pending = buildAreaSnapshot({
      id: 2,
      slug: 'x',
      title: 'X',
      body: [{ blockType: 'resultSet', surveyYear: 2025, bullets: [{ national: 'N', local: 'L', indicator: { code: 'A', nationalPercent: 40, localValue: 'ja' }, imported: { pending: true } }] }],
    } as never)
    expect((pending.body[0] as { bullets: unknown[] }).bullets[0]).toEqual({ national: 'N', local: 'L', indicator: { code: 'A', nationalPercent: null, localValue: null } })
  })
})
