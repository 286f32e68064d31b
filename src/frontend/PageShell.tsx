import type { ReactNode } from 'react'

import type { Notice } from '@/delivery/schemas'

import { SiteFooter } from './SiteFooter'
import { type CurrentPage, SiteHeader } from './SiteHeader'
import { MAIN_ID, SKIP_LINK_TEXT } from './text'

export type SiteContext = { municipality: string; contactEmail: string }

/**
 * Every public page: the skip link first, then header (banner, notices, site
 * name, navigation), main (focusable target of the skip link) and footer.
 */
export function PageShell({
  site,
  notices,
  banner,
  current,
  children,
}: {
  site: SiteContext
  notices: readonly Notice[]
  banner?: ReactNode
  current?: CurrentPage
  children: ReactNode
}) {
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {SKIP_LINK_TEXT}
      </a>
      <SiteHeader municipality={site.municipality} notices={notices} banner={banner} current={current} />
      <main id={MAIN_ID} tabIndex={-1}>
        {children}
      </main>
      <SiteFooter municipality={site.municipality} contactEmail={site.contactEmail} />
    </>
  )
}
