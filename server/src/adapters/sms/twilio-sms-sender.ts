import type { TwilioConfig } from '../../config.ts'
import { DeliveryError } from '../delivery-error.ts'
import type { SmsMessage, SmsSender } from './sms-sender.ts'

// Twilio error numbers (https://www.twilio.com/docs/api/errors) that no retry can fix.
const invalidRecipient = new Set([21211, 21214, 21217, 21614])
const unsubscribed = new Set([21610])

interface TwilioFailure {
  status?: number
  code?: number
  message?: string
}

/** Twilio's answer as ours: a bad or opted-out number is final; 429 and 5xx are retried. */
function classify(err: unknown): DeliveryError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as TwilioFailure
  const message = e.message ?? String(err)
  const code = e.code
  if (code !== undefined && invalidRecipient.has(code)) {
    return new DeliveryError('invalid_recipient', true, message, code)
  }
  if (code !== undefined && unsubscribed.has(code)) {
    return new DeliveryError('unsubscribed', true, message, code)
  }
  if (code === 20429 || e.status === 429) {
    return new DeliveryError('throttled', false, message, code ?? e.status)
  }
  // No status: the request never got an answer (network, timeout). 5xx: Twilio's side.
  // 401: credentials, which an operator can fix while the message waits.
  if (e.status === undefined || e.status >= 500 || e.status === 401) {
    return new DeliveryError('unavailable', false, message, code ?? e.status)
  }
  return new DeliveryError('rejected', true, message, code ?? e.status)
}

/**
 * Text messages through Twilio's Messages API, from TWILIO_FROM or a messaging service. The
 * SDK's own 429 retry is off: the outbox retries with its backoff, visible in one place.
 */
export function createTwilioSmsSender(config: TwilioConfig): SmsSender {
  // The SDK is about a hundred modules: it loads with the first message, not with the server.
  let client: Promise<import('twilio').Twilio> | undefined
  const twilioClient = () =>
    (client ??= import('twilio').then(({ default: twilio }) =>
      twilio(config.accountSid, config.authToken, { autoRetry: false, timeout: 15_000 }),
    ))
  const sender =
    config.messagingServiceSid !== undefined
      ? { messagingServiceSid: config.messagingServiceSid }
      : { from: config.from ?? '' }
  return {
    available: true,
    async send(message: SmsMessage) {
      try {
        // Twilio's Messages API takes no idempotency key or client reference; `attempt` at least
        // tells it (and its logs) that this is a retry of the same message.
        const sent = await (
          await twilioClient()
        ).messages.create({
          to: message.to,
          body: message.body,
          ...(message.attempt !== undefined ? { attempt: message.attempt } : {}),
          ...sender,
        })
        return { messageId: sent.sid }
      } catch (err) {
        throw classify(err)
      }
    },
    async close() {},
  }
}
