/**
 * The live-chat contract between the widget, the console and the server. Types only; the server
 * validates bodies with its own schemas. Routes and event names are listed in docs/chat-api.md.
 */
import type { EdgeErrorCode } from './errors.ts'
import type { ReplyTimeBucket } from '../chat/availability.ts'
import type { ChatAuthorKind } from '../chat/revert.ts'

/** A conversation is open until an agent closes it or the 24-hour revert does. */
export const CONVERSATION_STATUSES = ['open', 'closed'] as const
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number]

/** What happened to a conversation, in its stream event. */
export type ConversationChange = 'started' | 'closed' | 'linked'

export interface ChatMessage {
  id: string
  conversationId: string
  /** Store-wide event number: orders messages, and read marks compare against it. */
  seq: number
  author: { kind: ChatAuthorKind; name: string | null }
  /** Plain text (up to 5,000 characters); for system messages an English fallback. */
  text: string
  /** System messages only: 'request_created', 'order_status_changed', ... (localize by it). */
  systemKind: string | null
  data: Record<string, unknown> | null
  /** The id the client sent with the message, echoed so it can match its optimistic copy. */
  clientId: string | null
  /** ISO 8601. */
  createdAt: string
}

/** What the shopper sees of their conversation. */
export interface ShopperConversation {
  id: string
  status: ConversationStatus
  ticketNumber: number
  createdAt: string
  /** When the thread reverts to the portal unless the shopper answers; null: it will not. */
  revertsAt: string | null
  /** Messages with seq <= this are read by the shopper / by an agent. */
  shopperReadSeq: number
  agentReadSeq: number
  /** Agent messages the shopper has not read. */
  unread: number
}

export interface CurrentConversationResponse {
  /** null: no conversation, or the last one reverted; the widget opens on the portal home. */
  conversation: ShopperConversation | null
  messages: ChatMessage[]
  hasMore: boolean
  /** Event number to open the stream after (`lastEventId`), so nothing between is missed. */
  cursor: number
}

export interface StartVisitorRequest {
  name: string
  email: string
}

export interface StartVisitorResponse {
  /** Bearer token for the chat routes (`plc_...`); keep it inside the iframe. */
  token: string
  expiresAt: string
}

export interface PostMessageRequest {
  text: string
  /** Any id the client picks (<= 64 chars): a retried send with the same id is stored once. */
  clientId?: string
  locale?: string
}

export interface PostMessageResponse {
  conversation: ShopperConversation
  message: ChatMessage
  /** True when this message started a new conversation. */
  started: boolean
}

export interface StreamTicketResponse {
  ticket: string
  expiresInSeconds: number
  /** Path to open with EventSource (append `&lastEventId=` when resuming). */
  url: string
}

export interface AvailabilityResponse {
  /** Inside business hours and at least one agent online: offer live chat. */
  open: boolean
  withinBusinessHours: boolean
  agentsOnline: boolean
  /** Median of recent first responses, bucketed; null without enough history. */
  expectedReply: ReplyTimeBucket | null
  /**
   * Outside business hours, when the team is next in (ISO 8601, from the store's hours), so the
   * panel can say "Back tomorrow at 9:00"; null inside hours or without hours.
   */
  nextOpenAt: string | null
  /**
   * The store's own words for when it is back, by language (Chat settings); the panel shows
   * them instead of nextOpenAt when the shopper's language has some. Absent when none are set.
   */
  backAt?: Partial<Record<string, string>>
}

export interface OfflineMessageRequest {
  /** Required unless signed in. */
  name?: string
  email?: string
  message: string
  locale?: string
}

/** A conversation as the console lists it. */
export interface AgentConversation {
  id: string
  status: ConversationStatus
  closedReason: string | null
  closedAt: string | null
  ticketId: string
  ticketNumber: number
  /** The earlier conversation of the same shopper, when this one followed a revert or close. */
  previousId: string | null
  contact: { name: string | null; email: string | null }
  identity: { kind: 'email' | 'phone'; value: string } | null
  locale: string
  lastAuthorKind: 'shopper' | 'agent' | null
  lastMessageAt: string | null
  /** When the 24-hour rule hides it from the shopper; null: not waiting on the shopper. */
  revertsAt: string | null
  revertedForShopper: boolean
  shopperReadSeq: number
  agentReadSeq: number
  /** Shopper messages no agent has read. */
  unread: number
  createdAt: string
  updatedAt: string
}

/** SSE event names and their `data` payloads (JSON). */
export interface ChatStreamEvents {
  /** First event of every stream; its id is the position to resume from. */
  ready: { cursor: number }
  message: { conversationId: string; message: ChatMessage }
  read: { conversationId: string; side: 'shopper' | 'agent'; readSeq: number }
  conversation: {
    conversationId: string
    change: ConversationChange
    status: ConversationStatus
    closedReason: string | null
    previousId: string | null
    ticketNumber: number
  }
  /** Ephemeral (no id): an agent is typing in the shopper's conversation. */
  typing: { conversationId: string; agentName: string; expiresInMs: number }
  /** The client was away longer than the replay window: refetch, then carry on. */
  resync: { reason: 'too_far_behind' | 'unknown_cursor' }
}

export type ChatStreamEventName = keyof ChatStreamEvents

/** Stable error codes of the chat routes' own (in `{ error: { code } }`). */
export const CHAT_ERROR_CODES = [
  'chat_unauthenticated', // 401
  'stream_ticket_invalid', // 401: unknown, used or expired
  'conversation_not_found', // 404
  'visitor_not_found', // 404: the chat session is unknown or has expired
  'conversation_closed', // 409
  'visitor_linked_elsewhere', // 409
] as const

/** Every code the chat routes answer: their own, 400 validation_failed and 429 rate_limited. */
export type ChatErrorCode =
  (typeof CHAT_ERROR_CODES)[number] | Extract<EdgeErrorCode, 'validation_failed' | 'rate_limited'>
