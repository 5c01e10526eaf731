/**
 * "We received your request": the one message a shopper gets when a ticket is filed, in their
 * language, by email (or by text message when all we have is their verified phone). It names
 * the store, the reference and the order, and says the team will look at it. It never repeats
 * what the sender wrote (the contact form is open to anyone: an acknowledgement must not carry
 * a stranger's words to an address they typed) and never promises an outcome.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import { fillMail, mailCatalog, resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { renderMail, type RenderedMail } from '../mail/mail-document.ts'
import { oneLine } from '../mail/one-line.ts'
import { mailThread, withReplyThread } from '../mail-replies/reply-address.ts'
import { enqueue, type OutboxMessage, type OutboxTemplate } from '../outbox/outbox.ts'
import type { OutboxPayloads, OutboxTemplateName } from '../outbox/payloads.ts'

export const REQUEST_ACK_TEMPLATE = 'request-ack' satisfies OutboxTemplateName

/** What the outbox row holds: everything the message says, nothing more. */
export type RequestAckParams = OutboxPayloads[typeof REQUEST_ACK_TEMPLATE]

export type AckKind = RequestAckParams['kind']

/** Where the acknowledgement goes. */
export type AckRecipient = { channel: 'email' | 'sms'; to: string }

/** The queued acknowledgement of a ticket, for `enqueue` in the ticket's transaction. */
export function acknowledgementMessage(
  recipient: AckRecipient,
  params: RequestAckParams,
  storeId: string,
): OutboxMessage {
  return {
    channel: recipient.channel,
    to: recipient.to,
    template: REQUEST_ACK_TEMPLATE,
    params,
    storeId,
  }
}

/**
 * Queues the acknowledgement of a contact ticket filed by another feature (a chat message left
 * for later), in the caller's transaction, by email to `email`.
 */
export async function enqueueContactAcknowledgement(
  trx: Kysely<Database>,
  input: { store: Store; ticket: Ticket; email: string; locale: string },
): Promise<{ queued: boolean }> {
  const fallback = input.store.settings['defaultLocale']
  const params: RequestAckParams = {
    kind: 'contact',
    reference: ticketReference(input.ticket.number),
    orderName: input.ticket.order_name,
    storeName: input.store.name,
    locale: resolveMailLocale(input.locale, typeof fallback === 'string' ? fallback : undefined),
  }
  const message = acknowledgementMessage(
    { channel: 'email', to: input.email },
    params,
    input.store.id,
  )
  const at = new Date(input.ticket.created_at)
  await enqueue(trx, await withReplyThread(trx, input.ticket, message, at), at)
  return { queued: true }
}

function values(params: RequestAckParams, max: number) {
  return {
    store: oneLine(params.storeName, max),
    reference: oneLine(params.reference, 20),
    order: oneLine(params.orderName ?? '', 40),
  }
}

function firstLine(params: RequestAckParams): string {
  const t = mailCatalog(params.locale).requestAck
  if (params.kind === 'contact') return params.orderName === null ? t.contact : t.contactOrder
  return t[params.kind]
}

/** The acknowledgement email. */
export function renderAckEmail(params: RequestAckParams): RenderedMail {
  const { dir, requestAck: t } = mailCatalog(params.locale)
  const v = values(params, 100)
  return renderMail({
    lang: params.locale,
    dir,
    subject: fillMail(t.subject, v),
    paragraphs: [
      fillMail(firstLine(params), v),
      fillMail(params.kind === 'contact' ? t.reply : t.review, v),
      fillMail(t.keep, v),
    ],
  })
}

/** The acknowledgement text message: one short sentence or two. */
export function renderAckSms(params: RequestAckParams): string {
  const t = mailCatalog(params.locale).requestAck
  return fillMail(params.kind === 'contact' ? t.smsContact : t.sms, values(params, 40))
}

/** The outbox template of acknowledgements; `inboundDomain` receives the shopper's replies. */
export function requestAckTemplate(
  inboundDomain?: string,
): OutboxTemplate<typeof REQUEST_ACK_TEMPLATE> {
  return {
    async render(message) {
      const { params } = message
      if (message.channel !== 'email') return { channel: 'sms', body: renderAckSms(params) }
      const thread = mailThread(params.thread, inboundDomain)
      return { channel: 'email', ...renderAckEmail(params), ...(thread ? { thread } : {}) }
    },
  }
}
