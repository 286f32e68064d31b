import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { invalidDateReason } from '@/domain/calendarDate'
import { findUnsafeLink, urlScheme } from '@/fields/richText'
import { checkJson } from '@/api/jsonGuard'
import {
  checkQuery,
  checkWhere,
  checkWhereFields,
  defaultGuardOptions,
  guardRestRequest,
  matchEndpoint,
  parseContentType,
  type CollectionInfo,
} from '@/api/requestGuards'
import { checkShape, isValidId } from '@/api/shapeGuard'

describe('checkJson', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e5"]}', ' "text" ', '0']) expect(checkJson(text), text).toBeNull()
  })

  it('names the line and column of the first mistake, in Swedish', () => {
    expect(checkJson('{\n  "title": "Hej",\n}')?.message).toBe(
      'Förfrågans JSON kunde inte läsas: ett fältnamn inom "…" väntades men "}" stod där på rad 3, kolumn 1 (tecken 21).',
    )
    expect(checkJson('{"a":')?.message).toMatch(/texten tar slut för tidigt/)
    expect(checkJson('{"a":NaN}')?.message).toMatch(/NaN är inget giltigt tal/)
    expect(checkJson('{"a":-Infinity}')?.message).toMatch(/-Infinity är inget giltigt tal/)
    expect(checkJson("{'a':1}")?.message).toMatch(/ett fältnamn inom/)
    expect(checkJson('[1,]')?.message).toMatch(/ett värde väntades men "\]"/)
    expect(checkJson('{"a":1} {"b":2}')?.message).toMatch(/oväntad text/)
    expect(checkJson('"a\u0001"')?.message).toMatch(/styrtecknet U\+0001/)
    expect(checkJson('"\\x"')?.message).toMatch(/escape-sekvens/)
    expect(checkJson('')?.message).toMatch(/förfrågan är tom/)
  })

  it('refuses a byte order mark and duplicate keys, naming the key path', () => {
    expect(checkJson('\uFEFF{}')?.kind).toBe('bom')
    expect(checkJson('{"body":[{"surveyYear":1,"surveyYear":2}]}')).toMatchObject({ kind: 'duplicateKey', field: 'body.0.surveyYear' })
    // The same key in different objects is fine.
    expect(checkJson('{"a":{"x":1},"b":{"x":1}}')).toBeNull()
  })

  it('enforces nesting, list and string limits without recursion', () => {
    const limits = { maxDepth: 5, maxArrayItems: 3, maxStringChars: 4 }
    expect(checkJson('{"a":{"b":{"c":{"d":{"e":1}}}}}', limits)).toBeNull()
    expect(checkJson('{"a":{"b":{"c":{"d":{"e":{"f":1}}}}}}', limits)).toMatchObject({ kind: 'depth', field: 'a.b.c.d.e' })
    expect(checkJson('{"list":[1,2,3,4]}', limits)).toMatchObject({ kind: 'arrayLength', field: 'list' })
    expect(checkJson('{"t":"12345"}', limits)).toMatchObject({ kind: 'stringLength', field: 't' })
    expect(checkJson('{"t":"\\u00e5\\u00e4\\u00f6\\n"}', limits)).toBeNull()
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(checkJson(deep)?.kind).toBe('depth')
  })
})

describe('checkWhere and checkQuery', () => {
  it('accepts what Payload and the admin send', () => {
    expect(checkWhere({ title: { like: 'x' }, or: [{ slug: { equals: 'a' } }, { 'body.bullets.national': { contains: 'b' } }] })).toBeNull()
    expect(checkWhere({ id: { in: ['1', '2'] } })).toBeNull()
    expect(checkQuery({ depth: '0', limit: '0', page: '2', sort: '-updatedAt,title', where: { title: { exists: 'true' } } }, { maxDepth: 10 })).toBeNull()
  })

  it('refuses operator injection, unknown operators and objects as values, naming the place', () => {
    expect(checkWhere({ title: { $where: 'sleep(1)' } })).toMatchObject({ field: 'where[title][$where]' })
    expect(checkWhere({ or: [{ $ne: '1' }] })).toMatchObject({ field: 'where[or][0][$ne]' })
    expect(checkWhere({ title: { equals: { $gt: '' } } })).toMatchObject({ field: 'where[title][equals]' })
    expect(checkWhere({ title: 'x' })).toMatchObject({ field: 'where[title]' })
    expect(checkWhere({ title: { regex: '.*' } })?.message).toMatch(/Okänd jämförelse "regex"/)
  })

  it('refuses depth, limit, page and sort Payload would clamp or ignore, and malformed JSON in where', () => {
    const options = { maxDepth: 10 }
    expect(checkQuery({ depth: '11' }, options)).toMatchObject({ field: 'depth' })
    expect(checkQuery({ limit: '-1' }, options)).toMatchObject({ field: 'limit' })
    expect(checkQuery({ page: '0' }, options)).toMatchObject({ field: 'page' })
    expect(checkQuery({ sort: 'title;drop' }, options)).toMatchObject({ field: 'sort' })
    expect(checkQuery({ where: '{"title":' }, options)).toMatchObject({ field: 'where' })
    expect(checkQuery({ where: '{"title":{"$ne":null}}' }, options)).toMatchObject({ field: 'where[title][$ne]' })
  })
})

