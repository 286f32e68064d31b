/**
 * A reviewer's preview: the newest draft, composed by the same code as the
 * published page (same section, same related pages), behind a signed token.
 */
import config from '@payload-config'
import { createLocalReq, getPayload, type Payload } from 'payload'

import { AREAS } from '@/slugs'
import type { Catalog } from '@/delivery/catalog'
import { ensureCatalog } from '@/delivery/catalogLoader'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { withIndicatorSeries } from '@/delivery/store'
import type { PreviewResult } from '@/frontend/pages'
import { verifyPreviewToken } from '@/preview/token'

export type { PreviewResult }

const STATUS = { missing: 401, malformed: 400, signature: 403, expired: 410 } as const

/** The draft a token names, composed against `catalog` (the published site it will join). */
export async function previewFor(payload: Payload, catalog: Catalog, token: string | undefined): Promise<PreviewResult> {
  const verified = verifyPreviewToken(token, payload.secret)
  if (!verified.ok) return { ok: false, status: STATUS[verified.reason], message: verified.message }
  const { claims } = verified
  if (claims.c !== AREAS) return { ok: false, status: 400, message: 'Förhandsgranskning finns bara för jämförelseområden.' }
  const draft = await payload
    .findByID({ collection: AREAS, id: claims.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  if (!draft) return { ok: false, status: 404, message: 'Sidan som länken gäller finns inte längre.' }
  return {
    ok: true,
    page: catalog.composePage(await withIndicatorSeries(await createLocalReq({}, payload), buildAreaSnapshot(draft))),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  }
}

/** previewFor with the process's Payload and catalog (tests, scripts). */
export async function loadPreview(token: string | undefined): Promise<PreviewResult> {
  const payload = await getPayload({ config })
  return previewFor(payload, await ensureCatalog(payload), token)
}
