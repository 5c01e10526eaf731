import { DeliveryError } from './delivery-error.ts'
import type { Mailer } from './mail/mailer.ts'
import type { SmsSender } from './sms/sms-sender.ts'

// In production a channel without settings is switched off: the API refuses it up front
// (`available: false`) and anything queued anyway fails for good instead of vanishing.
const refuse = async (): Promise<never> => {
  throw new DeliveryError('not_configured', true, 'this channel is not configured')
}

export const unconfiguredMailer: Mailer = { available: false, send: refuse, close: async () => {} }
export const unconfiguredSms: SmsSender = { available: false, send: refuse, close: async () => {} }
