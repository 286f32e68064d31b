import type { Payload } from 'payload'

import { EnvError, loadEnv } from '@/env'

/**
 * For command-line scripts: checks the environment (one line and exit 1 when
 * it is wrong), then connects Payload to the database it names.
 */
export async function openPayload(): Promise<Payload> {
  try {
    loadEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`✖ ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  // One after the other: two concurrent dynamic imports of one module graph can leave
  // Node's ESM loader waiting forever (exit code 13, no output).
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}
