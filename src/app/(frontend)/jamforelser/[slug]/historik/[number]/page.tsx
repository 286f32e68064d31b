import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getPublishedContent, getVersionPage } from '@/runtime/delivery'
import { AreaPageView } from '@/frontend/AreaPageView'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'
import { VersionBanner } from '@/frontend/VersionViews'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string; number: string }> }

async function load(params: Props['params']) {
  const { slug, number } = await params
  return /^\d{1,6}$/.test(number) ? { slug, page: await getVersionPage(slug, Number(number)) } : { slug, page: null }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await load(params)
  // Old versions are part of the record but should not compete with the current page in search.
  return page ? { title: `${page.title} (version ${page.version.number})`, robots: { index: page.current } } : { title: 'Sidan finns inte' }
}

/** One published version, exactly as it was published. */
export default async function VersionRoute({ params }: Props) {
  const { slug, page } = await load(params)
  if (!page) notFound()
  const site = siteContext()
  const content = await getPublishedContent()
  return (
    <PageShell site={site} notices={content.activeNotices()} banner={<VersionBanner page={page} slug={slug} />}>
      <AreaPageView page={{ ...page, section: null, related: [] }} municipality={site.municipality} />
    </PageShell>
  )
}
