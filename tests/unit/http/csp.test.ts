import zlib from 'node:zlib'

import { describe, expect, it } from 'vitest'

import {
  ADMIN_POLICY,
  decodeBody,
  decodeEntities,
  hashSource,
  inlineAttributes,
  inlineScripts,
  inlineStyles,
  isPublicPagePath,
  policyForHtml,
  strictPolicy,
} from '@/http/csp.mjs'

// Taken from the production build's start page and comparison page (npm start):
// the head as Next writes it, and the three kinds of inline script the app router emits.
const TURBOPACK_BOOTSTRAP =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/398c2d76j7v7d.js","static/chunks/0637v33xsjp-6.js","static/chunks/2jbdmtj37a-ho.js","static/chunks/3lf86nywtw3t3.js"],"runtimeModuleIds":[494553]});'
const FLIGHT_INIT = '(self.__next_f=self.__next_f||[]).push([0])'
// Rich text travels in the flight data as escaped HTML (\u003cp\u003e): it must not count as markup.
const FLIGHT_DATA =
  'self.__next_f.push([1,"[\\"$\\",\\"div\\",null,{\\"className\\":\\"rich-text area-page__intro\\",\\"dangerouslySetInnerHTML\\":{\\"__html\\":\\"\\u003cp\\u003eJämförelsen inom missbruk- och beroendevård publiceras vartannat år.\\u003c/p\\u003e\\"}}]\\n"])'

const REAL_PAGE =
  '<!DOCTYPE html><html lang="sv"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/42gv9liz96lgt.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/398c2d76j7v7d.js"/>' +
  '<script src="/_next/static/chunks/0637v33xsjp-6.js" async=""></script><script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async=""></script>' +
  '<title>Missbruk- och beroendevård – Öppna jämförelser – Kalmar kommun</title>' +
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script></head>' +
  '<body><div hidden=""><!--$--><!--/$--></div><a class="skip-link" href="#huvudinnehall">Hoppa till huvudinnehållet</a>' +
  '<main id="huvudinnehall" tabindex="-1"><article class="area-page"><h1>Missbruk- och beroendevård</h1>' +
  '<div class="rich-text area-page__intro"><p>Jämförelsen inom missbruk- och beroendevård publiceras vartannat år.</p></div></article></main>' +
  `<script id="_R_">${TURBOPACK_BOOTSTRAP}</script><script>${FLIGHT_INIT}</script><script>${FLIGHT_DATA}</script></body></html>`

// Computed independently (Python hashlib over the UTF-8 text), as a browser computes them.
const HASH_TURBOPACK = "'sha256-jDFidBTrSI8xk9nR7fVetQlczePkQZTvV9U3YUbaqok='"
const HASH_FLIGHT_INIT = "'sha256-OBTN3RiyCV4Bq7dFqZ5a2pAXjnCcCYeTJMO2I/LYKeo='"
const HASH_COLOR_RED = "'sha256-8f935d27GvUutRyY9yWScUMiFUk4WTdZURISiYfPOeQ='"
const HASH_SWEDISH = "'sha256-3be5AX2zHKHztpcjv422QKkrOdA+R5lmcW5cLs3XJ44='"

const directives = (policy: string) =>
  Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]))

describe('hashSource', () => {
  it('gives the sha256 source a browser computes, over UTF-8', () => {
    expect(hashSource(TURBOPACK_BOOTSTRAP)).toBe(HASH_TURBOPACK)
    expect(hashSource(FLIGHT_INIT)).toBe(HASH_FLIGHT_INIT)
    expect(hashSource('self.__next_f.push([1,"Öppna jämförelser"])')).toBe(HASH_SWEDISH)
  })
})

describe('inlineScripts', () => {
  it('finds exactly the inline scripts of a real page, with their raw text, and none with src', () => {
    expect(inlineScripts(REAL_PAGE)).toEqual([TURBOPACK_BOOTSTRAP, FLIGHT_INIT, FLIGHT_DATA])
  })

  it('ends a script at a closing tag in any case and leaves empty scripts out', () => {
    expect(inlineScripts('<SCRIPT type="module">a()</Script ><script></script><script async src=x.js>ignored()</script>')).toEqual(['a()'])
  })
})

describe('inlineStyles and inlineAttributes', () => {
  it('finds nothing to allow on a real page (it has no inline style or handler)', () => {
    expect(inlineStyles(REAL_PAGE)).toEqual([])
    expect(inlineAttributes(REAL_PAGE)).toEqual({ styles: [], handlers: [] })
  })

  it('finds style elements and style/handler attributes, decoding entities as the browser does', () => {
    const html = `<style>.a{color:red}</style><p style="font-family:&quot;Inter&quot;">x</p><img onerror='alert(1)' src=a.png><div STYLE=color:red></div>`
    expect(inlineStyles(html)).toEqual(['.a{color:red}'])
    expect(inlineAttributes(html)).toEqual({ styles: ['font-family:"Inter"', 'color:red'], handlers: ['alert(1)'] })
  })

  it('ignores markup quoted inside scripts, styles and comments', () => {
    const html = `<script>document.write('<b style="color:blue" onclick="x()">')</script><!-- <i style="a:b"> --><style>/* <u style="c:d"> */</style>`
    expect(inlineAttributes(html)).toEqual({ styles: [], handlers: [] })
  })

  it('decodes named and numeric entities', () => {
    expect(decodeEntities('a&amp;b &lt;&gt; &#39;&#x27; &unknown;')).toBe("a&b <> '' &unknown;")
  })
})

describe('policyForHtml and strictPolicy', () => {
  it('allows the real page’s inline scripts by hash and nothing inline otherwise', () => {
    const policy = policyForHtml(REAL_PAGE)
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toContain('unsafe-hashes')
    const byName = directives(policy)
    expect(byName['script-src']).toEqual(["'self'", HASH_TURBOPACK, HASH_FLIGHT_INIT, hashSource(FLIGHT_DATA)])
    expect(byName['style-src']).toEqual(["'self'"])
    expect(byName).toMatchObject({
      'default-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
    })
  })

  it('allows style attributes only by hash, with unsafe-hashes, and lists a repeated script once', () => {
    const policy = policyForHtml('<p style="color:red">a</p><p style="color:red">b</p><script>a()</script><script>a()</script>')
    expect(directives(policy)['style-src']).toEqual(["'self'", "'unsafe-hashes'", HASH_COLOR_RED])
    expect(directives(policy)['script-src']).toEqual(["'self'", hashSource('a()')])
    expect(policy).not.toContain('unsafe-inline')
  })

  it('without hashes allows no inline script at all', () => {
    expect(directives(strictPolicy())['script-src']).toEqual(["'self'"])
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

describe('decodeBody', () => {
  it('reads the page however Next encoded it for the client', () => {
    const html = Buffer.from(REAL_PAGE, 'utf8')
    expect(decodeBody(html, undefined)).toBe(REAL_PAGE)
    expect(decodeBody(zlib.gzipSync(html), 'gzip')).toBe(REAL_PAGE)
    expect(decodeBody(zlib.deflateSync(html), 'deflate')).toBe(REAL_PAGE)
    expect(decodeBody(zlib.brotliCompressSync(html), 'br')).toBe(REAL_PAGE)
  })

  it('refuses an encoding it cannot read rather than hashing the wrong bytes', () => {
    expect(() => decodeBody(Buffer.from('x'), 'zstd')).toThrow(/Content-Encoding: zstd/)
  })
})
