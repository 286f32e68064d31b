import { loadEnv } from '@/env'

import type { SiteContext } from './PageShell'
import { SITE_NAME } from './text'

/** What every page shows about the site: the municipality (MUNICIPALITY_NAME) and the contact address. */
export function siteContext(): SiteContext {
  const env = loadEnv()
  return { municipality: env.municipality, contactEmail: env.contactEmail }
}

/**
 * Document titles (WCAG 2.4.2): "Öppna jämförelser – Kalmar kommun" on the
 * start page, "<page> – Öppna jämförelser – Kalmar kommun" elsewhere (pages
 * give only their own part; the root layout's template adds the rest).
 */
export function titleMetadata(): { default: string; template: string } {
  const site = `${SITE_NAME} – ${loadEnv().municipality}`
  return { default: site, template: `%s – ${site}` }
}
