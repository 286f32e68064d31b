import type { Metadata } from 'next'
import type React from 'react'

import { siteContext, titleMetadata } from '@/frontend/site'

import './styles.css'

export function generateMetadata(): Metadata {
  const { municipality } = siteContext()
  return {
    title: titleMetadata(),
    description: `${municipality}s resultat i Öppna jämförelser inom socialtjänsten.`,
  }
}

/** The public pages' only root layout; each page renders its own shell (notices depend on the page). */
export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  )
}
