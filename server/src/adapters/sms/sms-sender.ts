/** One rendered text message to an E.164 number. */
export interface SmsMessage {
  to: string
  body: string
  /** This message's stable identity (its outbox row), the same on every attempt. */
  id?: string
  /** Which attempt this is, counting from 1. */
  attempt?: number
}

/**
 * Sends text messages. Implementations: Twilio, the dev outbox, and "unconfigured" for
 * production without Twilio. Failures are thrown as DeliveryError.
 */
export interface SmsSender {
  /** False when nothing can be sent (production without Twilio): the API refuses the channel. */
  readonly available: boolean
  send(message: SmsMessage): Promise<{ messageId: string | undefined }>
  close(): Promise<void>
}
