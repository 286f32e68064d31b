import type { AreaVersionList, AreaVersionPage } from '@/delivery/schemas'

import { swedishDateTimeOrNull } from '@/domain/swedishDate'

import { hyphenate } from './text'

/** "/jamforelser/{slug}/historik": every published version, newest first, with what changed. */
export function VersionListView({ list }: { list: AreaVersionList }) {
  const newestFirst = [...list.items].reverse()
  return (
    <article className="version-list">
      <h1>{hyphenate(`Publicerade versioner: ${list.title}`)}</h1>
      <p>
        Varje version som har publicerats av sidan finns kvar här som den såg ut, med vad som ändrades. Publicerade versioner är allmänna handlingar
        och ändras aldrig i efterhand.
      </p>
      <ol reversed>
        {newestFirst.map((version) => (
          <li key={version.number}>
            <a href={version.url}>
              Version {version.number}, publicerad{' '}
              <time dateTime={version.publishedAt}>{swedishDateTimeOrNull(version.publishedAt) ?? version.publishedAt}</time>
            </a>
            <p>{version.summary}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={`/jamforelser/${list.slug}`}>Till sidan som den är publicerad nu</a>
      </p>
    </article>
  )
}

/** Above an old version: which one it is, and where the current page and the other versions are. */
export function VersionBanner({ page, slug }: { page: AreaVersionPage; slug: string }) {
  const when = swedishDateTimeOrNull(page.version.publishedAt) ?? page.version.publishedAt
  return (
    <div className="preview-banner" role="region" aria-label="Tidigare version">
      <p className="preview-banner__title">
        Version {page.version.number}, publicerad <time dateTime={page.version.publishedAt}>{when}</time>
        {page.current ? ' – den version som är publicerad nu.' : ' – inte den aktuella versionen.'}
      </p>
      <p>
        {page.version.summary} <a href={`/jamforelser/${slug}/historik`}>Alla versioner</a>
      </p>
    </div>
  )
}
