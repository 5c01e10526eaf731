import type { Clock } from '../../clock.ts'
import { newId } from '../../ids.ts'
import type { Logger } from '../../logger.ts'
import type { Mailer } from '../mail/mailer.ts'
import type { SmsSender } from '../sms/sms-sender.ts'

/** A message kept by the dev outbox instead of being sent. */
export type CapturedMessage =
  | {
      id: string
      at: string
      channel: 'email'
      to: string
      subject: string
      text: string
      html: string
      /** The ticket's reply address, when the email is about one and replies are received. */
      replyTo?: string
    }
  | { id: string; at: string; channel: 'sms'; to: string; text: string }

/**
 * Where messages go in development when no SMTP or Twilio is configured: kept in memory (the
 * newest few) for the /dev/outbox page, so sign-in works offline. Never used in production.
 * The log only says that something was captured; the message (and any code in it) stays here.
 */
export interface DevOutbox {
  /** Newest first. */
  list(): CapturedMessage[]
  mailer: Mailer
  sms: SmsSender
}

export function createDevOutbox(options: {
  clock: Clock
  logger: Logger
  publicUrl: string
  capacity?: number
}): DevOutbox {
  const capacity = options.capacity ?? 100
  const messages: CapturedMessage[] = []
  const keep = (message: CapturedMessage) => {
    messages.unshift(message)
    messages.length = Math.min(messages.length, capacity)
    options.logger.info('message captured in the dev outbox', {
      channel: message.channel,
      devOutboxId: message.id,
      see: `${options.publicUrl}/dev/outbox`,
    })
    return { messageId: message.id }
  }
  const at = () => options.clock.now().toISOString()
  return {
    list: () => [...messages],
    mailer: {
      available: true,
      send: async (m) =>
        keep({
          id: newId('dev'),
          at: at(),
          channel: 'email',
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          ...(m.thread?.replyTo !== undefined ? { replyTo: m.thread.replyTo } : {}),
        }),
      close: async () => {},
    },
    sms: {
      available: true,
      send: async (m) =>
        keep({ id: newId('dev'), at: at(), channel: 'sms', to: m.to, text: m.body }),
      close: async () => {},
    },
  }
}
