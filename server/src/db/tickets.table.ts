import type { ChatAuthorKind } from '@porchlight/shared/chat/revert'
import type { Insertable, Selectable } from 'kysely'

import type {
  RefundStatus,
  RequestStatus,
  TicketChannel,
  TicketStatus,
  TicketType,
} from '@porchlight/shared/api/agent'

export type { RefundStatus, RequestStatus, TicketChannel, TicketStatus, TicketType }

/** A shopper's request or conversation as agents work it. */
export interface TicketsTable {
  id: string
  store_id: string
  /** Per-store sequential number shown to shoppers and agents as the reference. */
  number: number
  type: TicketType
  status: TicketStatus
  request_status: RequestStatus | null
  refund_status: RefundStatus | null
  channel: TicketChannel
  order_id: string | null
  /** Shopper-facing order number (e.g. "#1042"), kept for search and display. */
  order_name: string | null
  /** Verified identity of a signed-in shopper, when there is one. */
  identity_kind: 'email' | 'phone' | null
  identity_value: string | null
  /** Name and email a shopper typed (contact form, chat before sign-in); not verified. */
  contact_name: string | null
  contact_email: string | null
  locale: string
  reason: string | null
  comment: string | null
  /** JSON array of { lineItemId, quantity }. */
  lines: string
  /** JSON array of tags, e.g. ["porchlight"]. */
  tags: string
  assignee_id: string | null
  /** Bumped by every change; updates name the version they read (optimistic concurrency). */
  version: number
  created_at: number
  updated_at: number
  /** Set when the status becomes resolved or closed, cleared when it is reopened. */
  resolved_at: number | null
}

/** Every change to a ticket, with who made it: the ticket's history. */
export interface TicketEventsTable {
  id: string
  ticket_id: string
  store_id: string
  kind: string
  actor_kind: ChatAuthorKind
  actor_id: string | null
  /** JSON object with the change's details. */
  data: string
  created_at: number
}

export interface TicketCountersTable {
  store_id: string
  last_number: number
}

/** Remembers what a request with an Idempotency-Key produced, so a retry returns it again. */
export interface IdempotencyKeysTable {
  store_id: string
  /** Who sent it (a session id), so two shoppers' keys never collide. */
  scope: string
  key: string
  request_hash: string
  ticket_id: string
  created_at: number
}

export type TicketRow = Selectable<TicketsTable>
export type NewTicketRow = Insertable<TicketsTable>
export type TicketEventRow = Selectable<TicketEventsTable>
