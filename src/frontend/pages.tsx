/**
 * Which public page an address is, what it shows and how it is drawn: the
 * site's one route table. Framework-free (an address and the published
 * content in, a page out), so the CMS's HTTP server and Next's route handler
 * (development) serve exactly the same pages (src/frontend/http.ts).
 */
import type { ReactElement } from 'react'

import type { Catalog } from '@/delivery/catalog'
import type { AreaPage, AreaVersionList, AreaVersionPage, Notice } from '@/delivery/schemas'
import { HISTORY_SEGMENT, PAGE_SEGMENTS } from '@/runtime/serverContract.mjs'

import { AccessibilityStatement } from './AccessibilityStatement'
import { AreaPageView } from './AreaPageView'
import type { PageHead } from './Document'
import { collectAllAreas, homeListing, type HomeSection } from './home'
import type { ListedItem } from './ItemList'
import { HomeView } from './HomeView'
import { MessageView } from './MessageView'
import { PageShell, type SiteContext } from './PageShell'
import { PreviewBanner, ReleasePreviewBanner } from './PreviewBanner'
import { SITE_NAME } from './text'
import { VersionBanner, VersionListView } from './VersionViews'

/** What a release preview shows: the site as it will be once the release is published. */
export type ReleasePreview = {
  name: string
  /** Every page of the release from its draft, every other page as published. */
  catalog: Catalog
  /** The release's pages, in its order, as links in the banner. */
  pages: { title: string; path: string }[]
}

/** A reviewer's draft (or a whole release) as the preview shows it, or why it cannot be shown. */
export type PreviewResult =
  | { ok: true; page: AreaPage; expiresAt: string }
  | { ok: true; release: ReleasePreview; expiresAt: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 410; message: string }

/** Where a page's content comes from. */
export type PageSources = {
  catalog: Catalog
  site: SiteContext
  /** A page of the public record (read from the database the first time). */
  versionPage: (slug: string, number: number) => Promise<AreaVersionPage | null>
  /** The draft a preview token names. */
  preview: (token: string | undefined) => Promise<PreviewResult>
  now?: Date
  /** Shown at the top of every page: set for the pages of a release preview. */
  banner?: ReactElement
}

/**
 * A resolved page. `data` is everything it shows and the only input of
 * `draw`, so equal data gives equal bytes: a page is drawn again only when
 * its data changed (src/frontend/pageStore.ts).
 */
export type ResolvedPage<Data = unknown> = {
  status: 200 | 400 | 401 | 403 | 404 | 410
  /** 'public': the same for every reader, kept and cached; 'private': the preview, drawn per request, never kept. */
  audience: 'public' | 'private'
  /** Under which name the drawn page is kept: every missing address shares the one 404 page. */
  storeKey: string
  data: Data
  draw: (data: Data) => { head: PageHead; body: ReactElement }
  /** Private pages only: where a link to a public page leads instead (a release preview keeps its reader inside it). */
  linkTo?: (path: string) => string
}

export const NOT_FOUND_HEADING = 'Sidan finns inte'
const NOT_FOUND_MESSAGE =
  'Sidan du söker finns inte, eller har tagits bort. Kontrollera adressen, eller gå till startsidan och välj en jämförelse där.'

/** "Öppna jämförelser – Kalmar kommun", or "<page> – Öppna jämförelser – Kalmar kommun" (WCAG 2.4.2). */
export function documentTitle(municipality: string, pageTitle?: string): string {
  const site = `${SITE_NAME} – ${municipality}`
  return pageTitle ? `${pageTitle} – ${site}` : site
}

const siteDescription = (municipality: string) => `${municipality}s resultat i Öppna jämförelser inom socialtjänsten.`

/** `/jamforelser/x/` is `/jamforelser/x`; the start page stays `/`. */
export function normalPath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : '/'
}

function page<Data>(definition: ResolvedPage<Data>): ResolvedPage {
  return definition as ResolvedPage
}

function notFound(sources: PageSources): ResolvedPage {
  const { site } = sources
  return page({
    status: 404,
    audience: 'public',
    storeKey: '404',
    data: { notices: sources.catalog.activeNotices({ now: sources.now }), site },
    draw: ({ notices }) => ({
      head: { title: documentTitle(site.municipality, NOT_FOUND_HEADING), robots: 'noindex' },
      body: (
        <PageShell site={site} notices={notices} banner={sources.banner}>
          <MessageView heading={NOT_FOUND_HEADING} message={NOT_FOUND_MESSAGE} />
        </PageShell>
      ),
    }),
  })
}

