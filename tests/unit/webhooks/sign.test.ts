import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { signWebhookBody, verifyWebhookSignature } from '@/webhooks/sign'

const secret = 'a'.repeat(64)
const body = JSON.stringify({ id: 1, event: 'area.published', area: { title: 'Äldreomsorg – Öppna jämförelser' } })

describe('signWebhookBody', () => {
  it('is sha256= and the hex HMAC-SHA256 of the UTF-8 body', () => {
    const expected = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')
    expect(signWebhookBody(secret, body)).toBe(`sha256=${expected}`)
  })

  it('depends on the secret and on every byte of the body', () => {
    const signature = signWebhookBody(secret, body)
    expect(signWebhookBody('b'.repeat(64), body)).not.toBe(signature)
    expect(signWebhookBody(secret, `${body} `)).not.toBe(signature)
  })
})

describe('verifyWebhookSignature', () => {
  const header = signWebhookBody(secret, body)

  it('accepts the right signature', () => {
    expect(verifyWebhookSignature(secret, body, header)).toBe(true)
  })

  it('refuses another secret, a changed body or a changed signature', () => {
    expect(verifyWebhookSignature('fel-nyckel', body, header)).toBe(false)
    expect(verifyWebhookSignature(secret, body.replace('Ä', 'A'), header)).toBe(false)
    const flipped = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0')
    expect(verifyWebhookSignature(secret, body, flipped)).toBe(false)
  })

  it('refuses a missing, unprefixed, truncated or over-long header without throwing', () => {
    expect(verifyWebhookSignature(secret, body, undefined)).toBe(false)
    expect(verifyWebhookSignature(secret, body, null)).toBe(false)
    expect(verifyWebhookSignature(secret, body, '')).toBe(false)
    expect(verifyWebhookSignature(secret, body, header.replace('sha256=', ''))).toBe(false)
    expect(verifyWebhookSignature(secret, body, header.slice(0, -2))).toBe(false)
    expect(verifyWebhookSignature(secret, body, `${header}00`)).toBe(false)
    expect(verifyWebhookSignature(secret, body, 'sha256=ö'.padEnd(header.length, 'x'))).toBe(false)
  })
})
