import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { Kysely } from 'kysely'
import { fillMail, resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import { decisionTextKey, ticketMailCatalog } from '@porchlight/shared/i18n/mail/tickets/catalogs'
import type { Money } from '@porchlight/shared/orders/model'
import { formatMoney } from '@porchlight/shared/orders/summary'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { renderMail, type MailParagraph, type RenderedMail } from '../mail/mail-document.ts'
import { oneLine } from '../mail/one-line.ts'
import { mailThread, withReplyThread } from '../mail-replies/reply-address.ts'
import { ratingToken } from '../ratings/rating-link.ts'
import { isRateable } from '../ratings/ratings.ts'
import { enqueue, type OutboxTemplate, type RenderedMessage } from '../outbox/outbox.ts'
import { instructionsText, returnNoticeText } from './return-notices.ts'
import type { OutboxPayloads, OutboxTemplateName } from '../outbox/payloads.ts'

export const TICKET_NOTICE_TEMPLATE = 'ticket-notice' satisfies OutboxTemplateName

/** The outbox row's params: enough to write the message in the shopper's language later. */
export type TicketNoticeParams = OutboxPayloads[typeof TICKET_NOTICE_TEMPLATE]

/** What the shopper is told. Agents' words (reason, reply) are sent as plain text. */
export type TicketNotice = TicketNoticeParams['notice']

/**
 * Where the shopper hears back: their verified email, else the email they typed, else a text
 * message to their verified phone. Null when they left neither.
 */
export function shopperContact(ticket: Ticket): { channel: 'email' | 'sms'; to: string } | null {
  if (ticket.identity_kind === 'email' && ticket.identity_value)
    return { channel: 'email', to: ticket.identity_value }
  if (ticket.contact_email) return { channel: 'email', to: ticket.contact_email }
  if (ticket.identity_kind === 'phone' && ticket.identity_value)
    return { channel: 'sms', to: ticket.identity_value }
  return null
}

/**
 * Queues the message in the caller's transaction, so it exists exactly when the change it
 * reports was committed. Returns the outbox id, or null when the shopper cannot be reached.
 */
export async function queueTicketNotice(
  trx: Kysely<Database>,
  input: { ticket: Ticket; store: Store; notice: TicketNotice; now: Date },
): Promise<string | null> {
  const { ticket, store } = input
  const contact = shopperContact(ticket)
  if (contact === null) return null
  const fallback = store.settings['defaultLocale']
  const params: TicketNoticeParams = {
    notice: input.notice,
    locale: resolveMailLocale(ticket.locale, typeof fallback === 'string' ? fallback : undefined),
    storeName: store.name,
    reference: ticketReference(ticket.number),
    orderName: ticket.order_name,
    ...(input.notice.kind === 'decision' && isRateable(ticket) ? { rateTicketId: ticket.id } : {}),
  }
  const message = await withReplyThread(
    trx,
    ticket,
    {
      channel: contact.channel,
      to: contact.to,
      template: TICKET_NOTICE_TEMPLATE,
      params,
      storeId: store.id,
    },
    input.now,
  )
  return enqueue(trx, message, input.now)
}

/**
 * Subject and paragraphs of a notice; the agent's own words are the `quoted` paragraph.
 * `publicUrl` makes an uploaded return label's path a link the shopper can open.
 */
export function composeTicketNotice(p: TicketNoticeParams, publicUrl?: string) {
  const t = ticketMailCatalog(p.locale)
  const n = p.notice
  const store = oneLine(p.storeName)
  const values: Record<string, string> = {
    store,
    reference: p.reference,
    order: oneLine(p.orderName ?? p.reference, 60),
  }
  const common = {
    dir: t.dir,
    reference: fillMail(t.referenceLine, values),
    footer: fillMail(t.footer, values),
    store,
  }
  if (n.kind === 'return_label' || n.kind === 'return_received') {
    const r = returnNoticeText(p.locale, n, values, publicUrl)
    return {
      ...common,
      subject: r.subject,
      lines: [r.lead, ...r.lines],
      link: r.link,
      quoted: null,
    }
  }
  const money = (m: Money) => formatMoney(m, p.locale).formatted
  const key = n.kind === 'decision' ? decisionTextKey(n.type, n.decision) : n.kind
  if (n.kind === 'refund') values['amount'] = money(n.amount)
  const lines: string[] = [fillMail(t.lead[key], values)]
  let quoted: { label: string | null; text: string } | null = null
  let link: { text: string; url: string } | null = null
  if (n.kind === 'decision') {
    const r = n.refund
    if (r?.state === 'released' && r.amount !== null)
      lines.push(fillMail(t.refundReleased, { amount: money(r.amount) }))
    else if (r?.state === 'released' || r?.state === 'pending') lines.push(t.refundPending)
    else if (r?.state === 'on_receipt') lines.push(t.refundOnReceipt)
    if (n.returnInstructions !== undefined) {
      const r = instructionsText(p.locale, n.returnInstructions, publicUrl)
      lines.push(...r.lines)
      link = r.link
    }
    if (n.reason) quoted = { label: fillMail(t.noteFrom, values), text: n.reason }
  }
  if (n.kind === 'reply') quoted = { label: null, text: n.body }
  return { ...common, subject: fillMail(t.subject[key], values), lines, link, quoted }
}

/**
 * The email; the agent's words are a quoted paragraph, plain text in both parts. `rateUrl`, on
 * a resolution email, is the signed link to rate how it went.
 */
export function renderTicketEmail(
  p: TicketNoticeParams,
  rateUrl?: string,
  publicUrl?: string,
): RenderedMail {
  const m = composeTicketNotice(p, publicUrl)
  const t = ticketMailCatalog(p.locale)
  const quote: MailParagraph[] = []
  if (m.quoted?.label) quote.push({ text: m.quoted.label })
  if (m.quoted) quote.push({ text: m.quoted.text, style: 'quote' })
  const rate: MailParagraph[] =
    rateUrl === undefined
      ? []
      : [
          { text: fillMail(t.ratePrompt, { store: m.store }) },
          { text: t.rateAction, link: rateUrl },
        ]
  return renderMail({
    lang: p.locale,
    dir: m.dir,
    subject: m.subject,
    paragraphs: [
      ...m.lines,
      ...(m.link === null ? [] : [{ text: m.link.text, link: m.link.url }]),
      ...quote,
      ...rate,
      { text: m.reference, style: 'muted' },
      { text: m.footer, style: 'fine' },
    ],
  })
}

const SMS_MAX = 1200

/** The text message: store name first (a phone shows no sender name), then the same words. */
export function renderTicketSms(p: TicketNoticeParams, publicUrl?: string): string {
  const m = composeTicketNotice(p, publicUrl)
  const parts = [`${oneLine(m.store, 40)}: ${m.lines.join(' ')}`]
  if (m.link !== null) parts.push(m.link.url)
  if (m.quoted) parts.push(m.quoted.label ? `${m.quoted.label} ${m.quoted.text}` : m.quoted.text)
  parts.push(m.reference)
  const body = parts.join('\n')
  return body.length > SMS_MAX ? `${body.slice(0, SMS_MAX - 1)}…` : body
}

/**
 * The outbox template of every message about a ticket (decision, reply, refund). With `rating`
 * (the server's key and address), a resolution email gets its signed rating link; the link is
 * signed when the email is written, so it lives its full time from the moment it is sent.
 */
export function ticketNoticeTemplate(
  rating?: {
    secretKey: string
    publicUrl: string
    clock: { now(): Date }
  },
  inboundDomain?: string,
): OutboxTemplate<typeof TICKET_NOTICE_TEMPLATE> {
  return {
    async render(message): Promise<RenderedMessage> {
      const { params } = message
      const publicUrl = rating?.publicUrl
      if (message.channel === 'sms') {
        return { channel: 'sms', body: renderTicketSms(params, publicUrl) }
      }
      const rateUrl =
        rating !== undefined && params.rateTicketId !== undefined
          ? `${rating.publicUrl}/rate/${ratingToken(rating.secretKey, params.rateTicketId, rating.clock.now())}`
          : undefined
      const thread = mailThread(params.thread, inboundDomain)
      return {
        channel: 'email',
        ...renderTicketEmail(params, rateUrl, publicUrl),
        ...(thread ? { thread } : {}),
      }
    },
  }
}