function home(sources: PageSources): ResolvedPage {
  const { catalog, site } = sources
  const areas = collectAllAreas((number) => catalog.areaList({ page: number, limit: 100, sort: 'title' }))
  const listing: { sections: HomeSection[]; unsectioned: ListedItem[] } = homeListing(catalog.sections(), areas)
  return page({
    status: 200,
    audience: 'public',
    storeKey: '/',
    data: { listing, notices: catalog.activeNotices({ now: sources.now }), site },
    draw: ({ listing, notices }) => ({
      head: { title: documentTitle(site.municipality), description: siteDescription(site.municipality) },
      body: (
        <PageShell site={site} notices={notices} current="home" banner={sources.banner}>
          <HomeView municipality={site.municipality} sections={listing.sections} unsectioned={listing.unsectioned} />
        </PageShell>
      ),
    }),
  })
}

function accessibility(sources: PageSources): ResolvedPage {
  const { site } = sources
  return page({
    status: 200,
    audience: 'public',
    storeKey: `/${PAGE_SEGMENTS.accessibility}`,
    data: { notices: sources.catalog.activeNotices({ now: sources.now }), site },
    draw: ({ notices }) => ({
      head: { title: documentTitle(site.municipality, 'Tillgänglighetsredogörelse'), description: siteDescription(site.municipality) },
      body: (
        <PageShell site={site} notices={notices} current="accessibility" banner={sources.banner}>
          <AccessibilityStatement municipality={site.municipality} contactEmail={site.contactEmail} />
        </PageShell>
      ),
    }),
  })
}

function area(sources: PageSources, path: string, slug: string): ResolvedPage {
  const { catalog, site } = sources
  const areaPage = catalog.areaPage(slug)
  if (!areaPage) return notFound(sources)
  return page<{ areaPage: AreaPage; notices: Notice[]; site: SiteContext }>({
    status: 200,
    audience: 'public',
    storeKey: path,
    data: { areaPage, notices: catalog.activeNotices({ now: sources.now, sectionSlug: areaPage.section?.slug ?? null }), site },
    draw: ({ areaPage, notices }) => ({
      head: { title: documentTitle(site.municipality, areaPage.title), description: areaPage.teaser ?? siteDescription(site.municipality) },
      body: (
        <PageShell site={site} notices={notices} banner={sources.banner}>
          <AreaPageView page={areaPage} municipality={site.municipality} />
        </PageShell>
      ),
    }),
  })
}

function history(sources: PageSources, path: string, slug: string): ResolvedPage {
  const { catalog, site } = sources
  const list = catalog.versionList(slug)
  if (!list) return notFound(sources)
  return page<{ list: AreaVersionList; notices: Notice[]; site: SiteContext }>({
    status: 200,
    audience: 'public',
    storeKey: path,
    data: { list, notices: catalog.activeNotices({ now: sources.now }), site },
    draw: ({ list, notices }) => ({
      head: { title: documentTitle(site.municipality, `Publicerade versioner: ${list.title}`) },
      body: (
        <PageShell site={site} notices={notices} banner={sources.banner}>
          <VersionListView list={list} />
        </PageShell>
      ),
    }),
  })
}

async function version(sources: PageSources, path: string, slug: string, number: number): Promise<ResolvedPage> {
  const { catalog, site } = sources
  const versionPage = await sources.versionPage(slug, number)
  if (!versionPage) return notFound(sources)
  return page<{ versionPage: AreaVersionPage; notices: Notice[]; site: SiteContext }>({
    status: 200,
    audience: 'public',
    storeKey: path,
    data: { versionPage, notices: catalog.activeNotices({ now: sources.now }), site },
    draw: ({ versionPage, notices }) => ({
      head: {
        title: documentTitle(site.municipality, `${versionPage.title} (version ${versionPage.version.number})`),
        // Old versions are part of the record but should not compete with the current page in search.
        robots: versionPage.current ? null : 'noindex',
      },
      body: (
        <PageShell
          site={site}
          notices={notices}
          banner={
            <>
              {sources.banner}
              <VersionBanner page={versionPage} slug={slug} />
            </>
          }
        >
          <AreaPageView page={{ ...versionPage, section: null, related: [] }} municipality={site.municipality} />
        </PageShell>
      ),
    }),
  })
}

const previewHead = (municipality: string) => ({ title: documentTitle(municipality, 'Förhandsgranskning'), robots: 'noindex, nofollow' })

/** The query parameter naming which page of a release preview is shown ("/" when absent). */
export const PREVIEW_PAGE_PARAM = 'sida'

