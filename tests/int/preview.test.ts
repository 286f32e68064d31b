import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadPreview } from '@/runtime/preview'
import { createPreviewToken } from '@/preview/token'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let editor: TestUser & { token: string }
let areaId: number | string
const MARKER = 'FÖRHANDSMARKÖR'

beforeAll(async () => {
  cms = await startTestCms()
  await createUser(cms.payload, ['admin'])
  const user = await createUser(cms.payload, ['editor'])
  editor = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  const area = await cms.payload.create({
    collection: 'areas',
    data: { title: 'Publicerad titel', slug: 'forhand', body: [{ blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'N', local: 'Publicerat svar' }] }], _status: 'published' } as never,
    overrideAccess: true,
  })
  areaId = area.id
  const draft = await cms.rest.patch(`/areas/${areaId}?draft=true`, {
    token: editor.token,
    // The revision the edit form sends back (optimistic concurrency, src/concurrency).
    body: { body: [{ blockType: 'resultSet', surveyYear: 2024, bullets: [{ national: 'N', local: `Utkastsvar ${MARKER}` }] }], revision: area.revision },
  })
  expect(draft.status).toBe(200)
})
afterAll(async () => cms?.cleanup())

async function previewLink(token?: string) {
  return cms.rest.get(`/areas/${areaId}/preview`, token ? { token } : {})
}

describe('preview links', () => {
  it('are given to signed-in staff only, as a redirect to a fresh signed link', async () => {
    expect((await previewLink()).status).toBe(401)
    const response = await previewLink(editor.token)
    expect(response.status).toBe(302)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('location')).toMatch(/^\/forhandsgranska\?token=[\w.%-]+$/)
    expect((await cms.rest.get('/areas/999999/preview', { token: editor.token })).status).toBe(404)
  })

  it('show the newest draft composed like the public page, while the public API keeps the published one', async () => {
    const location = (await previewLink(editor.token)).headers.get('location')!
    const token = new URL(location, 'http://x').searchParams.get('token')!
    const preview = await loadPreview(token)
    if (!preview.ok || !('page' in preview)) throw new Error(`ingen förhandsgranskning av sidan: ${JSON.stringify(preview)}`)
    expect(preview.page.body[0]).toMatchObject({ surveyYear: 2024, heading: 'Årets resultat visar att:', bullets: [{ local: `Utkastsvar ${MARKER}` }] })
    expect(Date.parse(preview.expiresAt) - Date.now()).toBeLessThanOrEqual(3600_000)
    const published = await (await cms.rest.v1('/areas/forhand')).text()
    expect(published).toContain('Publicerat svar')
    expect(published).not.toContain(MARKER)
  })

  it('refuse tampered, expired and missing tokens with a Swedish message and no draft', async () => {
    const location = (await previewLink(editor.token)).headers.get('location')!
    const token = new URL(location, 'http://x').searchParams.get('token')!
    const tampered = token.slice(0, 10) + (token[10] === 'x' ? 'y' : 'x') + token.slice(11)
    const expired = createPreviewToken({ collection: 'areas', id: areaId, userId: editor.id }, cms.payload.secret, new Date(Date.now() - 2 * 3600_000))
    const results = [await loadPreview(tampered), await loadPreview(expired), await loadPreview(undefined), await loadPreview(`${token}x`)]
    expect(results.map((result) => !result.ok && result.status)).toEqual([expect.any(Number), 410, 401, 403])
    for (const result of results) {
      expect(result.ok).toBe(false)
      expect(JSON.stringify(result)).not.toContain(MARKER)
      if (!result.ok) expect(result.message).toMatch(/Förhandsgransk|förhandsgransk/)
    }
    // A token for a document that has been deleted.
    const gone = createPreviewToken({ collection: 'areas', id: 424242, userId: editor.id }, cms.payload.secret)
    expect(await loadPreview(gone)).toMatchObject({ ok: false, status: 404 })
  })
})

describe('release preview links', () => {
  it('show the site as it will be after the release: its items from their drafts, everything else as published; none once published', async () => {
    const reviewer = await createUser(cms.payload, ['reviewer'])
    const reviewerToken = (await cms.rest.login(reviewer.email, reviewer.password)).token!
    await cms.payload.create({
      collection: 'areas',
      data: { title: 'Annan sida', slug: 'annan', teaser: 'Annan publicerad', body: [{ blockType: 'resultSet', surveyYear: 2023, bullets: [{ national: 'N', local: 'Svar' }] }], _status: 'published' } as never,
      overrideAccess: true,
    })
    const created = await cms.rest.post('/areas?draft=true', {
      token: editor.token,
      body: { title: 'Ny sida i paketet', slug: 'ny-i-paketet', teaser: `Ny ${MARKER}`, body: [{ blockType: 'resultSet', surveyYear: 2024, bullets: [{ national: 'N', local: 'Svar' }] }] },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const fresh = (await created.json()).doc.id
    const release = await cms.rest.post('/releases', { token: editor.token, body: { name: 'Förhandspaket', items: [areaId, fresh] } })
    expect(release.status, await release.clone().text()).toBe(201)
    const releaseId = (await release.json()).doc.id

    expect((await cms.rest.get(`/releases/${releaseId}/preview`)).status).toBe(401)
    const link = await cms.rest.get(`/releases/${releaseId}/preview`, { token: reviewerToken })
    expect(link.status).toBe(302)
    const token = new URL(link.headers.get('location')!, 'http://x').searchParams.get('token')!
    const preview = await loadPreview(token)
    if (!preview.ok || !('release' in preview)) throw new Error(`ingen förhandsgranskning av paketet: ${JSON.stringify(preview)}`)
    expect(preview.release.name).toBe('Förhandspaket')
    expect(preview.release.pages).toEqual([
      { title: 'Publicerad titel', path: '/jamforelser/forhand' },
      { title: 'Ny sida i paketet', path: '/jamforelser/ny-i-paketet' },
    ])
    const after = preview.release.catalog
    expect(JSON.stringify(after.areaPage('forhand')?.body)).toContain(`Utkastsvar ${MARKER}`)
    expect(after.areaPage('ny-i-paketet')?.teaser).toBe(`Ny ${MARKER}`)
    expect(after.areaPage('annan')?.teaser).toBe('Annan publicerad')
    expect(after.areaList({ limit: 100 }).items.map((item) => item.slug).sort()).toEqual(['annan', 'forhand', 'ny-i-paketet'])
    // The published site is untouched.
    expect(await (await cms.rest.v1('/areas/forhand')).text()).not.toContain(MARKER)
    expect((await cms.rest.v1('/areas/ny-i-paketet')).status).toBe(404)

    // A published release has nothing left to preview.
    for (const id of [areaId, fresh]) {
      expect((await cms.rest.post(`/areas/${id}/workflow`, { token: editor.token, body: { transition: 'submit' } })).status).toBe(200)
      expect((await cms.rest.post(`/areas/${id}/workflow`, { token: reviewerToken, body: { transition: 'approve' } })).status).toBe(200)
    }
    expect((await cms.rest.post(`/releases/${releaseId}/workflow`, { token: editor.token, body: { transition: 'markReady' } })).status).toBe(200)
    const published = await cms.rest.post(`/releases/${releaseId}/workflow`, { token: reviewerToken, body: { transition: 'publish' } })
    expect(published.status, await published.clone().text()).toBe(200)
    expect(await loadPreview(token)).toMatchObject({ ok: false, status: 410, message: expect.stringContaining('"Publicerat"') })
  })
})
