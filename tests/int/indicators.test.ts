import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AreaIndicatorsSchema, AreaPageSchema } from '@/delivery/schemas'
import { startTestCms, type TestCms } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

let cms: TestCms
let editor: TestUser & { token: string }

const set = (surveyYear: number, nationalPercent: number, localValue: string) => ({
  blockType: 'resultSet',
  surveyYear,
  bullets: [{ national: `${nationalPercent} procent av kommunerna erbjuder ESL.`, local: `Svar ${surveyYear}`, indicator: { code: 'SOCPSYK-ESL', nationalPercent, localValue } }],
})

beforeAll(async () => {
  cms = await startTestCms()
  await createUser(cms.payload, ['admin'])
  const user = await createUser(cms.payload, ['editor'])
  editor = { ...user, token: (await cms.rest.login(user.email, user.password)).token! }
  const created = await cms.rest.post('/indicators', { token: editor.token, body: { code: 'SOCPSYK-ESL', name: 'Erbjuder social färdighetsträning (ESL)' } })
  expect(created.status, await created.clone().text()).toBe(201)
})
afterAll(async () => cms?.cleanup())

describe('indicators on result bullets', () => {
  it('refuses an unknown code and a value that is not ja/nej/delvis/a share, naming the field in Swedish', async () => {
    const bad = await cms.rest.post('/areas?draft=true', {
      token: editor.token,
      body: { title: 'Fel', body: [{ blockType: 'resultSet', surveyYear: 2021, bullets: [{ national: 'N', local: 'K', indicator: { code: 'FINNS-INTE', localValue: 'kanske' } }] }] },
    })
    expect(bad.status).toBe(400)
    const errors = (await bad.json()).errors[0].data.errors as { path: string; message: string }[]
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'body.0.bullets.0.indicator.code', message: expect.stringContaining('ingen indikator med koden "FINNS-INTE"'), label: expect.anything() },
        { path: 'body.0.bullets.0.indicator.localValue', message: expect.stringContaining('"ja", "nej", "delvis"'), label: expect.anything() },
      ]),
    )
    const codeError = await cms.rest.post('/indicators', { token: editor.token, body: { code: 'liten kod', name: 'x' } })
    expect(codeError.status).toBe(400)
  })

  it('serves a trend over the years of the page and of its earlier published versions', async () => {
    // Server code publishes directly (as the importer does): first 2017, then a page with 2019 and 2021 only.
    const area = await cms.payload.create({ collection: 'areas', data: { title: 'Socialpsykiatri', slug: 'socialpsykiatri', body: [set(2017, 52, 'nej')], _status: 'published' } as never, overrideAccess: true })
    expect(AreaIndicatorsSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri/indicators')).json()).items).toEqual([])
    await cms.payload.update({ collection: 'areas', id: area.id, data: { body: [set(2021, 37, 'ja'), set(2019, 45, 'delvis')], _status: 'published' } as never, overrideAccess: true })

    const response = await cms.rest.v1('/areas/socialpsykiatri/indicators')
    expect(response.status).toBe(200)
    const { items } = AreaIndicatorsSchema.parse(await response.json())
    expect(items).toEqual([
      {
        code: 'SOCPSYK-ESL',
        name: 'Erbjuder social färdighetsträning (ESL)',
        points: [
          { surveyYear: 2017, nationalPercent: 52, localValue: 'nej', localPercent: 0 },
          { surveyYear: 2019, nationalPercent: 45, localValue: 'delvis', localPercent: 50 },
          { surveyYear: 2021, nationalPercent: 37, localValue: 'ja', localPercent: 100 },
        ],
      },
    ])
    const page = AreaPageSchema.parse(await (await cms.rest.v1('/areas/socialpsykiatri')).json())
    expect(page.indicators).toEqual(items)
    expect((await cms.rest.v1('/areas/finns-inte/indicators')).status).toBe(404)
  })
})