/** The address of a page inside a release preview: the same token, the page's own path. */
export function releasePreviewHref(token: string, path: string): string {
  const query = new URLSearchParams({ token })
  if (path !== '/') query.set(PREVIEW_PAGE_PARAM, path)
  return `/${PAGE_SEGMENTS.preview}?${query.toString()}`
}

async function preview(sources: PageSources, token: string | undefined, pagePath: string | null): Promise<ResolvedPage> {
  const { catalog, site } = sources
  const result = await sources.preview(token)
  const head = previewHead(site.municipality)
  if (!result.ok) {
    return page({
      status: result.status,
      audience: 'private',
      storeKey: `/${PAGE_SEGMENTS.preview}`,
      data: { message: result.message, notices: catalog.activeNotices({ now: sources.now }) },
      draw: ({ message, notices }) => ({
        head,
        body: (
          <PageShell site={site} notices={notices}>
            <MessageView heading="Förhandsgranskningen kan inte visas" message={message} />
          </PageShell>
        ),
      }),
    })
  }
  if ('release' in result) return releasePreview(sources, token!, result.release, result.expiresAt, pagePath)
  return page({
    status: 200,
    audience: 'private',
    storeKey: `/${PAGE_SEGMENTS.preview}`,
    data: { ...result, notices: catalog.activeNotices({ now: sources.now, sectionSlug: result.page.section?.slug ?? null }) },
    draw: ({ page: draft, expiresAt, notices }) => ({
      head,
      body: (
        <PageShell site={site} notices={notices} banner={<PreviewBanner expiresAt={expiresAt} />}>
          <AreaPageView page={draft} municipality={site.municipality} />
        </PageShell>
      ),
    }),
  })
}

/**
 * A page of the site as it will be after a release: resolved by the same
 * route table against the release's catalog, with the banner on top and
 * every link to a public page kept inside the preview.
 */
async function releasePreview(sources: PageSources, token: string, release: ReleasePreview, expiresAt: string, pagePath: string | null): Promise<ResolvedPage> {
  const path = pagePath ?? '/'
  const banner = <ReleasePreviewBanner name={release.name} pages={release.pages.map((item) => ({ ...item, href: releasePreviewHref(token, item.path) }))} expiresAt={expiresAt} />
  const refused = async (): Promise<PreviewResult> => ({ ok: false, status: 400, message: 'En förhandsgranskning kan inte visas inuti en annan.' })
  // Only the site's own pages: a preview inside the preview, or another host, is the 404 page.
  const inner = path.startsWith('/') && !path.startsWith('//') ? path : '/__inte-en-sida'
  const resolved = await resolvePage(inner, { ...sources, catalog: release.catalog, preview: refused, banner })
  return {
    ...resolved,
    audience: 'private',
    storeKey: `/${PAGE_SEGMENTS.preview}`,
    draw: (data) => {
      const drawn = resolved.draw(data)
      return { head: { ...drawn.head, title: `Förhandsgranskning: ${drawn.head.title}`, robots: 'noindex, nofollow' }, body: drawn.body }
    },
    linkTo: (target) => releasePreviewHref(token, target),
  }
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** The page at an address (path and query); every address is a page, a missing one the 404 page. */
export async function resolvePage(url: string, sources: PageSources): Promise<ResolvedPage> {
  const parsed = new URL(url, 'http://public.invalid')
  const path = normalPath(parsed.pathname)
  if (path === '/') return home(sources)
  const [first, slugSegment, historySegment, numberSegment, ...more] = path.slice(1).split('/')
  if (first === PAGE_SEGMENTS.accessibility && slugSegment === undefined) return accessibility(sources)
  if (first === PAGE_SEGMENTS.preview && slugSegment === undefined) {
    const tokens = parsed.searchParams.getAll('token')
    const pages = parsed.searchParams.getAll(PREVIEW_PAGE_PARAM)
    return preview(sources, tokens.length === 1 ? tokens[0] : undefined, pages.length === 1 ? normalPath(pages[0]!) : null)
  }
  if (first !== PAGE_SEGMENTS.comparisons || slugSegment === undefined || more.length > 0) return notFound(sources)
  const slug = decoded(slugSegment)
  if (slug === null) return notFound(sources)
  if (historySegment === undefined) return area(sources, path, slug)
  if (historySegment !== HISTORY_SEGMENT) return notFound(sources)
  if (numberSegment === undefined) return history(sources, path, slug)
  return /^\d{1,6}$/.test(numberSegment) ? version(sources, path, slug, Number(numberSegment)) : notFound(sources)
}
