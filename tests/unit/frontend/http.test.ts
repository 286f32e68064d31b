import zlib from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { Catalog, type HistoryEntry } from '@/delivery/catalog'
import { CACHE_CONTROL } from '@/delivery/http'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { siteStylesheet } from '@/frontend/assets'
import { chooseEncoding, PublicSite, type PageRequest } from '@/frontend/http'
import type { PageSources, PreviewResult } from '@/frontend/pages'
import { publicPagePolicy } from '@/http/csp.mjs'

const NOW = new Date('2026-06-01T00:00:00Z')

const area = (id: number, title: string, extra: object = {}) =>
  buildAreaSnapshot({ id, slug: title.toLowerCase(), title, section: 1, lastPublishedAt: '2025-01-01T00:00:00.000Z', firstPublishedAt: '2024-01-01T00:00:00.000Z', body: [], ...extra })

const entry = (areaId: string, slug: string, number: number): HistoryEntry => ({
  areaId,
  slug,
  title: slug,
  number,
  publishedAt: `202${number}-01-01T00:00:00.000Z`,
  summary: `Version ${number}`,
  changes: { added: [], removed: [], changed: [] } as unknown as HistoryEntry['changes'],
})

function catalog() {
  const c = new Catalog([area(1, 'Ekonomi'), area(2, 'Arbete'), area(3, 'Ensam', { section: null })], {
    sections: [{ id: '1', slug: 'avsnitt', title: 'Avsnitt', members: [{ relationTo: 'areas', id: '1' }, { relationTo: 'areas', id: '2' }] }],
    links: [],
    notices: [{ text: 'Planerat avbrott i natt', body: null, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-07-01T00:00:00.000Z', scope: 'site', sectionId: null }],
  })
  c.setHistory([entry('1', 'ekonomi', 1), entry('1', 'ekonomi', 2)])
  return c
}

function world(c = catalog(), preview: PreviewResult = { ok: false, status: 401, message: 'Länken saknar nyckel.' }) {
  const loads: string[] = []
  const sources: PageSources = {
    catalog: c,
    site: { municipality: 'Kalmar kommun', contactEmail: 'kontakt@kalmar.example' },
    // As src/delivery/resolve.ts: the database only when the catalog does not hold the version yet.
    versionPage: async (slug, number) => {
      const known = c.versionPage(slug, number)
      if (known !== undefined) return known
      loads.push(`${slug}/${number}`)
      const source = c.versionSource(slug, number)
      return source ? c.storeVersionPage(slug, number, area(Number(source.areaId), 'Ekonomi', { title: `Ekonomi v${number}` })) : null
    },
    preview: async () => preview,
    now: NOW,
  }
  const site = new PublicSite()
  const get = async (url: string, extra: Partial<PageRequest> = {}) => {
    const response = await site.handle({ method: 'GET', url, ...extra }, sources)
    const bytes = Buffer.from(response.body ?? '')
    const encoding = response.headers['Content-Encoding']
    const text = encoding === 'br' ? zlib.brotliDecompressSync(bytes).toString() : encoding === 'gzip' ? zlib.gunzipSync(bytes).toString() : bytes.toString()
    return { ...response, text }
  }
  return { site, sources, get, loads, catalog: c }
}

describe('public pages over HTTP', () => {
  it('serves every page as a whole HTML document without any script, with the stylesheet inline', async () => {
    const { get } = world()
    for (const url of ['/', '/tillganglighet', '/jamforelser/ekonomi', '/jamforelser/ekonomi/historik', '/jamforelser/ekonomi/historik/1', '/finns-inte', '/forhandsgranska']) {
      const page = await get(url)
      expect(page.text, url).toMatch(/^<!DOCTYPE html><html lang="sv"><head><meta charSet="utf-8"\/>/)
      expect(page.text, url).not.toMatch(/<script/i)
      expect(page.text, url).toContain(`<style>${siteStylesheet().css}</style>`)
      expect(page.text, url).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
      expect(page.headers['Content-Security-Policy'], url).toBe(publicPagePolicy(siteStylesheet().hashSource))
      expect(page.headers['Content-Type'], url).toBe('text/html; charset=utf-8')
    }
  })

  it('allows the stylesheet by the hash a browser computes of it', async () => {
    const { createHash } = await import('node:crypto')
    expect(siteStylesheet().hashSource).toBe(`'sha256-${createHash('sha256').update(siteStylesheet().css, 'utf8').digest('base64')}'`)
  })

  it('titles and describes each page, and keeps old versions and the 404 page out of search', async () => {
    const { get } = world()
    expect((await get('/')).text).toContain('<title>Öppna jämförelser – Kalmar kommun</title>')
    const area = (await get('/jamforelser/ekonomi')).text
    expect(area).toContain('<title>Ekonomi – Öppna jämförelser – Kalmar kommun</title>')
    expect(area).not.toContain('name="robots"')
    expect((await get('/jamforelser/ekonomi/historik/1')).text).toContain('<meta name="robots" content="noindex"/>')
    expect((await get('/jamforelser/ekonomi/historik/2')).text).not.toContain('name="robots"')
    const missing = await get('/jamforelser/finns-inte')
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('<title>Sidan finns inte – Öppna jämförelser – Kalmar kommun</title>')
    expect(missing.text).toContain('<meta name="robots" content="noindex"/>')
  })

  it('answers 404 with the Swedish page for every address that is not a page', async () => {
    const { get } = world()
    for (const url of ['/finns-inte', '/jamforelser', '/jamforelser/ekonomi/annat', '/jamforelser/ekonomi/historik/9', '/jamforelser/ekonomi/historik/x', '/jamforelser/%E0%A4%A', '/jamforelser/ensam/historik', '/tillganglighet/mer', '/sidan-finns-inte']) {
      const page = await get(url)
      expect(page.status, url).toBe(404)
      expect(page.text, url).toContain('<h1>Sidan finns inte</h1>')
    }
  })

  it('serves a page with a trailing slash or a query as the same page', async () => {
    const { get } = world()
    const plain = await get('/jamforelser/ekonomi')
    expect((await get('/jamforelser/ekonomi/')).headers.ETag).toBe(plain.headers.ETag)
    expect((await get('/jamforelser/ekonomi?utm=x')).headers.ETag).toBe(plain.headers.ETag)
  })

  it('caches like the API, with a strong ETag per encoding, and answers If-None-Match with 304', async () => {
    const { get } = world()
    const plain = await get('/jamforelser/ekonomi')
    expect(plain.headers['Cache-Control']).toBe(CACHE_CONTROL)
    expect(plain.headers.Vary).toBe('Accept-Encoding')
    expect(plain.headers.ETag).toMatch(/^"[\w-]{32}"$/)
    const brotli = await get('/jamforelser/ekonomi', { acceptEncoding: 'gzip, deflate, br, zstd' })
    expect(brotli.headers['Content-Encoding']).toBe('br')
    expect(brotli.headers.ETag).toBe(plain.headers.ETag!.replace(/"$/, '-br"'))
    expect(brotli.text).toBe(plain.text)
    const gzip = await get('/jamforelser/ekonomi', { acceptEncoding: 'gzip' })
    expect(gzip.headers['Content-Encoding']).toBe('gzip')
    expect(gzip.text).toBe(plain.text)
    expect(Number(gzip.headers['Content-Length'])).toBe(gzip.body!.length)
    for (const tag of [plain.headers.ETag!, brotli.headers.ETag!, `W/${plain.headers.ETag}`, `"x", ${gzip.headers.ETag}`]) {
      const again = await get('/jamforelser/ekonomi', { ifNoneMatch: tag, acceptEncoding: 'br' })
      expect(again.status, tag).toBe(304)
      expect(again.body).toBeNull()
      expect(again.headers.ETag).toBe(brotli.headers.ETag)
    }
    expect((await get('/jamforelser/ekonomi', { ifNoneMatch: '"annan"' })).status).toBe(200)
  })

  it('answers HEAD with the headers and no body, and refuses writes', async () => {
    const { site, sources } = world()
    const head = await site.handle({ method: 'HEAD', url: '/' }, sources)
    expect(head.status).toBe(200)
    expect(head.body).toBeNull()
    expect(Number(head.headers['Content-Length'])).toBeGreaterThan(1000)
    const post = await site.handle({ method: 'POST', url: '/' }, sources)
    expect(post.status).toBe(405)
    expect(post.headers.Allow).toBe('GET, HEAD')
  })

  it('draws a page once, keeps it while nothing it shows changes, and draws it again at once when it does', async () => {
    const { site, get, catalog: c } = world()
    const first = await get('/jamforelser/ekonomi')
    expect(site.store.draws).toBe(1)
    await get('/jamforelser/ekonomi')
    await get('/jamforelser/ekonomi', { acceptEncoding: 'br' })
    expect(site.store.draws).toBe(1)
    // A publish of a page outside the section: a new generation, but this page shows the same.
    c.setArea(area(3, 'Ensam', { section: null, teaser: 'Ny ingress' }))
    expect((await get('/jamforelser/ekonomi')).headers.ETag).toBe(first.headers.ETag)
    expect(site.store.draws).toBe(1)
    // A publish of a page in its section changes its "Fler sidor inom …" list: drawn again, at the first read.
    c.setArea(area(2, 'Arbete', { title: 'Arbete och sysselsättning' }))
    const changed = await get('/jamforelser/ekonomi')
    // Long words carry soft hyphens (src/frontend/text.ts hyphenate).
    expect(changed.text.replaceAll('\u00ad', '')).toContain('Arbete och sysselsättning')
    expect(changed.headers.ETag).not.toBe(first.headers.ETag)
    expect(site.store.draws).toBe(2)
  })

  it('answers a kept page without resolving it, and only while the catalog has not moved on', async () => {
    const { site, sources, get, catalog: c } = world()
    expect(site.answerKept({ method: 'GET', url: '/jamforelser/ekonomi' }, sources)).toBeNull()
    const first = await get('/jamforelser/ekonomi')
    const kept = site.answerKept({ method: 'GET', url: '/jamforelser/ekonomi' }, sources)
    expect(kept?.status).toBe(200)
    expect(kept?.headers.ETag).toBe(first.headers.ETag)
    expect(site.answerKept({ method: 'GET', url: '/jamforelser/ekonomi', ifNoneMatch: first.headers.ETag }, sources)?.status).toBe(304)
    expect(site.answerKept({ method: 'GET', url: '/jamforelser/ekonomi?x=1' }, sources)).toBeNull()
    c.removeArea('1')
    expect(site.answerKept({ method: 'GET', url: '/jamforelser/ekonomi' }, sources)).toBeNull()
    expect((await get('/jamforelser/ekonomi')).status).toBe(404)
  })

  it('shows a notice while it is active and drops it when it ends, without a publish', async () => {
    const { sources, get } = world()
    expect((await get('/')).text).toContain('Planerat avbrott i natt')
    sources.now = new Date('2026-07-02T00:00:00Z')
    expect((await get('/')).text).not.toContain('Planerat avbrott i natt')
  })

  it('reads an old version from its source once and then keeps it', async () => {
    const { get, loads } = world()
    expect((await get('/jamforelser/ekonomi/historik/1')).text).toContain('Ekonomi v1')
    await get('/jamforelser/ekonomi/historik/1')
    expect(loads).toEqual(['ekonomi/1'])
  })

  it('never keeps or caches the preview, and keeps it out of search and referrers', async () => {
    const draft = world().catalog.areaPage('ekonomi')!
    const { site, get, sources } = world(catalog(), { ok: true, page: { ...draft, title: 'Utkastets rubrik' }, expiresAt: '2026-06-02T00:00:00.000Z' })
    const preview = await get('/forhandsgranska?token=abc', { acceptEncoding: 'br' })
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('Utkastets rubrik')
    expect(preview.text).toContain('<meta name="robots" content="noindex, nofollow"/>')
    expect(preview.headers).toMatchObject({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer', 'Content-Encoding': 'br' })
    expect(preview.headers.ETag).toBeUndefined()
    expect(site.store.size).toBe(0)
    expect(site.answerKept({ method: 'GET', url: '/forhandsgranska' }, sources)).toBeNull()
  })

  it('says why a preview cannot be shown, with its status', async () => {
    const { get } = world(catalog(), { ok: false, status: 410, message: 'Länken har gått ut.' })
    const page = await get('/forhandsgranska?token=gammal')
    expect(page.status).toBe(410)
    expect(page.text).toContain('Förhandsgranskningen kan inte visas')
    expect(page.text).toContain('Länken har gått ut.')
    expect(page.headers['Cache-Control']).toBe('no-store')
  })

  it('shows a release preview as the whole site after the release, every link kept inside it, nothing kept or cached', async () => {
    const published = catalog()
    // The release changes Ekonomi and adds a new page to the same section.
    const next = published.withAreas([area(1, 'Ekonomi', { teaser: 'Ny sammanfattning 2026' }), area(4, 'Bostad', { teaser: 'Ny sida i paketet' })])
    const release: PreviewResult = {
      ok: true,
      release: { name: 'Juni 2026', catalog: next, pages: [{ title: 'Ekonomi', path: '/jamforelser/ekonomi' }, { title: 'Bostad', path: '/jamforelser/bostad' }] },
      expiresAt: '2026-06-02T00:00:00.000Z',
    }
    const { site, get } = world(published, release)
    const start = await get('/forhandsgranska?token=t.s')
    expect(start.status).toBe(200)
    expect(start.text).toContain('Förhandsgranskning av publiceringspaket')
    expect(start.text).toContain('”Juni 2026”')
    // The start page lists the new page beside the published ones, and every link stays in the preview.
    expect(start.text).toContain('href="/forhandsgranska?token=t.s&amp;sida=%2Fjamforelser%2Fbostad"')
    expect(start.text).not.toMatch(/href="\/jamforelser/)
    expect(start.text).toContain('href="/favicon.svg"')
    expect(start.text).toContain('<title>Förhandsgranskning: Öppna jämförelser – Kalmar kommun</title>')
    const changed = await get('/forhandsgranska?token=t.s&sida=%2Fjamforelser%2Fekonomi')
    expect(changed.text).toContain('Ny sammanfattning 2026')
    // "Fler sidor inom Avsnitt" knows the new page too.
    expect(changed.text).toContain('Ny sida i paketet')
    const untouched = await get('/forhandsgranska?token=t.s&sida=/jamforelser/arbete')
    expect(untouched.status).toBe(200)
    expect(untouched.text).toContain('<meta name="robots" content="noindex, nofollow"/>')
    expect(untouched.headers).toMatchObject({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
    expect((await get('/forhandsgranska?token=t.s&sida=/jamforelser/finns-inte')).status).toBe(404)
    expect((await get('/forhandsgranska?token=t.s&sida=/forhandsgranska')).text).toContain('En förhandsgranskning kan inte visas inuti en annan.')
    expect((await get('/forhandsgranska?token=t.s&sida=//example.com/')).status).toBe(404)
    expect(site.store.size).toBe(0)
    // The published site is as it was.
    expect((await get('/jamforelser/ekonomi')).text).not.toContain('Ny sammanfattning 2026')
    expect((await get('/jamforelser/bostad')).status).toBe(404)
  })

  it('serves the icons and robots.txt', async () => {
    const { site, sources } = world()
    const ico = await site.handle({ method: 'GET', url: '/favicon.ico' }, sources)
    expect(ico.status).toBe(200)
    expect(ico.headers['Content-Type']).toBe('image/x-icon')
    expect(Buffer.from(ico.body!).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))
    expect((await site.handle({ method: 'GET', url: '/favicon.ico', ifNoneMatch: ico.headers.ETag }, sources)).status).toBe(304)
    const svg = await site.handle({ method: 'GET', url: '/favicon.svg' }, sources)
    expect(svg.headers['Content-Type']).toBe('image/svg+xml')
    const robots = await site.handle({ method: 'GET', url: '/robots.txt' }, sources)
    expect(String(robots.body)).toContain('Disallow: /forhandsgranska')
  })

  it('keeps every missing address as one page, so odd addresses cannot fill memory', async () => {
    const { site, get } = world()
    for (let index = 0; index < 50; index++) await get(`/slump-${index}`)
    expect(site.store.size).toBe(1)
    expect(site.store.draws).toBe(1)
  })
})

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['', 'identity'],
    [null, 'identity'],
    ['gzip;q=0', 'identity'],
  ] as const)('%s → %s', (header, expected) => expect(chooseEncoding(header)).toBe(expected))
})

describe('page store memory', () => {
  it('keeps one compressed body per page for browsers and stays within its budget', async () => {
    const { get, site } = world()
    await get('/jamforelser/ekonomi', { acceptEncoding: 'br' })
    const one = site.store.storedBytes
    const plainLength = Number((await get('/jamforelser/ekonomi')).headers['Content-Length'])
    expect(one).toBeLessThan(plainLength / 2)
    const small = new PublicSite(one * 2)
    const sources = world().sources
    for (const slug of ['ekonomi', 'arbete', 'ensam']) await small.handle({ method: 'GET', url: `/jamforelser/${slug}`, acceptEncoding: 'br' }, sources)
    expect(small.store.storedBytes).toBeLessThanOrEqual(one * 2)
    expect(small.store.size).toBeLessThan(3)
  })
})

describe('compactCss', () => {
  it('drops comments, indentation and blank lines and keeps every rule', async () => {
    const { compactCss } = await import('@/frontend/assets')
    expect(compactCss('/* a\n * b */\n:root {\n  color: red;\n}\n\n/* c */\na { x: y }\n')).toBe(':root{color:red}a{x:y}')
    expect(compactCss(".a :focus,\n.b > .c {\n  font-family: 'Segoe UI', sans-serif;\n  margin: 0 auto;\n}\n@media (min-width: 40em) {\n  .d { e: f }\n}")).toBe(
      ".a :focus,.b>.c{font-family:'Segoe UI',sans-serif;margin:0 auto}@media (min-width:40em){.d{e:f}}",
    )
  })

  it('leaves no comment in the site stylesheet', () => {
    expect(siteStylesheet().css).not.toContain('/*')
    expect(siteStylesheet().css).toContain('.skip-link')
  })
})
