import type { Selectable } from 'kysely'

/** A ticket's reply address: reply+<token>@<inbound domain>. The token is random. */
export interface TicketReplyAddressesTable {
  ticket_id: string
  store_id: string
  token: string
  created_at: number
  /** Pushed forward by every email that carries it; a reply after this is dropped. */
  expires_at: number
}

/** Message-IDs (hashed with the sender) already taken in: each becomes one reply at most. */
export interface InboundMailSeenTable {
  message_key: string
  received_at: number
}

/** A reply from an address that is not the ticket's shopper's, until an agent accepts it. */
export interface HeldMailRepliesTable {
  id: string
  store_id: string
  ticket_id: string
  from_address: string
  subject: string
  body: string
  created_at: number
}

export interface MailAttachmentsTable {
  id: string
  store_id: string
  ticket_id: string
  held_id: string | null
  filename: string
  /** Sniffed from the bytes, never the sender's word. */
  content_type: string
  size: number
  /** Base64. */
  content: string
  created_at: number
}

export type HeldMailReplyRow = Selectable<HeldMailRepliesTable>
export type MailAttachmentRow = Selectable<MailAttachmentsTable>
