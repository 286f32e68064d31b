import { describe, expect, it } from 'vitest'

import { ADMIN_POLICY, isPublicPagePath, publicPagePolicy } from '@/http/csp.mjs'

const directives = (policy: string) =>
  Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]))

describe('publicPagePolicy', () => {
  it('runs no script at all, allows only the one stylesheet by hash, and frames and posts nothing', () => {
    const style = "'sha256-abc='"
    expect(directives(publicPagePolicy(style))).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'none'"],
      'style-src': [style],
      'img-src': ["'self'"],
      'connect-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'self'"],
    })
  })

  it('never allows inline code by keyword', () => {
    expect(publicPagePolicy("'sha256-x='")).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|nonce-/)
  })
})

describe('ADMIN_POLICY', () => {
  it('keeps framing, plugins, <base> and form targets to this origin', () => {
    expect(directives(ADMIN_POLICY)).toEqual({
      'frame-ancestors': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    })
  })
})

describe('isPublicPagePath', () => {
  it.each(['/', '/jamforelser/ekonomiskt-bistand', '/jamforelser/a/historik/2', '/tillganglighet', '/forhandsgranska?token=abc', '/finns-inte', '/administration', '/apis'])(
    '%s is a public page',
    (path) => expect(isPublicPagePath(path)).toBe(true),
  )

  it.each(['/admin', '/admin/login', '/admin?x=1', '/api/v1/areas', '/api/users/login', '/api', '/_next/static/chunks/a.js'])('%s is not', (path) =>
    expect(isPublicPagePath(path)).toBe(false),
  )
})
