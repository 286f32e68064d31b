/**
 * A reviewer's preview: the newest draft, composed by the same code as the
 * published page (same section, same related pages), behind a signed token.
 */
import config from '@payload-config'
import { createLocalReq, getPayload } from 'payload'

import { AREAS } from '@/slugs'
import { getPublishedContent } from '@/runtime/delivery'
import type { AreaPage } from '@/delivery/schemas'
import { buildAreaSnapshot } from '@/delivery/snapshot'
import { withIndicatorSeries } from '@/delivery/store'
import { verifyPreviewToken } from '@/preview/token'

export type PreviewResult =
  | { ok: true; page: AreaPage; expiresAt: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 410; message: string }

const STATUS = { missing: 401, malformed: 400, signature: 403, expired: 410 } as const

export async function loadPreview(token: string | undefined): Promise<PreviewResult> {
  const payload = await getPayload({ config })
  const verified = verifyPreviewToken(token, payload.secret)
  if (!verified.ok) return { ok: false, status: STATUS[verified.reason], message: verified.message }
  const { claims } = verified
  if (claims.c !== AREAS) return { ok: false, status: 400, message: 'Förhandsgranskning finns bara för jämförelseområden.' }
  const draft = await payload
    .findByID({ collection: AREAS, id: claims.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  if (!draft) return { ok: false, status: 404, message: 'Sidan som länken gäller finns inte längre.' }
  const catalog = await getPublishedContent()
  return {
    ok: true,
    page: catalog.composePage(await withIndicatorSeries(await createLocalReq({}, payload), buildAreaSnapshot(draft))),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  }
}
