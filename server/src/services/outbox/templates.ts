import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/schema.ts'
import { AGENT_LOCK_TEMPLATE, lockNoticeTemplate } from '../agents/lock-notice.ts'
import { AUTH_CODE_TEMPLATE, authCodeTemplate } from '../auth/code-message.ts'
import { REQUEST_ACK_TEMPLATE, requestAckTemplate } from '../requests/acknowledgement.ts'
import { PASSWORD_LINK_TEMPLATE, passwordLinkTemplate } from '../team/password-links.ts'
import { TICKET_NOTICE_TEMPLATE, ticketNoticeTemplate } from '../tickets/ticket-notices.ts'
import { webhookDeliveryTemplate } from '../webhooks/delivery-template.ts'
import { WEBHOOK_TEMPLATE } from '../webhooks/emit.ts'
import type { OutboxTemplates } from './outbox.ts'

/** Every template the outbox can render. Features that send messages register theirs here. */
export function outboxTemplates(
  config: {
    secretKey: string | undefined
    secretKeyPrevious?: string | undefined
    publicUrl: string
    /** INBOUND_MAIL_DOMAIN: ticket emails carry a reply address there. */
    inboundDomain?: string | undefined
  },
  deps: { db: Kysely<Database>; clock: Clock },
): Required<OutboxTemplates> {
  const secretKey = config.secretKey
  if (secretKey === undefined) throw new Error('secretKey must be resolved before the outbox')
  return {
    [AUTH_CODE_TEMPLATE]: authCodeTemplate({
      secretKey,
      secretKeyPrevious: config.secretKeyPrevious,
      publicUrl: config.publicUrl,
    }),
    [REQUEST_ACK_TEMPLATE]: requestAckTemplate(config.inboundDomain),
    [TICKET_NOTICE_TEMPLATE]: ticketNoticeTemplate(
      { secretKey, publicUrl: config.publicUrl, clock: deps.clock },
      config.inboundDomain,
    ),
    [WEBHOOK_TEMPLATE]: webhookDeliveryTemplate(deps),
    [AGENT_LOCK_TEMPLATE]: lockNoticeTemplate(config),
    [PASSWORD_LINK_TEMPLATE]: passwordLinkTemplate({ ...config, secretKey }),
  }
}
