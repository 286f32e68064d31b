import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PayloadRequest, TypedUser } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { ReviewQueue } from '@/admin/ReviewQueue'
import type { Finding } from '@/quality'
import { qualityEndpoint } from '@/quality/endpoint'
import { oldestAcceptableYear } from '@/quality/rules/stalePage'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

type Answer = { findings: Finding[]; counts: { error: number; warning: number }; lix?: unknown[]; spelling?: boolean }

let cms: TestCms
let admin: TestUser
let editor: TestUser & { token: string }
let areaId: number | string
// The newest year a page surveyed every year must show today: no stale-page finding for it.
const CURRENT_YEAR = oldestAcceptableYear({ now: new Date() })

const resultSet = (surveyYear: number, bullets: { national: string; local: string }[]) => ({ blockType: 'resultSet', surveyYear, lead: 'visar att', bullets })

beforeAll(async () => {
  cms = await startTestCms()
  // The first account of a system always becomes an administrator: make it first.
  admin = await createUser(cms.payload, ['admin'])
  const user = await createUser(cms.payload, ['editor'])
  editor = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }

  // Published clean, then a draft with a missing answer and a line-break hyphen: the check reads the draft.
  const area = await cms.payload.create({
    collection: 'areas',
    data: {
      title: 'Missbruksvård',
      slug: 'kvalitet',
      body: [resultSet(CURRENT_YEAR, [{ national: '63 procent av kommunerna erbjuder stödprogram.', local: 'Kalmar erbjuder stödprogram.' }])],
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  areaId = area.id
  const draft = await cms.rest.patch(`/areas/${areaId}?draft=true`, {
    token: editor.token,
    body: {
      body: [
        resultSet(CURRENT_YEAR, [
          { national: '63 procent av kommunerna erbjuder stödprogram för närstående.', local: '' },
          {
            national: '47 procent av kommunerna har en överenskommelse om beroendeframkallande medel.',
            local: 'Kalmar har en överenskommelse om beroendeframkal- lande medel.',
          },
        ]),
      ],
      // The revision the edit form sends back (optimistic concurrency, src/concurrency).
      revision: area.revision,
    },
  })
  expect(draft.status, await draft.clone().text()).toBe(200)
})
afterAll(async () => cms?.cleanup())

const quality = (id: number | string, token?: string) => cms.rest.get(`/areas/${id}/quality`, token ? { token } : {})

describe('GET /api/areas/:id/quality', () => {
  it('is for signed-in staff only, with a Swedish message', async () => {
    const anonymous = await quality(areaId)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).message).toMatch(/Logga in/)
    // Every account holds a staff role (roles are required), so a signed-in user without one is only
    // possible with data from elsewhere: the handler is called with such a user directly.
    const handler = qualityEndpoint('areas').handler
    const outsider = await handler({ user: { id: 1, roles: [] }, payload: cms.payload, routeParams: { id: areaId } } as unknown as PayloadRequest)
    expect(outsider.status).toBe(403)
    expect((await outsider.json()).message).toMatch(/redaktörer, granskare och administratörer/)
  })

  it('checks the newest draft with spelling: a missing answer at its path and a hyphen artifact with a one-click fix', async () => {
    const response = await quality(areaId, editor.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const answer = (await response.json()) as Answer
    expect(answer.spelling).toBe(true)

    const missing = answer.findings.filter((finding) => finding.rule === 'missing-answer')
    expect(missing).toHaveLength(1)
    expect(missing[0]).toMatchObject({ severity: 'error', location: { path: 'body.0.bullets.0.local', bulletIndex: 0, surveyYear: CURRENT_YEAR } })
    expect(missing[0]!.message).toMatch(/svar saknas/)

    const hyphen = answer.findings.find((finding) => finding.rule === 'hyphen-artifact')
    expect(hyphen).toMatchObject({
      severity: 'warning',
      location: { path: 'body.0.bullets.1.local' },
      suggestion: { from: 'beroendeframkal- lande', to: 'beroendeframkallande' },
    })

    expect(answer.findings.some((finding) => finding.rule === 'stale-page')).toBe(false)
    expect(answer.counts).toEqual({
      error: answer.findings.filter((finding) => finding.severity === 'error').length,
      warning: answer.findings.filter((finding) => finding.severity === 'warning').length,
    })
    expect(answer.counts.error).toBe(1)
    expect(Array.isArray(answer.lix)).toBe(true)
  })

  it('warns about a page of the section without an address, which the page lists as plain text', async () => {
    const withoutUrl = await cms.payload.create({ collection: 'links', data: { title: 'Brukarundersökningar' }, overrideAccess: true })
    const withUrl = await cms.payload.create({ collection: 'links', data: { title: 'Kolada', url: 'https://www.kolada.se' }, overrideAccess: true })
    await cms.payload.create({
      collection: 'sections',
      data: {
        title: 'Jämförelser',
        slug: 'jamforelser-kvalitet',
        members: [
          { relationTo: 'areas', value: areaId },
          { relationTo: 'links', value: withoutUrl.id },
          { relationTo: 'links', value: withUrl.id },
        ],
      } as never,
      overrideAccess: true,
    })
    const { findings } = await (await quality(areaId, editor.token)).json()
    const section = findings.filter((finding: { rule: string; location: { field: string } }) => finding.rule === 'link-without-url' && finding.location.field === 'section')
    expect(section).toHaveLength(1)
    expect(section[0].message).toContain('"Brukarundersökningar"')
  })

  it('answers 404 for an unknown id', async () => {
    const response = await quality(999999, editor.token)
    expect(response.status).toBe(404)
    expect((await response.json()).message).toBe('Dokumentet finns inte.')
    expect((await quality('inte-ett-id', editor.token)).status).toBe(404)
  })

  it('judges a stale page by the area’s survey cycle', async () => {
    const stalePaths = async (id: number | string) =>
      ((await (await quality(id, editor.token)).json()) as Answer).findings.filter((finding) => finding.rule === 'stale-page')
    // One year behind: stale for a survey run every year, not for one run every other year.
    const response = await cms.rest.post('/areas?draft=true', {
      token: editor.token,
      body: {
        title: 'Vartannat år',
        surveyCycleYears: '1',
        body: [resultSet(CURRENT_YEAR - 1, [{ national: 'Nationellt resultat om stöd.', local: 'Kalmar ger stöd.' }])],
      },
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const id = (await response.json()).doc.id as number | string
    const yearly = await stalePaths(id)
    expect(yearly).toHaveLength(1)
    expect(yearly[0]).toMatchObject({ location: { path: 'body.0.surveyYear' } })
    expect(yearly[0]!.message).toContain('varje år')

    // Each save sends the revision it started from (optimistic concurrency, src/concurrency): 1 after create.
    expect((await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body: { surveyCycleYears: '2', revision: 1 } })).status).toBe(200)
    expect(await stalePaths(id)).toEqual([])

    // Two years behind is stale even every other year.
    const older = { body: [resultSet(CURRENT_YEAR - 2, [{ national: 'Nationellt resultat om stöd.', local: 'Kalmar ger stöd.' }])], revision: 2 }
    expect((await cms.rest.patch(`/areas/${id}?draft=true`, { token: editor.token, body: older })).status).toBe(200)
    const biennial = await stalePaths(id)
    expect(biennial).toHaveLength(1)
    expect(biennial[0]!.message).toContain('vartannat år')
  })

  it('stores every year as the default cycle', async () => {
    const doc = await cms.payload.findByID({ collection: 'areas', id: areaId, draft: true, overrideAccess: true, depth: 0 })
    expect((doc as { surveyCycleYears?: unknown }).surveyCycleYears).toBe('1')
  })
})

describe('"Att granska" on the dashboard', () => {
  it('shows each page’s errors and warnings, counted without the dictionary, and says which rules count', async () => {
    const response = await cms.rest.post('/areas?draft=true', {
      token: editor.token,
      body: {
        title: 'Granskas med anmärkningar',
        body: [
          resultSet(CURRENT_YEAR - 1, [
            // percent-range (error); the hyphen is left to the edit view's check, which has the dictionary.
            { national: '120 procent av kommunerna har en rutin.', local: 'Kalmar har en rutin för beroendeframkal- lande medel.' },
          ]),
        ],
      },
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const id = (await response.json()).doc.id as number | string
    expect((await cms.rest.post(`/areas/${id}/workflow`, { token: editor.token, body: { transition: 'submit' } })).status).toBe(200)

    const user = (await cms.payload.findByID({ collection: 'users', id: admin.id, overrideAccess: true })) as unknown as TypedUser
    const html = renderToStaticMarkup((await ReviewQueue({ payload: cms.payload, user }))!)
    // stale-page (one year behind, every year) is the warning.
    expect(html).toMatch(/Granskas med anmärkningar<\/a>.*?<td>1 fel, 1 varning<\/td>/s)
    expect(html).toContain('Kvalitetskontroll')
    expect(html).toContain('&quot;Kommunens svar saknas&quot;')
    expect(html).toContain('&quot;Stavning&quot; kontrolleras bara i sidans egen kvalitetskontroll')
  })
})
