import type { SmtpReceiver } from '../../adapters/mail/smtp-receiver.ts'
import { receiveReplyMail, type ReceiveDeps } from './receive-reply.ts'

/**
 * Starts the SMTP receiver when INBOUND_SMTP_PORT is set (undefined otherwise): every message
 * it takes goes to receiveReplyMail with the envelope's recipients. The receiver (smtp-server)
 * is loaded only then: a server that does not take mail does not pay for its code at start.
 */
export async function startInboundSmtp(deps: ReceiveDeps): Promise<SmtpReceiver | undefined> {
  const inbound = deps.config.inboundMail
  if (inbound?.smtpPort === undefined) return undefined
  const { startSmtpReceiver } = await import('../../adapters/mail/smtp-receiver.ts')
  return startSmtpReceiver({
    host: inbound.smtpHost,
    port: inbound.smtpPort,
    domain: inbound.domain,
    maxBytes: inbound.maxBytes,
    logger: deps.logger.child({ component: 'inbound-smtp' }),
    onMessage: async (raw, recipients) => {
      await receiveReplyMail(deps, raw, { via: 'smtp', recipients })
    },
  })
}
