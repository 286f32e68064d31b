import { describe, expect, it } from 'vitest'

import { isMissingPage } from '@/frontend/routes'

const published = new Set(['missbruk', 'ekonomiskt-bistånd'])
const missing = (path: string) =>
  isMissingPage(path, { hasPage: (slug) => published.has(slug), hasVersion: (slug, number) => slug === 'missbruk' && (number === undefined || number <= 2) })

describe('isMissingPage', () => {
  it('knows the published comparisons, with or without a trailing slash or encoding', () => {
    expect(missing('/jamforelser/missbruk')).toBe(false)
    expect(missing('/jamforelser/missbruk/')).toBe(false)
    expect(missing('/jamforelser/ekonomiskt-bist%C3%A5nd')).toBe(false)
    expect(missing('/jamforelser/finns-inte')).toBe(true)
    expect(missing('/jamforelser/missbruk/extra')).toBe(true)
    expect(missing('/jamforelser/missbruk/historik')).toBe(false)
    expect(missing('/jamforelser/missbruk/historik/2')).toBe(false)
    expect(missing('/jamforelser/missbruk/historik/3')).toBe(true)
    expect(missing('/jamforelser/missbruk/historik/x')).toBe(true)
    expect(missing('/jamforelser/missbruk/historik/1/mer')).toBe(true)
    expect(missing('/jamforelser/ekonomiskt-bist%C3%A5nd/historik')).toBe(true)
    expect(missing('/jamforelser')).toBe(true)
    expect(missing('/jamforelser/%E0%A4%A')).toBe(true)
  })

  it('leaves the app’s own routes to Next and calls anything else missing', () => {
    for (const path of ['/', '/tillganglighet', '/forhandsgranska', '/admin', '/admin/collections/areas', '/api/areas', '/_next/static/x.js', '/favicon.ico']) {
      expect(missing(path), path).toBe(false)
    }
    for (const path of ['/finns-inte', '/finns-inte/heller', '/wp-login.php', '/.env', '/sidan-finns-inte']) expect(missing(path), path).toBe(true)
  })
})
