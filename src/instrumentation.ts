/**
 * Runs once when the server starts: connecting Payload here applies pending
 * migrations (SQLite in production) before the first request is served.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // One after the other: two concurrent dynamic imports of one module graph can leave
  // Node's ESM loader waiting forever (exit code 13, no output).
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  await getPayload({ config })
}
