/**
 * The agent console's API contract (cookie session + `X-CSRF-Token` on writes).
 *
 *   POST  /v1/agent/login                 { email, password, store? } -> AgentLoginResponse (+ cookie)
 *   GET   /v1/agent/session               -> AgentSessionResponse (csrfToken again, for reloads)
 *   POST  /v1/agent/logout                -> 204 (with an API token: revokes that token)
 *   GET   /v1/agent/tokens                -> { tokens: ApiTokenSummary[] }    (own; owners: the store's)
 *   POST  /v1/agent/tokens                { name, scope?, days? } -> 201 IssuedApiToken (console session only)
 *   DELETE /v1/agent/tokens/:id           -> 204
 *   GET   /v1/agent/tickets?type=&status=&channel=&from=&to=&q=&assignee=&pageSize=10|20|50|100&page=
 *                                         -> TicketPage
 *   GET   /v1/agent/tickets/:id           -> TicketView (a chat ticket names its conversationId)
 *   PATCH /v1/agent/tickets/:id           { version, status?, assigneeId?, tags? } -> { ticket }
 *                                         (409 version_conflict with error.details.ticket)
 *   POST  /v1/agent/tickets/:id/notes     { body } -> { event }
 *   POST  /v1/agent/tickets/:id/decision  DecisionRequest -> TicketView
 *                                         (409 version_conflict | action_in_progress with error.details.ticket;
 *                                          422 decision_not_allowed with a reason code in error.details.reason:
 *                                          DecisionNotAllowedDetails; 422 store_rejected with the store's
 *                                          message; 502 store_unavailable | store_auth_failed)
 *   POST  /v1/agent/tickets/:id/replies   { body } -> 201 { event }   (email for requests, chat for chats;
 *                                          409 conversation_closed; 422 no_shopper_contact)
 *   POST  /v1/agent/tickets/:id/refunds   { version, amount: Money, note? } -> TicketView
 *                                         (409 as above; 422 refund_not_allowed, details as above)
 *   The agents and webhook endpoints of the store: see ./team.ts.
 *
 * Every shopper-provided string in these payloads is untrusted text: render it as text only.
 */
import type { ChatAuthorKind } from '../chat/revert.ts'
import type { ExchangeWish } from './exchanges.ts'
import type { RatingJson } from './insights.ts'
import type { RequestStatus } from './requests.ts'

export { REQUEST_STATUSES, type RequestStatus } from './requests.ts'

/** What a ticket is about: a shopper's request, a contact message or a chat. */
export const TICKET_TYPES = [
  'return',
  'cancel',
  'issue',
  'address_change',
  'contact',
  'chat',
] as const
export type TicketType = (typeof TICKET_TYPES)[number]

/** Where a ticket stands in the agents' queue. */
export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/** Where a refund stands: asked for, held until the return arrives, released, or cancelled. */
export const REFUND_STATUSES = ['requested', 'pending_release', 'released', 'cancelled'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

/** Where a ticket came from. */
export const TICKET_CHANNELS = ['chat', 'help-center', 'contact-form', 'console', 'api'] as const
export type TicketChannel = (typeof TICKET_CHANNELS)[number]

export interface AgentSummary {
  id: string
  name: string
  email: string
  role: 'owner' | 'agent'
}

/** Scopes of agent API tokens: `read` tokens may only use GET. */
export const API_TOKEN_SCOPES = ['read', 'read_write'] as const
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number]

/** Where an API token stands at the time of a listing. */
export const API_TOKEN_STATES = ['live', 'expired', 'revoked'] as const
export type ApiTokenState = (typeof API_TOKEN_STATES)[number]

/** An agent API token as listed (GET /v1/agent/tokens): never the token itself. */
export interface ApiTokenSummary {
  id: string
  name: string
  scope: ApiTokenScope
  agent: { id: string; email: string }
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
  /** At the time of the listing. */
  state: ApiTokenState
}

/** POST /v1/agent/tokens answers this once; the token is never shown again. */
export interface IssuedApiToken {
  id: string
  token: string
  scope: ApiTokenScope
  expiresAt: string
}

export interface AgentLoginResponse {
  agent: AgentSummary
  storeId: string
  csrfToken: string
  expiresAt: string
}

export interface AgentSessionResponse {
  agent: AgentSummary
  store: { id: string; name: string }
  /** The same token login returned: a reloaded console keeps it in memory only. */
  csrfToken: string
}

