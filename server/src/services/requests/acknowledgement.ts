import { SHOPPER_REQUEST_TYPES } from '../../db/shopper-requests.repository.ts'
/**
 * "We received your request": the one message a shopper gets when a ticket is filed, in their
 * language, by email (or by text message when all we have is their verified phone). It names
 * the store, the reference and the order, and says the team will look at it. It never repeats
 * what the sender wrote (the contact form is open to anyone: an acknowledgement must not carry
 * a stranger's words to an address they typed) and never promises an outcome.
 */
import {
  fillMail,
  isMailLocale,
  mailCatalog,
  resolveMailLocale,
  type MailLocale,
} from '@porchlight/shared/i18n/mail/messages'
import type { Kysely } from 'kysely'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { oneLine } from '../auth/code-message.ts'
import {
  enqueue,
  type OutboxMessage,
  type OutboxTemplate,
  type QueuedMessage,
} from '../outbox/outbox.ts'

export const REQUEST_ACK_TEMPLATE = 'request-ack'

export type AckKind = (typeof SHOPPER_REQUEST_TYPES)[number]

/** What the outbox row holds: everything the message says, nothing more. */
export interface RequestAckParams {
  kind: AckKind
  reference: string
  orderName: string | null
  storeName: string
  locale: MailLocale
}

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
    params: { ...params },
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
    reference: `#${input.ticket.number}`,
    orderName: input.ticket.order_name,
    storeName: input.store.name,
    locale: resolveMailLocale(input.locale, typeof fallback === 'string' ? fallback : undefined),
  }
  const message = acknowledgementMessage(
    { channel: 'email', to: input.email },
    params,
    input.store.id,
  )
  await enqueue(trx, message, new Date(input.ticket.created_at))
  return { queued: true }
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )
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

/** The acknowledgement email: subject, plain text and a simple HTML body. */
export function renderAckEmail(params: RequestAckParams) {
  const { dir, requestAck: t } = mailCatalog(params.locale)
  const v = values(params, 100)
  const subject = fillMail(t.subject, v)
  const paragraphs = [
    fillMail(firstLine(params), v),
    fillMail(params.kind === 'contact' ? t.reply : t.review, v),
    fillMail(t.keep, v),
  ]
  const text = `${paragraphs.join('\n\n')}\n`
  const html = [
    '<!doctype html>',
    `<html lang="${params.locale}" dir="${dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;line-height:1.5">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

/** The acknowledgement text message: one short sentence or two. */
export function renderAckSms(params: RequestAckParams): string {
  const t = mailCatalog(params.locale).requestAck
  return fillMail(params.kind === 'contact' ? t.smsContact : t.sms, values(params, 40))
}

const kinds: readonly string[] = SHOPPER_REQUEST_TYPES

function readParams(message: QueuedMessage): RequestAckParams {
  const p = message.params
  if (
    typeof p['kind'] !== 'string' ||
    !kinds.includes(p['kind']) ||
    typeof p['reference'] !== 'string' ||
    (p['orderName'] !== null && typeof p['orderName'] !== 'string') ||
    typeof p['storeName'] !== 'string' ||
    typeof p['locale'] !== 'string' ||
    !isMailLocale(p['locale'])
  ) {
    throw new DeliveryError('rejected', true, 'malformed request-ack params')
  }
  return p as unknown as RequestAckParams
}

/** The outbox template of acknowledgements. */
export function requestAckTemplate(): OutboxTemplate {
  return {
    async render(message) {
      const params = readParams(message)
      return message.channel === 'email'
        ? { channel: 'email', ...renderAckEmail(params) }
        : { channel: 'sms', body: renderAckSms(params) }
    },
  }
}
