import type { AreaPage } from '@/delivery/schemas'

import { BodyBlockView } from './BodyBlockView'
import { ItemList } from './ItemList'
import { PageDates } from './PageDates'
import { fitHeadings, hyphenate, hyphenateHeadings, moreInSectionHeading } from './text'
import { trendPlacement } from './trend'

/**
 * One comparison page, as a reader sees it. The published page
 * (/jamforelser/[slug]) and a reviewer's preview of a draft render this same
 * component.
 */
export function AreaPageView({ page, municipality }: { page: AreaPage; municipality: string }) {
  const trends = trendPlacement(page)
  return (
    <article className="area-page">
      <h1>{hyphenate(page.title)}</h1>
      {page.intro && (
        // Safe HTML from a fixed whitelist, generated on the server (src/richText/html.ts).
        <div className="rich-text area-page__intro" dangerouslySetInnerHTML={{ __html: hyphenateHeadings(fitHeadings(page.intro.html, 1)) }} />
      )}
      {page.body.map((block, index) => (
        <BodyBlockView block={block} municipality={municipality} key={index} trendFor={(bullet) => trends.get(`${index}:${bullet}`) ?? null} />
      ))}
      {page.related.length > 0 && (
        <section className="related">
          <h2>{hyphenate(moreInSectionHeading(page.section?.title))}</h2>
          <ItemList items={page.related} />
        </section>
      )}
      {page.otherLinks.length > 0 && (
        <section className="related">
          <h2>Övriga länkar</h2>
          <ItemList items={page.otherLinks.map((link) => ({ title: link.title, teaser: null, href: link.url }))} />
        </section>
      )}
      <PageDates firstPublishedAt={page.firstPublishedAt} lastPublishedAt={page.lastPublishedAt} />
      {page.firstPublishedAt && (
        <p className="page-history-link">
          <a href={`/jamforelser/${page.slug}/historik`}>Alla publicerade versioner av sidan</a>
        </p>
      )}
    </article>
  )
}
