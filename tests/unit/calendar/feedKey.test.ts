import { describe, expect, it } from 'vitest'

import { createFeedKey, feedTokenFromFile, feedUrl, hashFeedKey } from '@/calendar/feedKey'

describe('feed keys', () => {
  it('are random, stored only as their hash, and read back from the address', () => {
    const a = createFeedKey()
    const b = createFeedKey()
    expect(a.token).not.toBe(b.token)
    expect(a.hash).toBe(hashFeedKey(a.token))
    expect(a.hash).not.toContain(a.token)
    const url = feedUrl('https://cms.kalmar.example/', a.token)
    expect(url).toBe(`https://cms.kalmar.example/api/calendar/feed/${a.token}.ics`)
    expect(feedTokenFromFile(url.split('/').at(-1))).toBe(a.token)
  })

  it('refuses anything that is not a token', () => {
    for (const bad of [undefined, '', 'abc.ics', `${createFeedKey().token}`, `${createFeedKey().token}.ics.ics`, `${'a'.repeat(42)}!.ics`]) {
      expect(feedTokenFromFile(bad)).toBeNull()
    }
  })
})
