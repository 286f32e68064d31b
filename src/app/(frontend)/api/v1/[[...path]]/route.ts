/**
 * `/api/v1` inside Next (dev server, and whatever the fast delivery layer in
 * front of Next does not answer itself): the same handler, the same catalog.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { ensureCatalog } from '@/delivery/catalogLoader'
import { deliveryOptions } from '@/delivery/options'
import { resolveDeliveryRequest } from '@/delivery/resolve'

export const dynamic = 'force-dynamic'

async function handle(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const payload = await getPayload({ config })
  const response = await resolveDeliveryRequest(
    { method: request.method, url: url.pathname + url.search, ifNoneMatch: request.headers.get('if-none-match'), origin: request.headers.get('origin') },
    await ensureCatalog(payload),
    deliveryOptions(),
    payload,
  )
  // Text, or the dataset workbook's bytes.
  return new Response(response.body as BodyInit | null, { status: response.status, headers: response.headers })
}

export const GET = handle
export const HEAD = handle
export const OPTIONS = handle
export const POST = handle
export const PUT = handle
export const PATCH = handle
export const DELETE = handle
