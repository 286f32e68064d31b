import { loadEnv } from '@/env'

import type { SiteContext } from './PageShell'

/** What every page shows about the site: the municipality (MUNICIPALITY_NAME) and the contact address. */
export function siteContext(): SiteContext {
  const env = loadEnv()
  return { municipality: env.municipality, contactEmail: env.contactEmail }
}
