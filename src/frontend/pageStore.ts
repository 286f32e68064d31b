/**
 * The drawn public pages, kept in memory: each is drawn at most once per
 * change of what it shows, on its first request after that change.
 *
 * Two checks, cheapest first. A page is kept with the catalog state it was
 * checked against (the generation, bumped by every publish, and the set of
 * active notices); while that state holds, the kept bytes are served as they
 * are. When it has moved on, the page is resolved again and its data hashed:
 * a publish of another area leaves most pages' data as it was, and then the
 * same bytes (and ETag) stay. Only changed data is drawn again.
 *
 * Drawing on first request, not at each commit, keeps a start at N = 10 000
 * as fast as before (nothing is drawn until someone reads), and a publish
 * costs the pages it affects one draw each, when they are next read.
 */
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'

/** A drawn page: its HTML in the encodings readers have asked for, and its tag. */
export type StoredPage = {
  status: number
  /** Hash of the HTML; each encoding's ETag is derived from it (etagFor). */
  tag: string
  /** Each encoding's ETag, made once: compared on every conditional read. */
  etags: Record<Encoding, string>
  bodies: Partial<Record<Encoding, Buffer>>
  /** A reader asked for the plain HTML: keep it beside the compressed bodies. */
  identityAsked?: boolean
  /** Each encoding's answer as served (src/frontend/http.ts), made once. */
  answers: Partial<Record<Encoding, { bytes: Buffer; unchanged: Record<string, string>; full: Record<string, string> }>>
}

type Entry = { state: string; dataKey: string; page: StoredPage }

/** The strong ETag of one encoding of a page: a compressed body is another representation. */
export function etagFor(page: Pick<StoredPage, 'tag'>, encoding: Encoding): string {
  return encoding === 'identity' ? `"${page.tag}"` : `"${page.tag}-${encoding === 'br' ? 'br' : 'gz'}"`
}

/** A page as drawn: its HTML, its tag and the ETags derived from the tag. */
export function drawnPage(status: number, html: string, tag: string): StoredPage {
  const etags = { identity: etagFor({ tag }, 'identity'), br: etagFor({ tag }, 'br'), gzip: etagFor({ tag }, 'gzip') }
  return { status, tag, etags, bodies: { identity: Buffer.from(html) }, answers: {} }
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32)

/** A page's HTML as `encoding`, made from whichever encoding is kept. */
export function encode(page: StoredPage, encoding: Encoding): Buffer {
  const known = page.bodies[encoding]
  if (known) return known
  const html = page.bodies.identity ?? decode(page)
  const body =
    encoding === 'br'
      ? zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length } })
      : encoding === 'gzip'
        ? zlib.gzipSync(html, { level: 9 })
        : html
  page.bodies[encoding] = body
  return body
}

function decode(page: StoredPage): Buffer {
  if (page.bodies.br) return zlib.brotliDecompressSync(page.bodies.br)
  if (page.bodies.gzip) return zlib.gunzipSync(page.bodies.gzip)
  throw new Error('En sparad sida saknar innehåll.')
}

const size = (page: StoredPage) => Object.values(page.bodies).reduce((sum, body) => sum + (body?.length ?? 0), 0)

export class PageStore {
  private entries = new Map<string, Entry>()
  private bytes = 0
  /** How many times a page was drawn (for tests and the bench). */
  draws = 0

  /** @param budgetBytes at most this many bytes of pages are kept; the oldest kept go first. */
  constructor(private readonly budgetBytes: number) {}

  /** The page kept under `key`, if it was checked against this catalog state. */
  current(key: string, state: string): StoredPage | null {
    const entry = this.entries.get(key)
    return entry && entry.state === state ? entry.page : null
  }

  /**
   * The page for `data` as of `state`: the kept one when its data is the same,
   * else drawn by `draw` (the full HTML document) and kept.
   */
  settle(key: string, state: string, status: number, data: unknown, draw: () => string): StoredPage {
    const dataKey = `${status}:${digest(JSON.stringify(data))}`
    const entry = this.entries.get(key)
    if (entry && entry.dataKey === dataKey) {
      entry.state = state
      return entry.page
    }
    const html = draw()
    this.draws++
    const page = drawnPage(status, html, digest(html))
    this.forget(key)
    this.entries.set(key, { state, dataKey, page })
    this.bytes += size(page)
    this.trim()
    return page
  }

  /** Keeps the encoding a reader asked for (and drops the plain HTML once a compressed one exists, unless asked for). */
  body(key: string, page: StoredPage, encoding: Encoding): Buffer {
    if (page.bodies[encoding]) return page.bodies[encoding]
    const before = size(page)
    const body = encode(page, encoding)
    if (encoding !== 'identity' && page.bodies.identity && !page.identityAsked) delete page.bodies.identity
    if (encoding === 'identity') page.identityAsked = true
    if (this.entries.get(key)?.page === page) {
      this.bytes += size(page) - before
      this.trim()
    }
    return body
  }

  get size(): number {
    return this.entries.size
  }

  get storedBytes(): number {
    return this.bytes
  }

  private forget(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.bytes -= size(entry.page)
    this.entries.delete(key)
  }

  private trim(): void {
    while (this.bytes > this.budgetBytes && this.entries.size > 1) this.forget(this.entries.keys().next().value!)
  }
}
