import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Env } from '@/env'

export const SECRET_FILE_NAME = 'payload-secret'

/**
 * The secret Payload signs sessions with. In production it must come from
 * PAYLOAD_SECRET (checked in `parseEnv`). Elsewhere one is generated once and
 * kept in the data folder (mode 600), so logins survive restarts and no secret
 * is ever committed.
 */
export function resolvePayloadSecret(env: Env): string {
  if (env.payloadSecret) return env.payloadSecret
  if (env.isProduction) {
    // Only `next build` gets here (parseEnv refuses a missing secret otherwise);
    // a build signs nothing, so a throwaway value is enough.
    return randomBytes(32).toString('hex')
  }
  const file = path.resolve(env.dataDir, SECRET_FILE_NAME)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    try {
      // 'wx': two processes starting at once must not overwrite each other's secret.
      fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  return fs.readFileSync(file, 'utf8').trim()
}
