import type { ReactNode } from 'react'

import type { Notice } from '@/delivery/schemas'

import { NoticeBanner } from './NoticeBanner'
import { SITE_NAME } from './text'

export type CurrentPage = 'home' | 'accessibility' | null

export function SiteHeader({
  municipality,
  notices,
  banner,
  current,
}: {
  municipality: string
  notices: readonly Notice[]
  banner?: ReactNode
  current?: CurrentPage
}) {
  return (
    <header className="site-header">
      {banner}
      <NoticeBanner notices={notices} />
      <div className="site-header__bar">
        <p className="site-header__name">
          <a href="/">
            {SITE_NAME}{' '}
            <span className="site-header__municipality">{municipality}</span>
          </a>
        </p>
        <nav className="site-nav" aria-label="Huvudmeny">
          <ul>
            <li>
              <a href="/" aria-current={current === 'home' ? 'page' : undefined}>
                Alla jämförelser
              </a>
            </li>
            <li>
              <a href="/tillganglighet" aria-current={current === 'accessibility' ? 'page' : undefined}>
                Tillgänglighet
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
