/**
 * Mail transport: SMTP when SMTP_URL is set, otherwise a local outbox folder
 * with one JSON file per message. Never nodemailer's ethereal test account,
 * which @payloadcms/email-nodemailer falls back to when given no transport.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { NodemailerAdapterArgs } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transport, type Transporter } from 'nodemailer'

export type MailTransportOptions = {
  /** SMTP_URL, e.g. smtp://user:pass@host:587; empty or absent means the local outbox. */
  smtpUrl?: string | undefined
  outboxDir: string
}

export type OutboxMessage = {
  /** File name inside the outbox. */
  file: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  /** ISO time the message was written. */
  date: string
}

export class MailConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MailConfigError'
  }
}

/** Parses SMTP_URL without ever putting it (it holds the password) in an error. */
function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL
  try {
    url = new URL(smtpUrl)
  } catch {
    throw new MailConfigError('SMTP_URL är ogiltig. Förväntad form: smtp://användare:lösenord@värd:587')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError(`SMTP_URL måste börja med smtp:// eller smtps:// (inte ${url.protocol}//).`)
  }
  return url
}

const smtpUrlOf = (options: MailTransportOptions) => options.smtpUrl?.trim() || undefined

/** One line for the log: SMTP host and port, or the outbox folder; never user or password. */
export function describeTransport(options: MailTransportOptions): string {
  const smtpUrl = smtpUrlOf(options)
  if (!smtpUrl) return `E-post sparas i lokal utkorg: ${options.outboxDir} (SMTP_URL saknas)`
  const url = parseSmtpUrl(smtpUrl)
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587')
  return `E-post skickas via ${url.protocol.slice(0, -1).toUpperCase()} till ${url.hostname}:${port}`
}

export function createMailTransport(options: MailTransportOptions): Transporter {
  const smtpUrl = smtpUrlOf(options)
  if (smtpUrl) {
    parseSmtpUrl(smtpUrl)
    return nodemailer.createTransport(smtpUrl)
  }
  return nodemailer.createTransport(outboxTransport(options.outboxDir))
}

/** Arguments for nodemailerAdapter; skipVerify because verify() would connect at startup. */
export function createEmailAdapterArgs(options: {
  smtpUrl?: string | undefined
  outboxDir: string
  fromAddress: string
  fromName: string
}): NodemailerAdapterArgs {
  return {
    transport: createMailTransport(options),
    defaultFromAddress: options.fromAddress,
    defaultFromName: options.fromName,
    skipVerify: true,
  }
}

let lastTime = 0

/** Strictly increasing per process, so file names sort in sending order. */
function nextTime(): Date {
  lastTime = Math.max(Date.now(), lastTime + 1)
  return new Date(lastTime)
}

const formatAddress = (a: { address: string; name: string }) => (a.name ? `${a.name} <${a.address}>` : a.address)

function outboxTransport(outboxDir: string): Transport {
  return {
    name: 'outbox',
    version: '1',
    send(mail, done) {
      mail.normalize((err, data) => {
        if (err || !data) return done(err ?? new Error('Meddelandet kunde inte byggas.'))
        try {
          const date = nextTime().toISOString()
          const file = `${date.replace(/:/g, '-')}-${randomBytes(4).toString('hex')}.json`
          const message: Omit<OutboxMessage, 'file'> = {
            from: data.from ? formatAddress(data.from) : '',
            to: (data.to ?? []).map(formatAddress),
            subject: data.subject ?? '',
            text: data.text ?? '',
            html: data.html ?? '',
            date,
          }
          fs.mkdirSync(outboxDir, { recursive: true, mode: 0o700 })
          fs.writeFileSync(path.join(outboxDir, file), JSON.stringify(message, null, 2) + '\n', {
            mode: 0o600,
            flag: 'wx',
          })
          const to = (data.to ?? []).map((a) => a.address)
          const envelope = { from: data.from?.address ?? (false as const), to }
          done(null, { envelope, messageId: data.messageId, file })
        } catch (writeError) {
          done(writeError as Error)
        }
      })
    },
    verify: async () => true,
  }
}

/** Messages in the outbox, oldest first; an absent folder is an empty outbox, unreadable files are left out. */
export function readOutbox(outboxDir: string): OutboxMessage[] {
  if (!fs.existsSync(outboxDir)) return []
  return fs
    .readdirSync(outboxDir)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file): OutboxMessage[] => {
      try {
        const message = JSON.parse(fs.readFileSync(path.join(outboxDir, file), 'utf8')) as Omit<OutboxMessage, 'file'>
        return typeof message.date === 'string' ? [{ ...message, file }] : []
      } catch {
        return []
      }
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file))
}
