import type { RequestType } from '@porchlight/shared/api/requests'
import type { Kysely } from 'kysely'
import {
  fillMail,
  isMailLocale,
  resolveMailLocale,
  type MailLocale,
} from '@porchlight/shared/i18n/mail/messages'
import { decisionTextKey, ticketMailCatalog } from '@porchlight/shared/i18n/mail/tickets/catalogs'
import type { Money } from '@porchlight/shared/orders/model'
import { formatMoney } from '@porchlight/shared/orders/summary'
import { DeliveryError } from '../../adapters/delivery-error.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { oneLine } from '../auth/code-message.ts'
import { ratingToken } from '../ratings/rating-link.ts'
import { isRateable } from '../ratings/ratings.ts'
import { enqueue, type OutboxTemplate, type RenderedMessage } from '../outbox/outbox.ts'

export const TICKET_NOTICE_TEMPLATE = 'ticket-notice'

/** What the shopper is told. Agents' words (reason, reply) are sent as plain text. */
export type TicketNotice =
  | {
      kind: 'decision'
      type: RequestType
      decision: 'approved' | 'declined'
      reason: string | null
      /** The refund that came with the decision, and how far along it is. */
      refund: { state: 'released' | 'pending' | 'on_receipt'; amount: Money | null } | null
    }
  | { kind: 'reply'; body: string }
  | { kind: 'refund'; amount: Money }

/** The outbox row's params: enough to write the message in the shopper's language later. */
export interface TicketNoticeParams {
  notice: TicketNotice
  locale: MailLocale
  storeName: string
  reference: string
  orderName: string | null
  /** Set on a decision that resolved the ticket: its email carries a signed rating link. */
  rateTicketId?: string
}

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
    reference: `#${ticket.number}`,
    orderName: ticket.order_name,
    ...(input.notice.kind === 'decision' && isRateable(ticket) ? { rateTicketId: ticket.id } : {}),
  }
  return enqueue(
    trx,
    {
      channel: contact.channel,
      to: contact.to,
      template: TICKET_NOTICE_TEMPLATE,
      params: params as unknown as Record<string, unknown>,
      storeId: store.id,
    },
    input.now,
  )
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )
}

/** Subject and paragraphs of a notice; the agent's own words are the `quoted` paragraph. */
export function composeTicketNotice(p: TicketNoticeParams) {
  const t = ticketMailCatalog(p.locale)
  const n = p.notice
  const store = oneLine(p.storeName)
  const values: Record<string, string> = {
    store,
    reference: p.reference,
    order: oneLine(p.orderName ?? p.reference, 60),
  }
  const money = (m: Money) => formatMoney(m, p.locale).formatted
  const key = n.kind === 'decision' ? decisionTextKey(n.type, n.decision) : n.kind
  if (n.kind === 'refund') values['amount'] = money(n.amount)
  const lines: string[] = [fillMail(t.lead[key], values)]
  let quoted: { label: string | null; text: string } | null = null
  if (n.kind === 'decision') {
    const r = n.refund
    if (r?.state === 'released' && r.amount !== null)
      lines.push(fillMail(t.refundReleased, { amount: money(r.amount) }))
    else if (r?.state === 'released' || r?.state === 'pending') lines.push(t.refundPending)
    else if (r?.state === 'on_receipt') lines.push(t.refundOnReceipt)
    if (n.reason) quoted = { label: fillMail(t.noteFrom, values), text: n.reason }
  }
  if (n.kind === 'reply') quoted = { label: null, text: n.body }
  return {
    dir: t.dir,
    subject: fillMail(t.subject[key], values),
    lines,
    quoted,
    reference: fillMail(t.referenceLine, values),
    footer: fillMail(t.footer, values),
    store,
  }
}

/**
 * The email: plain text, and HTML in which every value is escaped. `rateUrl`, on a resolution
 * email, is the signed link to rate how it went.
 */
export function renderTicketEmail(p: TicketNoticeParams, rateUrl?: string) {
  const m = composeTicketNotice(p)
  const t = ticketMailCatalog(p.locale)
  const ratePrompt = rateUrl === undefined ? null : fillMail(t.ratePrompt, { store: m.store })
  const quote =
    m.quoted === null ? [] : [...(m.quoted.label ? [m.quoted.label] : []), m.quoted.text]
  const rate = ratePrompt === null ? [] : [`${ratePrompt}\n${t.rateAction}: ${rateUrl}`]
  const text = [...m.lines, ...quote, ...rate, m.reference, '', m.footer, ''].join('\n\n')
  const para = (s: string, style = '') => `<p${style && ` style="${style}"`}>${escapeHtml(s)}</p>`
  const html = [
    '<!doctype html>',
    `<html lang="${p.locale}" dir="${m.dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(m.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;line-height:1.5">',
    ...m.lines.map((l) => para(l)),
    ...(m.quoted?.label ? [para(m.quoted.label)] : []),
    ...(m.quoted
      ? [para(m.quoted.text, 'white-space:pre-wrap;border-left:3px solid #ccc;padding-left:12px')]
      : []),
    ...(ratePrompt === null || rateUrl === undefined
      ? []
      : [
          para(ratePrompt),
          `<p><a href="${escapeHtml(rateUrl)}" style="color:#0b57b7">${escapeHtml(t.rateAction)}</a></p>`,
        ]),
    para(m.reference, 'color:#555'),
    para(m.footer, 'color:#555;font-size:13px'),
    '</body></html>',
  ].join('\n')
  return { subject: m.subject, text, html }
}

const SMS_MAX = 1200

/** The text message: store name first (a phone shows no sender name), then the same words. */
export function renderTicketSms(p: TicketNoticeParams): string {
  const m = composeTicketNotice(p)
  const parts = [`${oneLine(m.store, 40)}: ${m.lines.join(' ')}`]
  if (m.quoted) parts.push(m.quoted.label ? `${m.quoted.label} ${m.quoted.text}` : m.quoted.text)
  parts.push(m.reference)
  const body = parts.join('\n')
  return body.length > SMS_MAX ? `${body.slice(0, SMS_MAX - 1)}…` : body
}

function readParams(params: Record<string, unknown>): TicketNoticeParams {
  const p = params as Partial<TicketNoticeParams>
  const kind = (p.notice as { kind?: unknown } | undefined)?.kind
  if (
    typeof p.locale !== 'string' ||
    !isMailLocale(p.locale) ||
    typeof p.storeName !== 'string' ||
    typeof p.reference !== 'string' ||
    (kind !== 'decision' && kind !== 'reply' && kind !== 'refund')
  ) {
    throw new DeliveryError('rejected', true, 'malformed ticket-notice params')
  }
  return p as TicketNoticeParams
}

/**
 * The outbox template of every message about a ticket (decision, reply, refund). With `rating`
 * (the server's key and address), a resolution email gets its signed rating link; the link is
 * signed when the email is written, so it lives its full time from the moment it is sent.
 */
export function ticketNoticeTemplate(rating?: {
  secretKey: string
  publicUrl: string
  clock: { now(): Date }
}): OutboxTemplate {
  return {
    async render(message): Promise<RenderedMessage> {
      const params = readParams(message.params)
      if (message.channel === 'sms') return { channel: 'sms', body: renderTicketSms(params) }
      const rateUrl =
        rating !== undefined && typeof params.rateTicketId === 'string'
          ? `${rating.publicUrl}/rate/${ratingToken(rating.secretKey, params.rateTicketId, rating.clock.now())}`
          : undefined
      return { channel: 'email', ...renderTicketEmail(params, rateUrl) }
    },
  }
}
