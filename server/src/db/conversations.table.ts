import type { Insertable, Selectable } from 'kysely'

import type { ConversationStatus } from '@porchlight/shared/api/chat'
import type { ChatAuthorKind } from '@porchlight/shared/chat/revert'

export type { ChatAuthorKind, ConversationStatus }
/** Who may see an event: everyone concerned, or only the store's agents. */
export type ChatAudience = 'all' | 'agents'

/** Someone chatting without signing in: a name and email they typed, and a hashed token. */
export interface ChatVisitorsTable {
  id: string
  store_id: string
  token_hash: string
  name: string
  email: string
  /** Set when the visitor later signs in: their conversations then follow the verified identity. */
  identity_kind: 'email' | 'phone' | null
  identity_value: string | null
  created_at: number
  expires_at: number
  revoked_at: number | null
}

/** One chat thread between a shopper and the store's agents, worked as a 'chat' ticket. */
export interface ConversationsTable {
  id: string
  store_id: string
  ticket_id: string
  status: ConversationStatus
  /** 'reverted' when the shopper left the agent's last word unanswered past the revert period. */
  closed_reason: string | null
  closed_at: number | null
  /** The conversation this one follows (the shopper wrote again after a revert). */
  previous_id: string | null
  visitor_id: string | null
  identity_kind: 'email' | 'phone' | null
  identity_value: string | null
  contact_name: string | null
  contact_email: string | null
  locale: string
  /** Author and time of the last shopper or agent message (system messages are nobody's word). */
  last_author_kind: 'shopper' | 'agent' | null
  last_message_at: number | null
  /** Event number of the latest message. */
  last_seq: number
  /** Read marks per side: every message with a seq at or below is read. */
  shopper_read_seq: number
  agent_read_seq: number
  first_shopper_at: number | null
  /** Time from the shopper's first message to the first agent answer. */
  first_response_ms: number | null
  created_at: number
  updated_at: number
}

export interface ChatMessagesTable {
  id: string
  store_id: string
  conversation_id: string
  /** The store event number that announced this message; orders messages within the store. */
  seq: number
  author_kind: ChatAuthorKind
  /** Agent id for agent messages. */
  author_id: string | null
  author_name: string | null
  /** Session (shopper, visitor or agent) that sent it: rate limits and retries key on it. */
  sender_ref: string | null
  /** Id the client chose, so a retried send is stored once. */
  client_id: string | null
  text: string
  /** For system messages: what happened ('request_created', 'order_status_changed', ...). */
  system_kind: string | null
  /** JSON object with a system message's details. */
  data: string
  created_at: number
}

export interface ChatEventCountersTable {
  store_id: string
  last_seq: number
  /** Events up to this number were pruned: a client behind it must resync. */
  pruned_through: number
}

/** The per-store event log that streams replay after Last-Event-ID. */
export interface ChatEventsTable {
  store_id: string
  seq: number
  kind: string
  conversation_id: string
  audience: ChatAudience
  /** The conversation's owner when the event happened, so shopper streams filter in SQL. */
  visitor_id: string | null
  identity_kind: 'email' | 'phone' | null
  identity_value: string | null
  /** JSON payload sent to clients as the event's data. */
  data: string
  created_at: number
}

/** Single-use tickets that open an event stream; only the hash is stored. */
export interface ChatStreamTicketsTable {
  token_hash: string
  store_id: string
  audience: 'shopper' | 'agent'
  /** JSON of the principal the stream is for. */
  principal: string
  expires_at: number
  used_at: number | null
}

export type ConversationRow = Selectable<ConversationsTable>
export type ChatMessageRow = Selectable<ChatMessagesTable>
export type NewChatMessageRow = Insertable<ChatMessagesTable>
export type ChatEventRow = Selectable<ChatEventsTable>
export type ChatVisitorRow = Selectable<ChatVisitorsTable>
