/**
 * Every public page inside Next: the development server, and a request that
 * reaches Next before the CMS's HTTP server has its fast path (src/http).
 * The same handler and pages as the fast path; no Next page, layout or
 * script is involved.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureCatalog } from '@/delivery/catalogLoader'
import { PublicSite } from '@/frontend/http'
import { publicPageSources } from '@/runtime/publicSite'

export const dynamic = 'force-dynamic'

const site = new PublicSite()

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const payload = await getPayload({ config })
  const response = await site.handle(
    {
      method: request.method,
      url: url.pathname + url.search,
      ifNoneMatch: request.headers.get('if-none-match'),
      acceptEncoding: request.headers.get('accept-encoding'),
    },
    publicPageSources(payload, await ensureCatalog(payload)),
  )
  return new Response(response.body as BodyInit | null, { status: response.status, headers: response.headers })
}

export const GET = handle
export const HEAD = handle
export const POST = handle
export const PUT = handle
export const PATCH = handle
export const DELETE = handle
