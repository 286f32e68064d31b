/**
 * Minimal types for nodemailer 9 (it ships none and @types/nodemailer is not
 * installed). Ambient, so Payload's and @payloadcms/email-nodemailer's type
 * imports resolve here too: SendMailOptions stays open so nothing else narrows.
 */
declare module 'nodemailer' {
  type Address = { address: string; name: string }

  export interface SendMailOptions {
    from?: string | Address
    to?: string | Address | (string | Address)[]
    subject?: string
    text?: string
    html?: string
    [key: string]: unknown
  }

  export interface SentMessageInfo {
    envelope?: { from: string | false; to: string[] }
    messageId?: string
    [key: string]: unknown
  }

  /** The message a transport plugin receives; normalize() resolves all content. */
  export interface MailMessage {
    normalize(
      callback: (
        err: Error | null,
        data?: { from?: Address; to?: Address[]; subject?: string; text?: string; html?: string; messageId?: string },
      ) => void,
    ): void
  }

  export interface Transport {
    name: string
    version: string
    send(mail: MailMessage, callback: (err: Error | null, info?: SentMessageInfo) => void): void
    verify?(): Promise<true>
  }

  export interface Transporter {
    sendMail(mail: SendMailOptions): Promise<SentMessageInfo>
    verify(): Promise<true>
    close(): void
  }

  export function createTransport(transport: string | Transport | Record<string, unknown>): Transporter

  const nodemailer: { createTransport: typeof createTransport }
  export default nodemailer
}
