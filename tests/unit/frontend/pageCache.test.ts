import { describe, expect, it } from 'vitest'

import { Catalog } from '@/delivery/catalog'
import { pageCacheKey } from '@/frontend/pageCache'

const state = { generation: 7, notices: '0' }
const key = (url: string, headers: Record<string, string> = {}, method = 'GET') => pageCacheKey({ method, url, headers }, state)

describe('pageCacheKey', () => {
  it('keeps the public pages, per generation, notices and encoding', () => {
    expect(key('/jamforelser/missbruk', { 'accept-encoding': 'gzip, deflate' })).toBe('7|0|gzip,deflate|/jamforelser/missbruk')
    for (const path of ['/', '/tillganglighet', '/jamforelser/missbruk/', '/jamforelser/missbruk/historik', '/jamforelser/missbruk/historik/2']) {
      expect(key(path), path).not.toBeNull()
    }
    expect(pageCacheKey({ method: 'GET', url: '/', headers: {} }, { generation: 8, notices: '0' })).not.toBe(key('/'))
  })

  it('renders everything else: other methods, query strings, router requests, the admin, previews', () => {
    expect(key('/', {}, 'HEAD')).toBeNull()
    expect(key('/', {}, 'POST')).toBeNull()
    expect(key('/jamforelser/missbruk?x=1')).toBeNull()
    expect(key('/forhandsgranska')).toBeNull()
    expect(key('/admin')).toBeNull()
    expect(key('/api/v1/areas')).toBeNull()
    expect(key('/jamforelser/missbruk', { rsc: '1' })).toBeNull()
    expect(key('/jamforelser/missbruk', { 'next-router-prefetch': '1' })).toBeNull()
    expect(key('/jamforelser/a/b')).toBeNull()
  })
})

describe('activeNoticesKey', () => {
  it('changes when a notice starts or ends', () => {
    const catalog = new Catalog([], {
      sections: [],
      links: [],
      notices: [{ text: 'A', body: null, startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-02-01T00:00:00.000Z', scope: 'section', sectionId: '1' }],
    })
    expect(catalog.activeNoticesKey(new Date('2025-12-31T23:59:59Z'))).toBe('')
    expect(catalog.activeNoticesKey(new Date('2026-01-15T00:00:00Z'))).toBe('0')
    expect(catalog.activeNoticesKey(new Date('2026-02-01T00:00:00Z'))).toBe('')
  })
})

describe('catalog generations', () => {
  it('never repeat across catalogs, so a reloaded catalog cannot be mistaken for an older one', () => {
    const first = new Catalog()
    const second = new Catalog()
    expect(second.generation).toBeGreaterThan(first.generation)
    const before = second.generation
    second.setMeta({ sections: [], links: [], notices: [] })
    expect(second.generation).toBeGreaterThan(before)
  })
})
