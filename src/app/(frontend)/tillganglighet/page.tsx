import type { Metadata } from 'next'

import { getPublishedContent } from '@/runtime/delivery'
import { AccessibilityStatement } from '@/frontend/AccessibilityStatement'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Tillgänglighetsredogörelse' }

export default async function AccessibilityPage() {
  const content = await getPublishedContent()
  const site = siteContext()
  return (
    <PageShell site={site} notices={content.activeNotices()} current="accessibility">
      <AccessibilityStatement municipality={site.municipality} contactEmail={site.contactEmail} />
    </PageShell>
  )
}
