import nodemailer from 'nodemailer'
import type { SmtpConfig } from '../../config.ts'
import { DeliveryError } from '../delivery-error.ts'
import type { Mailer, MailMessage } from './mailer.ts'

// One plain address, nothing that an address parser could split into several recipients.
const plainAddress = /^[^\s@,;<>"'()\\[\]:\u0000-\u001f\u007f]+@[A-Za-z0-9.-]+$/

interface SmtpFailure {
  code?: string
  responseCode?: number
  command?: string
  message?: string
}

/** Maps nodemailer's error to ours: 5xx replies are final, everything else may pass later. */
function classify(err: unknown): DeliveryError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpFailure
  const reply = e.responseCode
  const message = e.message ?? String(err)
  // Wrong credentials are the operator's to fix; retrying gives them the time to do it.
  if (e.code === 'EAUTH') return new DeliveryError('unavailable', false, message, reply ?? e.code)
  if (reply !== undefined && reply >= 500) {
    const recipient = e.code === 'EENVELOPE' || /^RCPT/i.test(e.command ?? '')
    return new DeliveryError(recipient ? 'invalid_recipient' : 'rejected', true, message, reply)
  }
  if (reply === 421 || reply === 450 || reply === 451 || reply === 452) {
    return new DeliveryError('throttled', false, message, reply)
  }
  return new DeliveryError('unavailable', false, message, reply ?? e.code)
}

// The part after @ of the sender's address names us in Message-IDs, as RFC 5322 suggests.
function messageIdDomain(from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1]
  return domain ?? 'porchlight.invalid'
}

/** The Message-ID of an outbox message: derived from its row, so every attempt carries the same. */
export function stableMessageId(id: string, from: string): string {
  return `<${id.replace(/[^A-Za-z0-9_.-]/g, '-')}@${messageIdDomain(from)}>`
}

/**
 * Reply-To and the threading headers of a ticket's email. Every message of a ticket answers
 * the same root id, which no message carries itself: mail apps group them under it, and a
 * shopper's reply names it back (one more way to tell the reply's ticket than the address).
 */
function threadHeaders(message: MailMessage, from: string) {
  const thread = message.thread
  if (thread === undefined) return {}
  const root = stableMessageId(thread.root, from)
  return {
    ...(thread.replyTo !== undefined && plainAddress.test(thread.replyTo)
      ? { replyTo: thread.replyTo }
      : {}),
    inReplyTo: root,
    references: [root],
  }
}

/**
 * Email over SMTP with a pooled transport (a few long-lived connections instead of one per
 * message). Configured by SMTP_URL, or SMTP_HOST/PORT/USER/PASSWORD; SMTP_FROM is the sender.
 */
export function createSmtpMailer(config: SmtpConfig): Mailer {
  const connection =
    config.url !== undefined
      ? { url: config.url }
      : {
          host: config.host,
          port: config.port,
          secure: config.port === 465,
          ...(config.user !== undefined
            ? { auth: { user: config.user, pass: config.password ?? '' } }
            : {}),
        }
  const transport = nodemailer.createTransport(
    {
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Messages are built from our own strings only: never let a field read a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
      ...connection,
    },
    { from: config.from },
  )
  return {
    available: true,
    async send(message: MailMessage) {
      if (!plainAddress.test(message.to)) {
        throw new DeliveryError('invalid_recipient', true, 'not a single plain address')
      }
      let info
      try {
        info = await transport.sendMail({
          // Checked above to be one plain address, so the envelope has exactly one recipient.
          to: { name: '', address: message.to },
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.id !== undefined
            ? { messageId: stableMessageId(message.id, config.from) }
            : {}),
          ...threadHeaders(message, config.from),
        })
      } catch (err) {
        throw classify(err)
      }
      if (info.rejected.length > 0) {
        throw new DeliveryError('invalid_recipient', true, 'the server refused the recipient')
      }
      return { messageId: info.messageId }
    },
    async close() {
      transport.close()
    },
  }
}
