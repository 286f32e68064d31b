/**
 * A reviewer's preview behind a signed token: an area's newest draft,
 * composed by the same code as the published page (same section, same
 * related pages); or a whole release, the site as it will be once it is
 * published (its items from their drafts, everything else as published).
 */
import config from '@payload-config'
import { createLocalReq, getPayload, type Payload } from 'payload'

import { areaPath } from '@/delivery/catalog'
import { itemIdsOf } from '@/publishing/releaseFacts'
import { AREAS, RELEASES } from '@/slugs'
import { RELEASE_READ_ONLY, releaseStateLabel, isReleaseState } from '@/workflow'
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
  if (claims.c === RELEASES) return releasePreviewFor(payload, catalog, claims.id, new Date(claims.exp * 1000).toISOString())
  if (claims.c !== AREAS) return { ok: false, status: 400, message: 'Förhandsgranskning finns bara för jämförelseområden och publiceringspaket.' }
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

/** The site after a release: each item's draft (in the trash: left out, as the publish would refuse it) over the published catalog. */
async function releasePreviewFor(payload: Payload, catalog: Catalog, id: string, expiresAt: string): Promise<PreviewResult> {
  const release = await payload.findByID({ collection: RELEASES, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
  if (!release) return { ok: false, status: 404, message: 'Publiceringspaketet som länken gäller finns inte längre.' }
  const state = isReleaseState(release.state) ? release.state : 'open'
  if (RELEASE_READ_ONLY.includes(state)) {
    return { ok: false, status: 410, message: `Paketet har status "${releaseStateLabel(state)}": det finns inget kvar att förhandsgranska. Se webbplatsen.` }
  }
  const req = await createLocalReq({}, payload)
  const drafts = await Promise.all(
    itemIdsOf(release).map((item) => payload.findByID({ collection: AREAS, id: item, draft: true, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)),
  )
  const present = drafts.filter((draft) => draft !== null && !draft.deletedAt)
  const snapshots = await Promise.all(present.map((draft) => withIndicatorSeries(req, buildAreaSnapshot(draft!))))
  return {
    ok: true,
    release: { name: release.name, catalog: catalog.withAreas(snapshots), pages: snapshots.map((snapshot) => ({ title: snapshot.title, path: areaPath(snapshot.slug) })) },
    expiresAt,
  }
}

/** previewFor with the process's Payload and catalog (tests, scripts). */
export async function loadPreview(token: string | undefined): Promise<PreviewResult> {
  const payload = await getPayload({ config })
  return previewFor(payload, await ensureCatalog(payload), token)
}
