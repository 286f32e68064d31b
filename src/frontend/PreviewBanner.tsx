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
