import type { Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { redactCredentials, sendNotification } from '@/notifications/notify'
import { type NotificationData } from '@/notifications/templates'

const data: NotificationData = {
  documentTitle: 'Äldreomsorg',
  documentUrl: 'http://localhost:3000/admin/collections/areas/7',
  actorName: 'Karin',
  municipality: 'Kalmar kommun',
}

function fakePayload(sendEmail: (message: unknown) => Promise<unknown>) {
  const error = vi.fn()
  const payload = { sendEmail: vi.fn(sendEmail), logger: { error } } as unknown as Payload
  return { payload, sendEmail: payload.sendEmail as ReturnType<typeof vi.fn>, error }
}

describe('sendNotification', () => {
  it('sends the rendered e-mail to the unique, non-empty addresses', async () => {
    const { payload, sendEmail } = fakePayload(async () => ({}))
    const to = ['a@kalmar.example', '', null, undefined, ' A@kalmar.example ', 'b@kalmar.example']
    expect(await sendNotification(payload, { event: 'submitted', to, data })).toEqual({ sent: true })
    expect(sendEmail).toHaveBeenCalledTimes(1)
    expect(sendEmail.mock.calls[0]![0]).toMatchObject({
      to: ['a@kalmar.example', 'b@kalmar.example'],
      subject: 'Att granska: Äldreomsorg',
    })
  })

  it('sends nothing to an empty list', async () => {
    const { payload, sendEmail } = fakePayload(async () => ({}))
    expect(await sendNotification(payload, { event: 'published', to: ['', null], data })).toEqual({ sent: false })
    expect(sendEmail).not.toHaveBeenCalled()
  })

  it('returns the error instead of throwing, logged without credentials', async () => {
    const { payload, error } = fakePayload(async () => {
      throw new Error('connect ECONNREFUSED smtp://anna:hemligt@smtp.kalmar.example:587')
    })
    const result = await sendNotification(payload, { event: 'approved', to: ['a@kalmar.example'], data })
    expect(result).toEqual({ sent: false, error: 'connect ECONNREFUSED smtp://***@smtp.kalmar.example:587' })
    expect(error).toHaveBeenCalledTimes(1)
    expect(JSON.stringify(error.mock.calls)).not.toContain('hemligt')
  })

  it('survives a synchronous throw and a non-Error rejection', async () => {
    const sync = fakePayload(() => {
      throw 'nej'
    })
    expect(await sendNotification(sync.payload, { event: 'reviewDue', to: ['a@b.example'], data })).toEqual({
      sent: false,
      error: 'nej',
    })
  })

  it('redactCredentials leaves URLs without credentials alone', () => {
    expect(redactCredentials('smtp://host:25 and smtps://u:p@h')).toBe('smtp://host:25 and smtps://***@h')
  })
})
