/**
 * The console's Agents and Webhooks settings (owners change, any agent of the store reads).
 *
 *   GET    /v1/agent/agents                    -> { agents: TeamMember[], canEdit }
 *   POST   /v1/agent/agents                    { email, name, role } -> 201 { agent } (emails a link)
 *   PATCH  /v1/agent/agents/:id                { version, role?, active? } -> { agent }
 *                                              (409 version_conflict with details.agent;
 *                                               409 last_owner)
 *   POST   /v1/agent/agents/:id/password-link  -> 202 PasswordLinkSent (a reset, or the invite again)
 *   POST   /v1/agent/password                  { token, password } -> PasswordSet   (no session: the link)
 *
 *   GET    /v1/agent/webhooks                  -> { endpoints: WebhookEndpointJson[], canEdit }
 *   POST   /v1/agent/webhooks                  { url, events, description? } -> 201 { endpoint, secret }
 *   PATCH  /v1/agent/webhooks/:id              { version, url?, events?, description? } -> { endpoint }
 *                                              (409 version_conflict with details.endpoint)
 *   POST   /v1/agent/webhooks/:id/secret       { version } -> { endpoint, secret } (the new secret, once)
 *   DELETE /v1/agent/webhooks/:id              -> 204
 *   GET    /v1/agent/webhooks/deliveries?status=&endpoint=&before=&limit= -> { deliveries }
 *   POST   /v1/agent/webhooks/deliveries/:id/resend -> 201 { delivery }
 *
 * A non-owner's change is a 403 owner_required. Deactivating an agent ends their console
 * sessions and API tokens at once. Rotating a secret: every attempt is signed when it is made,
 * so deliveries still queued or retrying are signed with the new secret from their next attempt.
 */

/** What an agent may do: owners also run the team, the webhooks and the store's settings. */
export const AGENT_ROLES = ['owner', 'agent'] as const
export type AgentRole = (typeof AGENT_ROLES)[number]

/** `invited`: no password set yet; `deactivated`: kept for the history, cannot sign in. */
export const AGENT_STATES = ['active', 'invited', 'deactivated'] as const
export type AgentState = (typeof AGENT_STATES)[number]

/** How long a set-password link (invitation or reset) works. */
export const PASSWORD_LINK_HOURS = 72

/** An agent as the Agents page lists them. */
export interface TeamMember {
  id: string
  name: string
  email: string
  role: AgentRole
  state: AgentState
  version: number
  createdAt: string
}

/** POST /v1/agent/agents/:id/password-link answers this (never the link). */
export interface PasswordLinkSent {
  sentTo: string
  expiresAt: string
}

/** POST /v1/agent/password: who may now sign in, and where. */
export interface PasswordSet {
  email: string
  store: { id: string; name: string }
}

/** Events a webhook endpoint can receive. */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'request.approved',
  'request.declined',
  'message.created',
  // After a return's approval (server/src/services/tickets/return-*.ts) and an appeasement.
  'return.label_ready',
  'return.received',
  'appeasement.created',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/**
 * pending (not tried yet) -> delivered | retrying (a try failed, another is due) -> failed
 * (given up).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'failed'] as const
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

export interface WebhookEndpointJson {
  id: string
  url: string
  events: WebhookEvent[]
  description: string | null
  /** The last characters of the secret, to tell endpoints' secrets apart. */
  secretHint: string
  version: number
  createdAt: string
  secretRotatedAt: string | null
}

export interface WebhookDeliveryJson {
  id: string
  endpointId: string
  eventId: string
  event: WebhookEvent
  url: string
  status: WebhookDeliveryStatus
  attempts: number
  lastResponseCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  createdAt: string | null
  updatedAt: string | null
  deliveredAt: string | null
  /** The delivery this one repeats (sent again by an owner), else null. */
  resentOf: string | null
  payload: unknown
}

/** Stable error codes of the Agents and Webhooks settings. */
export const TEAM_ERROR_CODES = [
  'weak_password', // 400: the password policy refused it; the message says why
  'password_link_invalid', // 400: unknown, used, superseded or expired link (or agent deactivated)
  'member_not_found', // 404: no such agent in this store
  'delivery_not_found', // 404: no such delivery in this store
  'agent_exists', // 409: that email is an agent of this store already
  'last_owner', // 409: a store keeps at least one active owner
  'agent_deactivated', // 409: a deactivated agent gets no set-password link
] as const
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number]
