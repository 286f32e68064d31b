import { createHmac, timingSafeEqual } from 'node:crypto'

const PREFIX = 'sha256='

/** `sha256=<hex HMAC-SHA256 of the body's UTF-8 bytes>`: the value of the `X-Signature` header. */
export function signWebhookBody(secret: string, body: string): string {
  return PREFIX + createHmac('sha256', secret).update(body, 'utf8').digest('hex')
}

/**
 * For receivers: true when `header` (the request's `X-Signature`) is the
 * signature of `body` with the webhook's secret. `body` must be the raw bytes
 * as received, before any JSON parsing (re-serialising changes the bytes).
 * Compared in constant time, so the answer leaks nothing about the right value.
 * The signed body also holds `occurredAt` (sent again as `X-Webhook-Timestamp`):
 * a receiver may refuse old timestamps and ids it has seen to stop replays.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false
  const expected = Buffer.from(signWebhookBody(secret, body), 'utf8')
  const given = Buffer.from(header.trim(), 'utf8')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