describe('checkWhereFields', () => {
  const collection = { fields: [{ name: 'createdAt', type: 'date' }, { name: 'title', type: 'text' }] as unknown as FlattenedField[] }

  it('refuses map operators on anything but a point and non-dates compared with a date', () => {
    expect(checkWhereFields({ title: { near: '15.3,56.6' } }, collection)).toMatchObject({ field: 'where[title][near]' })
    expect(checkWhereFields({ or: [{ createdAt: { less_than_equal: 'Kalmar' } }] }, collection)).toMatchObject({ field: 'where[or][0][createdAt][less_than_equal]' })
    expect(checkWhereFields({ createdAt: { equals: 'false' } }, collection)).toMatchObject({ status: 400 })
    expect(checkWhereFields({ createdAt: { exists: 'ja' } }, collection)).toMatchObject({ status: 400 })
  })

  it('accepts dates, date lists and exists', () => {
    expect(checkWhereFields({ createdAt: { greater_than: '2024-05-01T00:00:00.000Z', in: ['2024-01-01', '2024-02-01'] } }, collection)).toBeNull()
    expect(checkWhereFields({ createdAt: { exists: 'true' }, title: { like: 'x' } }, collection)).toBeNull()
  })

  it('lets a block kind be asked for only with equals or in and kinds that exist (the SQL adapter fails on others)', () => {
    const pages = { fields: [{ name: 'body', type: 'blocks', blocks: [{ slug: 'resultSet' }, { slug: 'textSection' }] }] as unknown as FlattenedField[] }
    expect(checkWhereFields({ 'body.blockType': { equals: 'resultSet' } }, pages)).toBeNull()
    expect(checkWhereFields({ 'body.blockType': { in: 'resultSet,textSection' } }, pages)).toBeNull()
    expect(checkWhereFields({ 'body.blockType': { equals: 'UTKAST' } }, pages)).toMatchObject({ status: 400, field: 'where[body.blockType][equals]' })
    expect(checkWhereFields({ 'body.blockType': { equals: 'UTKAST' } }, pages)?.message).toMatch(/"resultSet", "textSection"/)
    expect(checkWhereFields({ and: [{ 'body.blockType': { not_like: 'resultSet' } }] }, pages)).toMatchObject({ field: 'where[and][0][body.blockType][not_like]' })
  })
})

describe('parseContentType and matchEndpoint', () => {
  it('reads the media type case-insensitively, with charset and boundary', () => {
    expect(parseContentType('Application/JSON; Charset=UTF-8')).toEqual({ type: 'application/json', charset: 'utf-8', boundary: null })
    expect(parseContentType('multipart/form-data; boundary="--x"')).toMatchObject({ boundary: '--x' })
    expect(parseContentType(null)).toBeNull()
  })

  it("picks the endpoint Payload would pick, with its id parameter", () => {
    const endpoints = [
      { method: 'get', path: '/versions' },
      { method: 'get', path: '/:id/preview' },
      { method: 'get', path: '/:id' },
      { method: 'get', path: '/access/:id?' },
    ]
    expect(matchEndpoint(endpoints, 'GET', ['versions'])).toEqual({ path: '/versions', params: {} })
    expect(matchEndpoint(endpoints, 'GET', ['7', 'preview'])).toEqual({ path: '/:id/preview', params: { id: '7' } })
    expect(matchEndpoint(endpoints, 'GET', ['access'])).toEqual({ path: '/:id', params: { id: 'access' } })
    expect(matchEndpoint(endpoints, 'POST', ['7'])).toBeNull()
  })
})

const label = (sv: string) => ({ sv, en: sv })
const fields = [
  { name: 'title', type: 'text', label: label('Titel') },
  { name: 'year', type: 'number', label: label('År') },
  { name: 'roles', type: 'select', hasMany: true, label: label('Roller'), options: [] },
  { name: 'owner', type: 'relationship', relationTo: 'users', label: label('Ägare') },
  { name: 'members', type: 'relationship', relationTo: ['areas', 'links'], hasMany: true, label: label('Sidor') },
  { name: 'intro', type: 'richText', label: label('Inledning') },
  {
    name: 'body',
    type: 'blocks',
    label: label('Innehåll'),
    blocks: [{ slug: 'note', flattenedFields: [{ name: 'text', type: 'textarea', label: label('Text') }] }],
  },
  { name: 'links', type: 'array', label: label('Länkar'), flattenedFields: [{ name: 'url', type: 'text', label: label('Adress') }] },
] as unknown as FlattenedField[]

