/**
 * E-mail through Payload's own sendEmail and @payloadcms/email-nodemailer,
 * with a minimal config of this file's own (no collections of the project).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { Transporter } from 'nodemailer'
import { buildConfig, getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendNotification } from '@/notifications/notify'
import { type NotificationData } from '@/notifications/templates'
import { createEmailAdapterArgs, readOutbox } from '@/notifications/transport'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-int-'))
const outboxDir = path.join(tmp, 'outbox')
const from = { fromAddress: 'no-reply@kalmar.example', fromName: 'Öppna jämförelser' }
const instances: Payload[] = []

async function startPayload(key: string, email: ReturnType<typeof nodemailerAdapter>): Promise<Payload> {
  const config = buildConfig({
    collections: [],
    db: sqliteAdapter({ client: { url: `file:${path.join(tmp, `${key}.db`)}` } }),
    email,
    secret: 'x'.repeat(32),
    telemetry: false,
  })
  // A key of its own: getPayload caches one instance per key.
  const payload = await getPayload({ config, key: `notifications-${key}` })
  instances.push(payload)
  return payload
}

const data: NotificationData = {
  documentTitle: 'Äldreomsorg',
  documentUrl: 'http://localhost:3000/admin/collections/areas/7',
  actorName: 'Karin Redaktör',
  municipality: 'Kalmar kommun',
}

let payload: Payload

beforeAll(async () => {
  payload = await startPayload('outbox', nodemailerAdapter(createEmailAdapterArgs({ outboxDir, ...from })))
})
afterAll(async () => {
  for (const instance of instances) await instance.destroy().catch(() => undefined)
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('sendNotification through Payload', () => {
  it('writes exactly the submitted e-mail to the local outbox', async () => {
    const result = await sendNotification(payload, { event: 'submitted', to: ['granskare@kalmar.example'], data })
    expect(result).toEqual({ sent: true })

    const messages = readOutbox(outboxDir)
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message).toMatchObject({
      from: 'Öppna jämförelser <no-reply@kalmar.example>',
      to: ['granskare@kalmar.example'],
      subject: 'Att granska: Äldreomsorg',
    })
    expect(message!.text).toContain(data.documentUrl)
    expect(message!.html).toContain(`href="${data.documentUrl}"`)
  })

  it('returns { sent: false } when the transport throws', async () => {
    const failing = {
      sendMail: async () => {
        throw new Error('Anslutningen nekades')
      },
      verify: async () => true,
      close: () => undefined,
    } as unknown as Transporter
    const broken = await startPayload(
      'failing',
      nodemailerAdapter({ transport: failing, defaultFromAddress: from.fromAddress, defaultFromName: from.fromName }),
    )
    const result = await sendNotification(broken, { event: 'published', to: ['redaktor@kalmar.example'], data })
    expect(result).toEqual({ sent: false, error: 'Anslutningen nekades' })
    expect(readOutbox(outboxDir)).toHaveLength(1)
  })
})
