import type { Metadata } from 'next'
import type React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: 'Öppna jämförelser – Kalmar kommun',
  description: 'Kalmar kommuns resultat i Öppna jämförelser inom socialtjänsten.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <main id="innehall">{children}</main>
      </body>
    </html>
  )
}
