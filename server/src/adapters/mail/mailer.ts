/** One rendered email. `to` is a single, already validated address. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /**
   * This message's stable identity (its outbox row), the same on every attempt: SMTP sends it
   * as the Message-ID, so a repeat after a crash can be recognised and dropped.
   */
  id?: string
  /** A message about a ticket: where the shopper's reply goes and which thread it belongs to. */
  thread?: MailThread
}

export interface MailThread {
  /** reply+<token>@<inbound domain>; absent when replies are not received. */
  replyTo?: string
  /** The thread's root id (the ticket's): In-Reply-To and References name it, so mail apps group. */
  root: string
}

/**
 * Sends email. Implementations: SMTP (nodemailer, pooled), the dev outbox, and "unconfigured"
 * for production without SMTP. Failures are thrown as DeliveryError.
 */
export interface Mailer {
  /** False when nothing can be sent (production without SMTP): the API refuses the channel. */
  readonly available: boolean
  send(message: MailMessage): Promise<{ messageId: string | undefined }>
  close(): Promise<void>
}
