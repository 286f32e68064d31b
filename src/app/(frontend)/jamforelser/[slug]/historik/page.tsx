import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getPublishedContent } from '@/runtime/delivery'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'
import { VersionListView } from '@/frontend/VersionViews'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const list = (await getPublishedContent()).versionList((await params).slug)
  return { title: list ? `Publicerade versioner: ${list.title}` : 'Sidan finns inte' }
}

/** The public record of one page (allmän handling). */
export default async function HistoryRoute({ params }: Props) {
  const content = await getPublishedContent()
  const list = content.versionList((await params).slug)
  if (!list) notFound()
  return (
    <PageShell site={siteContext()} notices={content.activeNotices()}>
      <VersionListView list={list} />
    </PageShell>
  )
}
