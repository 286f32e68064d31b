import { swedishDateTimeOrNull } from '@/domain/swedishDate'

export const PREVIEW_BANNER_TEXT = 'Förhandsgranskning – utkastet är inte publicerat'

/** Tells a reviewer that what follows is a draft, and until when the link works. */
export function PreviewBanner({ expiresAt }: { expiresAt: string }) {
  const expiry = swedishDateTimeOrNull(expiresAt)
  return (
    <div className="preview-banner" role="region" aria-label="Förhandsgranskning">
      <p className="preview-banner__title">{PREVIEW_BANNER_TEXT}</p>
      {expiry && (
        <p>
          Länken gäller till <time dateTime={expiresAt}>{expiry}</time>.
        </p>
      )}
    </div>
  )
}

export const RELEASE_PREVIEW_BANNER_TEXT = 'Förhandsgranskning av publiceringspaket – inget av detta är publicerat än'

/** Tells a reviewer that the whole site is shown as it will be after the release, with the release's pages as links. */
export function ReleasePreviewBanner({ name, pages, expiresAt }: { name: string; pages: { title: string; href: string }[]; expiresAt: string }) {
  const expiry = swedishDateTimeOrNull(expiresAt)
  return (
    <div className="preview-banner" role="region" aria-label="Förhandsgranskning av publiceringspaket">
      <p className="preview-banner__title">{RELEASE_PREVIEW_BANNER_TEXT}</p>
      <p>
        Webbplatsen som den blir när paketet ”{name}” publiceras: paketets sidor från sina utkast, alla andra sidor som de är publicerade nu.
        {expiry && (
          <>
            {' '}
            Länken gäller till <time dateTime={expiresAt}>{expiry}</time>.
          </>
        )}
      </p>
      {pages.length > 0 && (
        <>
          <p>Paketets sidor:</p>
          <ul>
            {pages.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
