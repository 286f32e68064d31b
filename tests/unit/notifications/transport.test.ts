import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  createEmailAdapterArgs,
  createMailTransport,
  describeTransport,
  MailConfigError,
  readOutbox,
} from '@/notifications/transport'

let tmp: string
let outboxDir: string

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-test-'))
  outboxDir = path.join(tmp, 'nested', 'outbox')
})
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('local outbox', () => {
  it('creates the folder and writes one JSON file per message, mode 600', async () => {
    const transport = createMailTransport({ outboxDir })
    const info = await transport.sendMail({
      from: 'Öppna jämförelser <no-reply@kalmar.example>',
      to: ['granskare@kalmar.example', 'Åsa <asa@kalmar.example>'],
      subject: 'Att granska: Äldreomsorg',
      text: 'Hej!',
      html: '<p>Hej!</p>',
    })
    expect(info.envelope?.to).toEqual(['granskare@kalmar.example', 'asa@kalmar.example'])

    const files = fs.readdirSync(outboxDir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{8}\.json$/)
    expect(fs.statSync(path.join(outboxDir, files[0]!)).mode & 0o777).toBe(0o600)

    const [message] = readOutbox(outboxDir)
    expect(message).toMatchObject({
      file: files[0],
      from: 'Öppna jämförelser <no-reply@kalmar.example>',
      to: ['granskare@kalmar.example', 'Åsa <asa@kalmar.example>'],
      subject: 'Att granska: Äldreomsorg',
      text: 'Hej!',
      html: '<p>Hej!</p>',
    })
    expect(Number.isNaN(Date.parse(message!.date))).toBe(false)
  })

  it('lists messages oldest first and ignores other files', async () => {
    const transport = createMailTransport({ outboxDir, smtpUrl: '  ' })
    for (const subject of ['ett', 'två', 'tre']) {
      await transport.sendMail({ from: 'a@b.example', to: 'c@d.example', subject, text: subject })
    }
    fs.writeFileSync(path.join(outboxDir, 'README.txt'), 'x')
    fs.writeFileSync(path.join(outboxDir, 'trasig.json'), '{')
    expect(readOutbox(outboxDir).map((m) => m.subject)).toEqual(['ett', 'två', 'tre'])
  })

  it('reads a missing outbox as empty', () => {
    expect(readOutbox(path.join(tmp, 'finns-inte'))).toEqual([])
  })

  it('fails the send when the outbox cannot be written', async () => {
    fs.writeFileSync(path.join(tmp, 'fil'), 'x')
    const transport = createMailTransport({ outboxDir: path.join(tmp, 'fil', 'outbox') })
    await expect(transport.sendMail({ from: 'a@b.example', to: 'c@d.example', subject: 's' })).rejects.toThrow()
  })
})

describe('describeTransport', () => {
  it('names the SMTP host and port but never user or password', () => {
    const line = describeTransport({ smtpUrl: 'smtp://anna:hemligt%21@smtp.kalmar.example:2525', outboxDir })
    expect(line).toBe('E-post skickas via SMTP till smtp.kalmar.example:2525')
    expect(line).not.toMatch(/anna|hemligt/)
    expect(describeTransport({ smtpUrl: 'smtps://u:p@mail.example', outboxDir })).toBe(
      'E-post skickas via SMTPS till mail.example:465',
    )
  })

  it('names the outbox without SMTP_URL', () => {
    expect(describeTransport({ outboxDir: '/srv/utkorg' })).toBe(
      'E-post sparas i lokal utkorg: /srv/utkorg (SMTP_URL saknas)',
    )
  })

  it('rejects a malformed SMTP_URL without echoing it', () => {
    expect(() => describeTransport({ smtpUrl: 'hemligt lösen', outboxDir })).toThrow(MailConfigError)
    expect(() => createMailTransport({ smtpUrl: 'http://u:hemligt@x', outboxDir })).toThrow(/smtp:\/\//)
    try {
      createMailTransport({ smtpUrl: 'http://u:hemligt@x', outboxDir })
    } catch (err) {
      expect((err as Error).message).not.toContain('hemligt')
    }
  })
})

describe('createEmailAdapterArgs', () => {
  it('always passes a transport and skips verification (no network at startup)', () => {
    for (const smtpUrl of [undefined, 'smtp://u:p@127.0.0.1:1']) {
      const args = createEmailAdapterArgs({ smtpUrl, outboxDir, fromAddress: 'no-reply@kalmar.example', fromName: 'CMS' })
      expect(args.transport).toBeDefined()
      expect(args.skipVerify).toBe(true)
      expect(args).toMatchObject({ defaultFromAddress: 'no-reply@kalmar.example', defaultFromName: 'CMS' })
    }
    expect(fs.existsSync(outboxDir)).toBe(false)
  })
})
