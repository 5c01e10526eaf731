import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../logger.ts'
import { createDevOutbox, type DevOutbox } from './dev-outbox/dev-outbox.ts'
import type { Mailer } from './mail/mailer.ts'
import { createThreadedSmtpMailer } from './mail/threaded-smtp-mailer.ts'
import type { SmsSender } from './sms/sms-sender.ts'
import { createTwilioSmsSender } from './sms/twilio-sms-sender.ts'
import { unconfiguredMailer, unconfiguredSms } from './unconfigured.ts'

export interface Messaging {
  mailer: Mailer
  sms: SmsSender
  /** Present outside production; holds what unconfigured channels would have sent. */
  devOutbox: DevOutbox | undefined
}

/**
 * The transports for this configuration: SMTP and Twilio when configured; otherwise the dev
 * outbox in development and test, and a switched-off channel in production.
 */
export function createMessaging(config: Config, deps: { clock: Clock; logger: Logger }): Messaging {
  const devOutbox =
    config.env === 'production'
      ? undefined
      : createDevOutbox({ clock: deps.clock, logger: deps.logger, publicUrl: config.publicUrl })
  const mailer =
    config.smtp !== undefined
      ? createThreadedSmtpMailer(config.smtp)
      : (devOutbox?.mailer ?? unconfiguredMailer)
  const sms =
    config.twilio !== undefined
      ? createTwilioSmsSender(config.twilio)
      : (devOutbox?.sms ?? unconfiguredSms)
  if (config.env === 'production' && !mailer.available && !sms.available) {
    deps.logger.warn('neither SMTP nor Twilio is configured: shoppers cannot sign in')
  }
  return { mailer, sms, devOutbox }
}
