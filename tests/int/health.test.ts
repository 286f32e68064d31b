import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closeDatabaseConnection, startTestCms, type TestCms } from '../helpers/payload'

let cms: TestCms

beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => cms?.cleanup())

describe('GET /api/health', () => {
  it('answers 200 with the database kind after a round trip', async () => {
    const response = await cms.rest.get('/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok', database: cms.databaseKind })
  })

  it('answers 503 with a reason when the database connection is closed', async () => {
    await closeDatabaseConnection(cms.payload)
    const response = await cms.rest.get('/health')
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'error', database: cms.databaseKind })
    expect(body.reason).toMatch(/^Databasen svarar inte: .+/)
  })
})
