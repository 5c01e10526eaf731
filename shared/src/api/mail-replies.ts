/**
 * Shoppers' email replies: the inbound endpoint providers post raw MIME to, and the replies
 * held for an agent because someone other than the ticket's shopper sent them.
 */

/** POST /v1/inbound/mail/:secret and the agent's held replies. */
export const MAIL_REPLY_ERROR_CODES = [
  'inbound_mail_disabled', // 404: this server receives no replies over HTTP
  'inbound_secret_invalid', // 401: the URL's secret is not the server's
  'inbound_mail_malformed', // 400: the body is not a MIME message with a sender
  'held_reply_not_found', // 404: no such held reply (or another agent took it first)
  'attachment_not_found', // 404
] as const
export type MailReplyErrorCode = (typeof MAIL_REPLY_ERROR_CODES)[number]

/** What the inbound endpoint did with a message (202: it is not to be sent again). */
export interface InboundMailAnswer {
  outcome: 'posted' | 'held' | 'dropped'
  /** Why it was dropped: a loop, an unknown or expired address, a repeat, ... */
  reason?: string
}

export interface MailAttachmentJson {
  id: string
  filename: string
  contentType: string
  size: number
}

/** A reply waiting for an agent: from an address that is not the ticket's shopper's. */
export interface HeldReplyJson {
  id: string
  ticketId: string
  /** The ticket's reference, "T-1002". */
  ticketReference: string
  from: string
  subject: string
  body: string
  attachments: MailAttachmentJson[]
  receivedAt: string
}

export interface HeldRepliesResponse {
  heldReplies: HeldReplyJson[]
}
