import { describe, expect, it } from 'vitest'

import { DEFAULT_RETURN_PATH, safeReturnPath } from '@/sso/returnTo'

describe('safeReturnPath: only paths on this site', () => {
  it.each([
    ['/admin', '/admin'],
    ['/admin/collections/areas?limit=10#top', '/admin/collections/areas?limit=10#top'],
    ['/jamforelser/ekonomiskt-bistand', '/jamforelser/ekonomiskt-bistand'],
    ['/admin/../admin/account', '/admin/account'],
  ])('keeps %s', (raw, expected) => expect(safeReturnPath(raw)).toBe(expected))

  it.each([
    [undefined],
    [null],
    [''],
    ['//evil.example'],
    ['//evil.example/admin'],
    ['https://evil.example'],
    ['http://localhost:3000/admin'],
    ['javascript:alert(1)'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['admin'],
    ['/api/auth/oidc/callback?code=x'],
    [`/${'a'.repeat(2001)}`],
  ])('refuses %s: the admin start instead', (raw) => expect(safeReturnPath(raw as string)).toBe(DEFAULT_RETURN_PATH))
})
