'use client'
import { toast } from '@payloadcms/ui'

/**
 * POSTs a workflow transition (an area's or a release's) and shows the
 * server's own message, which names the rule when it refuses. True when it
 * was carried out; the caller then shows the new state.
 */
export async function requestTransition(url: string, body: Record<string, unknown>): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => null)
  const answer = response ? ((await response.json().catch(() => ({}))) as { message?: string }) : { message: 'Det gick inte att nå servern. Försök igen.' }
  if (!response?.ok) {
    toast.error(answer.message ?? 'Åtgärden kunde inte genomföras.')
    return false
  }
  toast.success(answer.message ?? 'Klart.')
  return true
}
