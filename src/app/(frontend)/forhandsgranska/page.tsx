import type { Metadata } from 'next'

import { getPublishedContent } from '@/runtime/delivery'
import { AreaPageView } from '@/frontend/AreaPageView'
import { MessageView } from '@/frontend/MessageView'
import { PageShell } from '@/frontend/PageShell'
import { PreviewBanner } from '@/frontend/PreviewBanner'
import { siteContext } from '@/frontend/site'
import { loadPreview } from '@/runtime/preview'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Förhandsgranskning', robots: { index: false, follow: false } }

type Props = { searchParams: Promise<{ token?: string | string[] }> }

/** A reviewer's view of a draft, rendered by the same component as the published page. */
export default async function PreviewPage({ searchParams }: Props) {
  const { token } = await searchParams
  const result = await loadPreview(typeof token === 'string' ? token : undefined)
  const content = await getPublishedContent()
  const site = siteContext()
  if (!result.ok) {
    return (
      <PageShell site={site} notices={content.activeNotices()}>
        <MessageView heading="Förhandsgranskningen kan inte visas" message={result.message} />
      </PageShell>
    )
  }
  const { page, expiresAt } = result
  return (
    <PageShell
      site={site}
      notices={content.activeNotices({ sectionSlug: page.section?.slug ?? null })}
      banner={<PreviewBanner expiresAt={expiresAt} />}
    >
      <AreaPageView page={page} municipality={site.municipality} />
    </PageShell>
  )
}
