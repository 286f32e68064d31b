/**
 * Runs once when the server starts: connecting Payload here applies pending
 * migrations (SQLite in production) before the first request is served,
 * fills in the snapshots and publication record of pages published before
 * they existed (the one write of the delivery layer that is not a publish),
 * and starts the job runner.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // One after the other: two concurrent dynamic imports of one module graph can leave
  // Node's ESM loader waiting forever (exit code 13, no output).
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  // cron: the job runner (scheduled publishing) runs in the server process.
  const payload = await getPayload({ config, cron: true })
  const { backfillPublished } = await import('@/delivery/backfill')
  await backfillPublished(payload).catch((error) =>
    payload.logger.error({ err: error, msg: 'Kunde inte komplettera ögonblicksbilder och publiceringshistorik för äldre publicerade sidor' }),
  )
  const { registerFastPath } = await import('@/runtime/fastPath')
  registerFastPath(payload)
}
