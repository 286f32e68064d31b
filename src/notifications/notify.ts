import type { Payload } from 'payload'

import { type NotificationData, type NotificationEvent, renderNotification } from './templates'

export type NotificationRequest = {
  event: NotificationEvent
  /** Addresses; empty and missing ones are skipped (users without e-mail). */
  to: readonly (string | null | undefined)[]
  data: NotificationData
}

export type NotificationResult = { sent: boolean; error?: string }

/** Drops credentials of any URL (smtp://user:pass@host) an error message may echo. */
export function redactCredentials(message: string): string {
  return message.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@')
}

/** Unique, trimmed addresses, compared without case. */
function recipients(to: NotificationRequest['to']): string[] {
  const seen = new Map<string, string>()
  for (const raw of to) {
    const address = raw?.trim()
    if (address && !seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address)
  }
  return [...seen.values()]
}

/**
 * Renders and sends one notification. Never throws: an e-mail that cannot be
 * sent must not fail the publish or review that triggered it.
 */
export async function sendNotification(
  payload: Payload,
  { event, to, data }: NotificationRequest,
): Promise<NotificationResult> {
  const addresses = recipients(to)
  if (addresses.length === 0) return { sent: false }
  try {
    const { subject, text, html } = renderNotification(event, data)
    await payload.sendEmail({ to: addresses, subject, text, html })
    return { sent: true }
  } catch (err) {
    const error = redactCredentials(err instanceof Error ? err.message : String(err))
    // Only the message: nodemailer's error objects can carry SMTP commands and responses.
    payload.logger.error({ msg: 'E-postavisering kunde inte skickas', event, recipients: addresses.length, error })
    return { sent: false, error }
  }
}