describe('checkShape', () => {
  const strict = { idKind: 'number' as const, strict: true }

  it('accepts values of the right kinds', () => {
    const data = {
      title: 'Hej',
      year: 2023,
      roles: ['editor'],
      owner: 3,
      members: [{ relationTo: 'areas', value: 1 }],
      intro: { root: { children: [] } },
      body: [{ blockType: 'note', text: 'OBS' }],
      links: [{ url: 'https://kalmar.se' }],
    }
    expect(checkShape(data, fields, strict)).toBeNull()
  })

  it('refuses the wrong kind, naming the label and the path', () => {
    expect(checkShape({ title: { $ne: null } }, fields, strict)?.message).toBe('Fältet "Titel" (title) ska vara en text, inte ett objekt.')
    expect(checkShape({ year: '2023' }, fields, strict)).toMatchObject({ field: 'year' })
    expect(checkShape({ roles: 'admin' }, fields, strict)).toMatchObject({ field: 'roles' })
    expect(checkShape({ owner: 'abc' }, fields, strict)).toMatchObject({ field: 'owner' })
    expect(checkShape({ members: [{ relationTo: 'users', value: 1 }] }, fields, strict)?.message).toMatch(/kan bara peka på "areas" eller "links"/)
    expect(checkShape({ intro: '<p>x</p>' }, fields, strict)).toMatchObject({ field: 'intro' })
    expect(checkShape({ body: [{ blockType: 'script' }] }, fields, strict)).toMatchObject({ field: 'body.0.blockType' })
    expect(checkShape({ body: [{ blockType: 'note', text: ['x'] }] }, fields, strict)).toMatchObject({ field: 'body.0.text' })
    expect(checkShape({ links: [{ url: { $gt: '' } }] }, fields, strict)).toMatchObject({ field: 'links.0.url' })
  })

  it('in the lenient mode (the admin’s form data) refuses only objects and lists in single-value fields', () => {
    const lenient = { idKind: 'number' as const, strict: false }
    expect(checkShape({ year: '2023', title: 5 }, fields, lenient)).toBeNull()
    expect(checkShape({ title: { $ne: null } }, fields, lenient)).toMatchObject({ field: 'title' })
    // Payload's form sends an empty list or block list as its row count.
    expect(checkShape({ links: 0, body: 0 }, fields, lenient)).toBeNull()
    expect(checkShape({ links: 0 }, fields, strict)).toMatchObject({ field: 'links' })
  })

  it('knows the id forms of the adapters', () => {
    expect(isValidId(5, 'number')).toBe(true)
    expect(isValidId('5', 'number')).toBe(true)
    expect(isValidId('1 OR 1=1', 'number')).toBe(false)
    expect(isValidId('65a1b2c3d4e5f6a7b8c9d0e1', 'ObjectID')).toBe(true)
    expect(isValidId('abc', 'ObjectID')).toBe(false)
    expect(isValidId('../users', 'text')).toBe(false)
    expect(isValidId('\u0000', 'text')).toBe(false)
  })
})

