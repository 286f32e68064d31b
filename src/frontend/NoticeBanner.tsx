import type { Notice } from '@/delivery/schemas'

import { paragraphs } from './text'

/** The active notices (site-wide and the page's section), at the top of every page. */
export function NoticeBanner({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null
  return (
    <div className="notice-banner" role="region" aria-label="Driftmeddelanden">
      {notices.map((notice, index) => (
        <div className="notice-banner__item" key={`${notice.startsAt}-${index}`}>
          <p className="notice-banner__text">{notice.text}</p>
          {paragraphs(notice.body).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      ))}
    </div>
  )
}