export interface TicketJson {
  id: string
  /** "T-1042" (ticketReference): shown to shoppers and agents. `number` stays for older readers. */
  reference: string
  number: number
  type: TicketType
  status: TicketStatus
  requestStatus: RequestStatus | null
  refundStatus: RefundStatus | null
  channel: TicketChannel
  order: { id: string; name: string | null } | null
  shopper: {
    identity: { kind: 'email' | 'phone'; value: string } | null
    name: string | null
    email: string | null
    locale: string
  }
  reason: string | null
  comment: string | null
  /** A return's lines; `exchange` when the shopper asked for another variant instead. */
  lines: Array<{ lineItemId: string; quantity: number; exchange?: ExchangeWish }>
  tags: string[]
  assigneeId: string | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface TicketEventJson {
  id: string
  /** 'created', 'updated', 'note', 'reply', 'approved', 'declined', 'refunded', 'message', ... */
  kind: string
  actor: { kind: ChatAuthorKind; id: string | null }
  data: Record<string, unknown>
  at: string
}

export interface TicketPage {
  tickets: TicketJson[]
  total: number
  page: number
  pageSize: number
}

export interface TicketView {
  ticket: TicketJson
  history: TicketEventJson[]
  /**
   * The order beside the ticket, null when it has none or the store cannot say: `{ order }`
   * (the normalized Order, money in minor units), `displayStatus`, `timeline` (oldest first,
   * ISO times) and `detail` (exactly the shopper's own order view, OrderDetail).
   */
  order?: unknown
  /**
   * A chat ticket's conversation (GET /v1/agent/conversations/:id); null for other types, or a
   * chat ticket without a conversation.
   */
  conversationId: string | null
  /** The shopper's satisfaction rating of the ticket, once given (see ./insights.ts). */
  rating?: RatingJson | null
}

export interface DecisionRequest {
  version: number
  decision: 'approve' | 'decline'
  /** Shown to the shopper in their language's message; required to decline. */
  reason?: string
  /**
   * Leave the ticket's status as it is. Default: a decision resolves the ticket, except the
   * approval of an issue (its resolution, a reply or a refund, is still to come).
   */
  keepOpen?: boolean
  /**
   * Approving a return that asks for an exchange: `'refund'` refunds the lines instead (the
   * variant ran out, or the agent offers the money back). Absent: the exchange is made.
   */
  instead?: 'refund'
}

/**
 * `error.details` of a 422 decision_not_allowed / refund_not_allowed. The console words the
 * reasons it knows (order_already_fulfilled, order_partially_fulfilled, order_already_cancelled,
 * order_not_found, order_refunded, order_not_delivered, return_window_closed, already_decided,
 * not_a_request, refund_exceeds_refundable, nothing_refundable, refund_not_supported,
 * store_unavailable, reason_required) and shows any other code as words.
 */
export interface DecisionNotAllowedDetails {
  reason: string
  /** What the reason refers to, e.g. { rule: 'return_window_closed', closedAt } or { refundable }. */
  data?: Record<string, unknown>
}

/** `error.details` of a 409 version_conflict: the ticket as it is now. */
export interface VersionConflictDetails {
  ticket: TicketJson
}

/** Stable error codes of the agent's sign-in, session, API tokens and two-factor routes. */
export const AGENT_AUTH_ERROR_CODES = [
  'store_required', // 400: the password matched in several stores; details.stores
  'totp_code_incorrect', // 400: a wrong authenticator code while turning two-factor on or off
  'invalid_credentials', // 401
  'agent_unauthenticated', // 401: no live session or API token
  'totp_required', // 401: the password matched; send `totp` too
  'totp_invalid', // 401: a wrong or replayed authenticator code at sign-in
  'csrf_failed', // 403: a console write without the session's X-CSRF-Token
  'token_read_only', // 403
  'session_required', // 403: only from the console, not with an API token
  'totp_enrolment_required', // 403: the store requires two-factor sign-in; enrol first
  'totp_required_by_store', // 403
  'token_not_found', // 404
  'totp_already_enabled', // 409
  'login_throttled', // 429 with Retry-After
  'login_busy', // 503 with Retry-After: the password-hashing queue is full
] as const
export type AgentAuthErrorCode = (typeof AGENT_AUTH_ERROR_CODES)[number]

/** Stable error codes of the queue, ticket actions and webhook endpoints. */
export const AGENT_ERROR_CODES = [
  'agent_not_found', // 400: an assignee who is not an active agent of this store
  'ticket_not_found', // 404
  'webhook_not_found', // 404
  'version_conflict', // 409 with details.ticket: VersionConflictDetails
  'action_in_progress', // 409 with details.ticket
  'decision_not_allowed', // 422 with DecisionNotAllowedDetails
  'refund_not_allowed', // 422 with DecisionNotAllowedDetails
  'store_rejected', // 422 with the store's message
  'no_shopper_contact', // 422
  'store_unavailable', // 502: the store did not act; details.reason
  'store_auth_failed', // 502
] as const
export type AgentErrorCode = (typeof AGENT_ERROR_CODES)[number]