describe('guardRestRequest', () => {
  const areas: CollectionInfo = {
    label: 'Jämförelseområde',
    knownFields: new Set(['title', 'id']),
    fields,
    endpoints: [
      { method: 'post', path: '/' },
      // Payload's order: /versions before /:id.
      { method: 'get', path: '/versions' },
      { method: 'get', path: '/versions/:id' },
      { method: 'get', path: '/:id' },
      { method: 'patch', path: '/:id' },
    ],
    idKind: 'number',
    upload: false,
    versions: true,
  }
  const history: CollectionInfo = { ...areas, label: 'Publiceringshändelse', versions: false }
  const options = defaultGuardOptions({ maxBodyBytes: 1000, collections: { areas, 'publication-history': history } })
  const post = (body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    guardRestRequest(new Request('http://x/api/areas', { method: 'POST', body, headers }), ['areas'], options)

  it('passes a good request on, with the body intact and Accept-Language removed', async () => {
    const result = await guardRestRequest(
      new Request('http://x/api/areas', { method: 'POST', body: '{"title":"Hej"}', headers: { 'Content-Type': 'Application/JSON', 'Accept-Language': 'en' } }),
      ['areas'],
      options,
    )
    if (!('request' in result)) throw new Error(JSON.stringify(result))
    expect(await result.request.text()).toBe('{"title":"Hej"}')
    expect(result.request.headers.get('content-type')).toBe('application/json')
    expect(result.request.headers.get('accept-language')).toBeNull()
  })

  it('answers /versions on a collection that keeps none with a 404 (Payload crashes on it)', async () => {
    const get = (path: string[]) => guardRestRequest(new Request(`http://x/api/${path.join('/')}`), path, options)
    expect(await get(['publication-history', 'versions'])).toMatchObject({ refusal: { status: 404, message: '/api/publication-history/versions finns inte: den här samlingen sparar inga versioner.' } })
    expect(await get(['publication-history', 'versions', '48'])).toMatchObject({ refusal: { status: 404 } })
    expect(await get(['areas', 'versions'])).toHaveProperty('request')
  })

  it('refuses a body over the limit before reading it all (413), by its declared or its real size', async () => {
    expect(await post('x'.repeat(2000))).toMatchObject({ refusal: { status: 413 } })
    const declared = await guardRestRequest(
      new Request('http://x/api/areas', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Content-Length': '5000' } }),
      ['areas'],
      options,
    )
    expect(declared).toMatchObject({ refusal: { status: 413 } })
  })

  it('refuses other content types (415), malformed JSON, unknown fields and wrong kinds (400)', async () => {
    expect(await post('{"title":"Hej"}', { 'Content-Type': 'text/xml' })).toMatchObject({ refusal: { status: 415 } })
    expect(await post('{"title":')).toMatchObject({ refusal: { status: 400 } })
    expect(await post('{"title":"Hej","hacked":1}')).toMatchObject({ refusal: { status: 400, field: 'hacked' } })
    expect(await post('{"title":5}')).toMatchObject({ refusal: { status: 400, field: 'title' } })
    expect(await post('[]')).toMatchObject({ refusal: { status: 400 } })
  })

  it('answers an id of the wrong form with 404 before Payload sees it', async () => {
    const result = await guardRestRequest(new Request('http://x/api/areas/abc'), ['areas', 'abc'], options)
    expect(result).toMatchObject({ refusal: { status: 404 } })
    expect(await guardRestRequest(new Request('http://x/api/areas/12'), ['areas', '12'], options)).toHaveProperty('request')
  })

  it('checks the admin’s form data: files refused, _payload checked', async () => {
    const form = new FormData()
    form.set('_payload', '{"title":')
    expect(await guardRestRequest(new Request('http://x/api/areas', { method: 'POST', body: form }), ['areas'], options)).toMatchObject({
      refusal: { status: 400, field: '_payload' },
    })
    const upload = new FormData()
    upload.set('file', new Blob(['x']), '../../etc/passwd')
    expect(await guardRestRequest(new Request('http://x/api/areas', { method: 'POST', body: upload }), ['areas'], options)).toMatchObject({
      refusal: { status: 400, field: 'file' },
    })
    const good = new FormData()
    good.set('_payload', '{"title":"Hej"}')
    expect(await guardRestRequest(new Request('http://x/api/areas', { method: 'POST', body: good }), ['areas'], options)).toHaveProperty('request')
  })
})

describe('field rules', () => {
  it('invalidDateReason refuses days that do not exist and absurd years', () => {
    expect(invalidDateReason('2024-02-29')).toBeNull()
    expect(invalidDateReason('2024-05-01T10:00:00.000Z')).toBeNull()
    expect(invalidDateReason('2024-05-01T10:00+02:00')).toBeNull()
    expect(invalidDateReason('2023-02-29')).toMatch(/finns inte i kalendern/)
    expect(invalidDateReason('2023-04-31')).toMatch(/finns inte i kalendern/)
    expect(invalidDateReason('2023-13-01')).toMatch(/finns inte i kalendern/)
    expect(invalidDateReason('2023-01-01T25:00:00Z')).toMatch(/Klockslaget/)
    expect(invalidDateReason('0000-01-01')).toMatch(/orimligt/)
    expect(invalidDateReason('igår')).toMatch(/inget datum/)
    expect(invalidDateReason(12)).toMatch(/som text/)
  })

  it('findUnsafeLink finds javascript: and data: links however they are spelled, and nothing else', () => {
    const doc = (url: string) => ({ root: { children: [{ type: 'paragraph', children: [{ type: 'link', fields: { url }, children: [{ type: 'text', text: 'här' }] }] }] } })
    expect(findUnsafeLink(doc('javascript:alert(1)'))).toEqual({ text: 'här', url: 'javascript:alert(1)' })
    expect(findUnsafeLink(doc(' JaVa\tScRiPt:alert(1)'))).not.toBeNull()
    expect(findUnsafeLink(doc('data:text/html,<script>'))).not.toBeNull()
    for (const url of ['https://kalmar.se', 'mailto:a@kalmar.se', 'tel:0480', '/jamforelser/x', '#topp', 'www.kalmar.se']) expect(findUnsafeLink(doc(url)), url).toBeNull()
    expect(urlScheme('vbscript:x')).toBe('vbscript')
  })
})
