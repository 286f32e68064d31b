import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getPublishedContent } from '@/runtime/delivery'
import { AreaPageView } from '@/frontend/AreaPageView'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const page = (await getPublishedContent()).areaPage(slug)
  return page ? { title: page.title, description: page.teaser ?? undefined } : { title: 'Sidan finns inte' }
}

export default async function AreaRoute({ params }: Props) {
  const { slug } = await params
  const content = await getPublishedContent()
  const page = content.areaPage(slug)
  if (!page) notFound()
  const site = siteContext()
  return (
    <PageShell site={site} notices={content.activeNotices({ sectionSlug: page.section?.slug ?? null })}>
      <AreaPageView page={page} municipality={site.municipality} />
    </PageShell>
  )
}
