import { describe, expect, it } from 'vitest'

import { Catalog } from '@/delivery/catalog'
import { etagMatches, handleDeliveryRequest } from '@/delivery/http'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { parseCorsOrigins } from '@/env'

const area = (id: number, title: string, lastPublishedAt: string) =>
  buildAreaSnapshot({ id, slug: title.toLowerCase(), title, section: 1, lastPublishedAt, body: [] })

const catalog = () =>
  new Catalog([area(1, 'Öppen', '2024-01-01'), area(2, 'Ekonomi', '2025-01-01'), area(3, 'Arbete', '2023-01-01')], {
    sections: [{ id: '1', slug: 'avsnitt', title: 'Avsnitt', members: [{ relationTo: 'areas', id: '2' }, { relationTo: 'links', id: '9' }, { relationTo: 'areas', id: '1' }] }],
    links: [{ id: '9', title: 'Länk', teaser: null, url: null }],
    notices: [
      { text: 'Nu', body: null, startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-12-31T00:00:00.000Z', scope: 'site', sectionId: null },
      { text: 'Avsnitt', body: null, startsAt: '2026-01-01T00:00:00.000Z', endsAt: null, scope: 'section', sectionId: '1' },
      { text: 'Slut', body: null, startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2025-02-01T00:00:00.000Z', scope: 'site', sectionId: null },
    ],
  })

const handle = (c: Catalog, request: Parameters<typeof handleDeliveryRequest>[0], allowedOrigins: string[] = []) => {
  const response = handleDeliveryRequest(request, c, { allowedOrigins, now: new Date('2026-06-01T00:00:00Z') })
  if (!response) throw new Error(`inget svar för ${request.url}`)
  return response
}
const get = (c: Catalog, url: string, extra: object = {}, allowedOrigins: string[] = []) => handle(c, { method: 'GET', url, ...extra }, allowedOrigins)

describe('catalog', () => {
  it('sorts titles the Swedish way (Ö last) and by publish date', () => {
    const c = catalog()
    expect(c.areaList().items.map((item) => item.title)).toEqual(['Arbete', 'Ekonomi', 'Öppen'])
    expect(c.areaList({ sort: '-lastPublishedAt' }).items.map((item) => item.title)).toEqual(['Ekonomi', 'Öppen', 'Arbete'])
  })

  it('relates a page to the other visible members of its section, in order', () => {
    expect(catalog().areaPage('öppen')!.related).toEqual([
      { kind: 'area', title: 'Ekonomi', teaser: null, href: '/jamforelser/ekonomi' },
      { kind: 'link', title: 'Länk', teaser: null, href: null },
      { kind: 'area', title: 'Arbete', teaser: null, href: '/jamforelser/arbete' },
    ])
  })

  it('lists areas that name the section but are not placed in its order after the placed ones', () => {
    const c = catalog()
    expect(c.section('avsnitt')!.members.map((item) => item.title)).toEqual(['Ekonomi', 'Länk', 'Öppen', 'Arbete'])
    expect(c.areaPage('arbete')!.related.map((item) => item.title)).toEqual(['Ekonomi', 'Länk', 'Öppen'])
  })

  it('follows a slug change and a removal at once', () => {
    const c = catalog()
    expect(c.areaPage('ekonomi')).not.toBeNull()
    c.setArea({ ...area(2, 'Ekonomi', '2025-01-01'), slug: 'ekonomiskt-bistand' })
    expect(c.areaPage('ekonomi')).toBeNull()
    expect(c.areaPage('ekonomiskt-bistand')!.slug).toBe('ekonomiskt-bistand')
    c.removeArea('2')
    expect(c.areaPage('ekonomiskt-bistand')).toBeNull()
    expect(c.areaPage('öppen')!.related.map((item) => item.title)).toEqual(['Länk', 'Arbete'])
  })

  it('shows active site notices everywhere and section notices in their section', () => {
    const now = new Date('2026-06-01T00:00:00Z')
    expect(catalog().activeNotices({ now }).map((notice) => notice.text)).toEqual(['Nu'])
    expect(catalog().activeNotices({ now, sectionSlug: 'avsnitt' }).map((notice) => notice.text)).toEqual(['Nu', 'Avsnitt'])
  })

  it('keeps the page state between notice boundaries and moves it at each start, end and change', () => {
    const c = catalog()
    const at = (time: string) => c.pageState(new Date(time))
    const beforeAny = at('2024-06-01T00:00:00Z')
    // Kept answers must hold for the whole span, in any order of asking.
    expect(at('2024-12-31T23:59:59.999Z')).toBe(beforeAny)
    expect(at('2025-01-01T00:00:00.000Z')).not.toBe(beforeAny) // "Slut" starts
    const during = at('2025-01-15T00:00:00Z')
    expect(at('2025-02-01T00:00:00.000Z')).not.toBe(during) // "Slut" ends
    expect(at('2025-02-01T00:00:00.000Z')).toBe(beforeAny)
    expect(at('2026-06-01T00:00:00Z')).toBe(at('2026-12-30T23:59:59.999Z'))
    expect(at('2026-12-31T00:00:00.000Z')).not.toBe(at('2026-06-01T00:00:00Z')) // "Nu" ends
    for (const time of ['2024-06-01T00:00:00Z', '2025-01-15T00:00:00Z', '2026-06-01T00:00:00Z', '2027-01-01T00:00:00Z']) {
      expect(at(time)).toBe(`${c.generation}|${c.activeNoticesKey(new Date(time))}`)
    }
    const state = at('2026-06-01T00:00:00Z')
    c.setArea(area(4, 'Ny', '2026-05-01'))
    expect(at('2026-06-01T00:00:00Z')).not.toBe(state)
  })
})

describe('handleDeliveryRequest', () => {
  it('answers 304 only for a matching tag, and a new tag after a change', () => {
    const c = catalog()
    const first = get(c, '/api/v1/areas/ekonomi')
    const etag = first.headers.ETag!
    expect(get(c, '/api/v1/areas/ekonomi', { ifNoneMatch: etag }).status).toBe(304)
    expect(get(c, '/api/v1/areas/ekonomi', { ifNoneMatch: '*' }).status).toBe(304)
    c.setArea({ ...area(2, 'Ekonomi', '2025-01-01'), teaser: 'Ny ingress' })
    const after = get(c, '/api/v1/areas/ekonomi', { ifNoneMatch: etag })
    expect(after.status).toBe(200)
    expect(after.headers.ETag).not.toBe(etag)
    expect(JSON.parse(after.body as string).teaser).toBe('Ny ingress')
  })

  it('matches If-None-Match lists and weak forms', () => {
    expect(etagMatches('"a", "b"', '"b"')).toBe(true)
    expect(etagMatches('W/"b"', '"b"')).toBe(true)
    expect(etagMatches('"c"', '"b"')).toBe(false)
    expect(etagMatches(null, '"b"')).toBe(false)
  })

  it('sends CORS headers only to configured origins, and none by default', () => {
    const c = catalog()
    expect(get(c, '/api/v1/areas', { origin: 'https://www.kalmar.se' }).headers).not.toHaveProperty('Access-Control-Allow-Origin')
    const allowed = get(c, '/api/v1/areas', { origin: 'https://www.kalmar.se' }, ['https://www.kalmar.se'])
    expect(allowed.headers).toMatchObject({ 'Access-Control-Allow-Origin': 'https://www.kalmar.se', Vary: 'Origin' })
    expect(get(c, '/api/v1/areas', { origin: 'https://evil.example' }, ['https://www.kalmar.se']).headers).not.toHaveProperty('Access-Control-Allow-Origin')
    const preflight = handle(c, { method: 'OPTIONS', url: '/api/v1/areas', origin: 'https://www.kalmar.se' }, ['https://www.kalmar.se'])
    expect(preflight.status).toBe(204)
    expect(preflight.headers['Access-Control-Allow-Methods']).toBe('GET, HEAD, OPTIONS')
  })

  it('refuses writes, bad encodings and paths it does not know', () => {
    const c = catalog()
    expect(handle(c, { method: 'DELETE', url: '/api/v1/areas/ekonomi' }).status).toBe(405)
    expect(get(c, '/api/v1/areas/%E0%A4%A').status).toBe(400)
    expect(get(c, '/api/v1/areas/ekonomi/extra').status).toBe(404)
    expect(get(c, '/api/v1/areas/..%2F..%2Fetc%2Fpasswd').status).toBe(404)
  })

  it('serves notices as of the request time, never from an earlier answer', () => {
    expect(JSON.parse(get(catalog(), '/api/v1/notices').body as string).items.map((notice: { text: string }) => notice.text)).toEqual(['Nu'])
  })
})

describe('CORS_ORIGINS', () => {
  it('accepts origins only, and says which entry is wrong', () => {
    expect(parseCorsOrigins(' https://www.kalmar.se, http://localhost:8080/ ')).toEqual(['https://www.kalmar.se', 'http://localhost:8080'])
    expect(parseCorsOrigins(undefined)).toEqual([])
    expect(() => parseCorsOrigins('https://www.kalmar.se/sida')).toThrow(/CORS_ORIGINS innehåller "https:\/\/www.kalmar.se\/sida"/)
    expect(() => parseCorsOrigins('*')).toThrow(/CORS_ORIGINS/)
  })
})
