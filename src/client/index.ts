/**
 * Typed client for the public content API (`/api/v1`), for the web team:
 *
 *   import { createContentClient } from 'oppna-jamforelser-cms/client'
 *   const cms = createContentClient({ baseUrl: 'https://cms.kalmar.se' })
 *   const page = await cms.getArea('socialpsykiatri') // AreaPage | null
 *
 * Every response is checked against the same zod schemas the server builds
 * it with, so a contract change shows up as a clear error, not as undefined.
 * With `cache: true` the client revalidates with If-None-Match and reuses
 * its copy on 304.
 */
import type { z } from 'zod'

import {
  AreaListSchema,
  AreaIndicatorsSchema,
  AreaPageSchema,
  AreaVersionListSchema,
  AreaVersionPageSchema,
  ErrorSchema,
  NoticeListSchema,
  SectionListSchema,
  SectionPageSchema,
  type AreaList,
  type AreaPage,
  type IndicatorSeries,
  type AreaVersionList,
  type AreaVersionPage,
  type Notice,
  type SectionPage,
} from '../delivery/schemas'

export type * from '../delivery/schemas'

export type AreaListQuery = {
  page?: number
  limit?: number
  sort?: 'title' | '-title' | 'lastPublishedAt' | '-lastPublishedAt'
  section?: string
}

export type ContentClientOptions = {
  /** Where the CMS is served, e.g. https://cms.kalmar.se (no trailing /api). */
  baseUrl: string
  fetch?: typeof fetch
  /** Keep responses and revalidate them with their ETag (304 reuses the copy). */
  cache?: boolean
  headers?: Record<string, string>
}

export class ContentApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly url: string,
  ) {
    super(message)
    this.name = 'ContentApiError'
  }
}

export type ContentClient = ReturnType<typeof createContentClient>

export function createContentClient(options: ContentClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '')
  const doFetch = options.fetch ?? globalThis.fetch
  const cache = new Map<string, { etag: string; data: unknown }>()

  async function get<T>(path: string, schema: z.ZodType<T>, allowNotFound: true): Promise<T | null>
  async function get<T>(path: string, schema: z.ZodType<T>, allowNotFound?: false): Promise<T>
  async function get<T>(path: string, schema: z.ZodType<T>, allowNotFound = false): Promise<T | null> {
    const url = `${base}/api/v1${path}`
    const cached = options.cache ? cache.get(url) : undefined
    const response = await doFetch(url, {
      headers: { Accept: 'application/json', ...options.headers, ...(cached ? { 'If-None-Match': cached.etag } : {}) },
    })
    if (response.status === 304 && cached) return cached.data as T
    if (response.status === 404 && allowNotFound) return null
    const body: unknown = await response.json().catch(() => null)
    if (!response.ok) {
      const error = ErrorSchema.safeParse(body)
      throw new ContentApiError(response.status, error.success ? error.data.message : `HTTP ${response.status}`, url)
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new ContentApiError(response.status, `Svaret följer inte API:ts schema: ${parsed.error.message}`, url)
    const etag = response.headers.get('etag')
    if (options.cache && etag) cache.set(url, { etag, data: parsed.data })
    return parsed.data
  }

  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value))
    const text = search.toString()
    return text ? `?${text}` : ''
  }
  const segment = (slug: string) => `/${encodeURIComponent(slug)}`

  return {
    listAreas: (params: AreaListQuery = {}): Promise<AreaList> => get(`/areas${query(params)}`, AreaListSchema),
    /** The published page, or null when there is none with that slug. */
    getArea: (slug: string): Promise<AreaPage | null> => get(`/areas${segment(slug)}`, AreaPageSchema, true),
    /** Every published version of a page (the public record), or null when it has none. */
    listAreaVersions: (slug: string): Promise<AreaVersionList | null> => get(`/areas${segment(slug)}/versions`, AreaVersionListSchema, true),
    getAreaVersion: (slug: string, number: number): Promise<AreaVersionPage | null> =>
      get(`/areas${segment(slug)}/versions/${number}`, AreaVersionPageSchema, true),
    /** Trends of the page's indicators (two or more survey years), or null when there is no such page. */
    getAreaIndicators: async (slug: string): Promise<IndicatorSeries[] | null> =>
      (await get(`/areas${segment(slug)}/indicators`, AreaIndicatorsSchema, true))?.items ?? null,
    listSections: async (): Promise<SectionPage[]> => (await get('/sections', SectionListSchema)).items,
    getSection: (slug: string): Promise<SectionPage | null> => get(`/sections${segment(slug)}`, SectionPageSchema, true),
    listActiveNotices: async (): Promise<Notice[]> => (await get('/notices', NoticeListSchema)).items,
  }
}
