/**
 * Which rendered public pages the CMS's HTTP server may keep and serve from
 * memory (src/http/httpServer.mjs), and under which key. A page depends only
 * on the published catalog and the notices active now, so the key carries the
 * catalog's generation and the active notices: a publish, or a notice starting
 * or ending, makes a new key at once.
 */
import { HISTORY_SEGMENT, PAGE_SEGMENTS } from '@/runtime/serverContract.mjs'

export type PageRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined> }

/** Requests from Next's client router (RSC payloads, prefetches, server actions) are not pages. */
const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'next-router-segment-prefetch']

/** The start page, the accessibility statement, a comparison and its history (not the preview, not the 404 page). */
const CACHEABLE_PATH = new RegExp(
  `^/(?:${PAGE_SEGMENTS.home}|${PAGE_SEGMENTS.accessibility}|${PAGE_SEGMENTS.comparisons}/[^/]+(?:/${HISTORY_SEGMENT}(?:/\\d{1,6})?)?)$`,
)

export function pageCacheKey(request: PageRequest, state: { generation: number; notices: string }): string | null {
  if (request.method !== 'GET' || request.url.includes('?')) return null
  if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return null
  const path = request.url.length > 1 ? request.url.replace(/\/$/, '') : request.url
  if (!CACHEABLE_PATH.test(path)) return null
  // The stored bytes are as Next encoded them for this client (gzip or not).
  const encoding = String(request.headers['accept-encoding'] ?? '').replace(/\s+/g, '')
  return `${state.generation}|${state.notices}|${encoding}|${path}`
}
