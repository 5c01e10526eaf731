import { fillMail, type MailLocale } from '@porchlight/shared/i18n/mail/messages'
import { returnMailCatalog } from '@porchlight/shared/i18n/mail/returns/catalogs'
import type { Money } from '@porchlight/shared/orders/model'
import { formatMoney } from '@porchlight/shared/orders/summary'
import { oneLine } from '../mail/one-line.ts'
import type { TicketNotice } from './ticket-notices.ts'

type Instructions = NonNullable<Extract<TicketNotice, { kind: 'decision' }>['returnInstructions']>

/** What a return message adds: paragraphs and, when there is a label, its link. */
export interface ReturnNoticeText {
  lines: string[]
  link: { text: string; url: string } | null
}

/** An uploaded label's path made absolute with the server's public address. */
export function absoluteUrl(url: string, publicUrl: string | undefined): string {
  return url.startsWith('/') && publicUrl !== undefined ? `${publicUrl}${url}` : url
}

/** The approval's instructions: the address, the reference to write on the parcel, the label. */
export function instructionsText(
  locale: MailLocale,
  r: Instructions,
  publicUrl: string | undefined,
): ReturnNoticeText {
  const t = returnMailCatalog(locale)
  const lines: string[] = []
  if (r.address !== null) {
    const a = r.address
    const place = [a.postalCode, a.city].filter((s) => s !== null && s !== '').join(' ')
    const parts = [a.name, a.line1, a.line2, place, a.region, a.country]
    lines.push(
      `${t.sendTo} ${parts
        .filter((s): s is string => s !== null && s !== '')
        .map((s) => oneLine(s, 120))
        .join(', ')}`,
    )
  }
  lines.push(fillMail(t.rmaLine, { rma: oneLine(r.reference, 60) }))
  if (r.labelUrl === null) lines.push(t.labelLater)
  return {
    lines,
    link:
      r.labelUrl === null ? null : { text: t.labelAction, url: absoluteUrl(r.labelUrl, publicUrl) },
  }
}

/** Subject, lead and the rest of a label or receipt message. */
export function returnNoticeText(
  locale: MailLocale,
  n: Extract<TicketNotice, { kind: 'return_label' | 'return_received' }>,
  values: Record<string, string>,
  publicUrl: string | undefined,
): ReturnNoticeText & { subject: string; lead: string } {
  const t = returnMailCatalog(locale)
  const money = (m: Money) => formatMoney(m, locale).formatted
  if (n.kind === 'return_label') {
    return {
      subject: fillMail(t.labelReadySubject, values),
      lead: fillMail(t.labelReadyLead, values),
      lines: [fillMail(t.rmaLine, { rma: oneLine(n.returnReference, 60) })],
      link: { text: t.labelAction, url: absoluteUrl(n.url, publicUrl) },
    }
  }
  const lines: string[] = []
  if (!n.complete) lines.push(t.receivedPartly)
  if (n.refund !== null) lines.push(fillMail(t.receivedRefund, { amount: money(n.refund) }))
  return {
    subject: fillMail(t.receivedSubject, values),
    lead: fillMail(t.receivedLead, values),
    lines,
    link: null,
  }
}
