import { getPublishedContent } from '@/runtime/delivery'
import { collectAllAreas, homeListing } from '@/frontend/home'
import { HomeView } from '@/frontend/HomeView'
import { PageShell } from '@/frontend/PageShell'
import { siteContext } from '@/frontend/site'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const content = await getPublishedContent()
  const site = siteContext()
  const areas = collectAllAreas((page) => content.areaList({ page, limit: 100, sort: 'title' }))
  const { sections, unsectioned } = homeListing(content.sections(), areas)
  return (
    <PageShell site={site} notices={content.activeNotices()} current="home">
      <HomeView municipality={site.municipality} sections={sections} unsectioned={unsectioned} />
    </PageShell>
  )
}
