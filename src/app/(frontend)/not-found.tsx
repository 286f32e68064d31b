import type { Metadata } from 'next'

import { getPublishedContent } from '@/runtime/delivery'
import { MessageView } from '@/frontend/MessageView'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'

export const metadata: Metadata = { title: 'Sidan finns inte' }

export default async function NotFound() {
  const content = await getPublishedContent()
  return (
    <PageShell site={siteContext()} notices={content.activeNotices()}>
      <MessageView
        heading="Sidan finns inte"
        message="Sidan du söker finns inte, eller har tagits bort. Kontrollera adressen, eller gå till startsidan och välj en jämförelse där."
      />
    </PageShell>
  )
}
