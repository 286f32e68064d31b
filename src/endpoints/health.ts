import type { Endpoint, PayloadRequest } from 'payload'

import { USERS } from '@/slugs'

export const HEALTH_TIMEOUT_MS = 3000

export type DatabaseKind = 'sqlite' | 'mongodb'

export const databaseKind = (req: PayloadRequest): DatabaseKind =>
  req.payload.db.name === 'mongoose' ? 'mongodb' : 'sqlite'

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`inget svar inom ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * GET /api/health: 200 only after a real round trip to the database, so a load
 * balancer or Docker's HEALTHCHECK notices a database that has gone away.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const database = databaseKind(req)
    const headers = { 'Cache-Control': 'no-store' }
    try {
      await withTimeout(req.payload.count({ collection: USERS, overrideAccess: true }), HEALTH_TIMEOUT_MS)
      return Response.json({ status: 'ok', database }, { headers })
    } catch (error) {
      // The driver's own error, not the query text a wrapper adds around it.
      const root = error instanceof Error && error.cause instanceof Error ? error.cause : error
      const reason = (root instanceof Error ? root.message : String(root)).split('\n')[0]
      req.payload.logger.error({ msg: 'Hälsokontroll: databasen svarar inte', err: error })
      return Response.json(
        { status: 'error', database, reason: `Databasen svarar inte: ${reason}` },
        { status: 503, headers },
      )
    }
  },
}
