import type { Payload } from 'payload'

import { failureLine } from '@/backup/errors'
import { loadEnv } from '@/env'

/**
 * For command-line scripts: checks the environment, then connects Payload to
 * the database it names (which brings a SQLite database up to the committed
 * migrations). Any failure on the way is one line and exit code 1.
 */
export async function openPayload(): Promise<Payload> {
  try {
    loadEnv()
    // One after the other, as everywhere: Payload's module graph is large; loading it once is enough.
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    return await getPayload({ config })
  } catch (error) {
    console.error(`✖ ${failureLine(error, 'Att öppna databasen')}`)
    process.exit(1)
  }
}
