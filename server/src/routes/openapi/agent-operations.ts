import { z } from 'zod'
import { agentMessageBody } from '../conversations/agent-chat.routes.ts'
import { loginBody } from '../agent/agent-auth.routes.ts'
import { tokenBody } from '../agent/agent-tokens.routes.ts'
import { securityBody, totpCodeBody } from '../agent/agent-totp.routes.ts'
import { decisionBody, refundBody, replyBody } from '../agent/ticket-actions.routes.ts'
import { shopifyConnectBody } from '../agent/shopify-settings.routes.ts'
import { noteBody, patchBody } from '../agent/tickets.routes.ts'
import { webhookEndpointBody } from '../agent/webhooks.routes.ts'

/** One documented operation of the agent API. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI path, with `{param}` placeholders. */
  path: string
  summary: string
  auth: 'none' | 'agent'
  body?: z.ZodType
  query?: Array<{ name: string; description: string }>
  responses: Record<string, string>
}

const errors = {
  '400': 'Invalid input (error.code)',
  '401': 'Not signed in',
  '404': 'Not found in your store',
}

/**
 * Every agent-facing operation, as data (openapi.ts turns it into the document). A test checks
 * this list against the app's real routes.
 */
export const agentOperations: Operation[] = [
  {
    method: 'post',
    path: '/v1/agent/login',
    summary: 'Sign in to the console (sets the session cookie)',
    auth: 'none',
    body: loginBody,
    responses: {
      '200': 'Agent, store id and CSRF token',
      '400': 'store_required: the password matched in several stores; name one (details.stores)',
      '401': 'invalid_credentials',
      '429': 'login_throttled: too many attempts for this account or address (Retry-After)',
      '503': 'login_busy: the password-hashing queue is full; retry shortly (Retry-After)',
    },
  },
  {
    method: 'get',
    path: '/v1/agent/session',
    summary: 'The signed-in agent and their store',
    auth: 'agent',
    responses: { '200': 'Agent and store', '401': 'Not signed in' },
  },
  {
    method: 'post',
    path: '/v1/agent/logout',
    summary: 'End the console session, or revoke the API token that makes the call',
    auth: 'agent',
    responses: { '204': 'Signed out (session ended or token revoked)' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/setup',
    summary: 'Start two-factor sign-in: a TOTP secret and otpauth:// URI (console session only)',
    auth: 'agent',
    responses: { '201': 'secret and uri', '409': 'totp_already_enabled' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/enable',
    summary: 'Turn two-factor sign-in on with a code from the authenticator',
    auth: 'agent',
    body: totpCodeBody,
    responses: { '204': 'On; sign-in now asks for `totp`', '400': 'totp_invalid' },
  },
  {
    method: 'post',
    path: '/v1/agent/totp/disable',
    summary: 'Turn two-factor sign-in off, with a current code',
    auth: 'agent',
    body: totpCodeBody,
    responses: { '204': 'Off', '400': 'totp_invalid', '403': 'totp_required_by_store' },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/security',
    summary: 'Whether the store requires two-factor sign-in of its agents',
    auth: 'agent',
    responses: { '200': '{ requireTotp }' },
  },
  {
    method: 'put',
    path: '/v1/agent/settings/security',
    summary: 'Require two-factor sign-in of every agent (owners, who must have it on themselves)',
    auth: 'agent',
    body: securityBody,
    responses: { '200': '{ requireTotp }', '403': 'owner_required', '409': 'totp_enable_first' },
  },
  {
    method: 'get',
    path: '/v1/agent/tokens',
    summary: 'API tokens: your own, or (owners) every token of the store; never the secrets',
    auth: 'agent',
    responses: { '200': 'Tokens with scope, expiry, last use and state', '401': 'Not signed in' },
  },
  {
    method: 'post',
    path: '/v1/agent/tokens',
    summary: 'Issue an API token (console session only); the token is shown once',
    auth: 'agent',
    body: tokenBody,
    responses: {
      '201': 'Token id, token, scope and expiry',
      '400': 'Invalid input (error.code)',
      '403': 'session_required: issued from the console, not with another token',
    },
  },
  {
    method: 'delete',
    path: '/v1/agent/tokens/{id}',
    summary: 'Revoke an API token (your own; owners: any of the store)',
    auth: 'agent',
    responses: { '204': 'Revoked', '401': 'Not signed in', '404': 'token_not_found' },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/identity-secrets',
    summary: 'Identity secrets (owners): key id, made, and until when; never the value',
    auth: 'agent',
    responses: { '200': 'The live secrets, current first', '403': 'owner_required' },
  },
  {
    method: 'post',
    path: '/v1/agent/settings/identity-secrets',
    summary: 'Make a new identity secret (owners); the one before works 24 more hours',
    auth: 'agent',
    responses: { '201': 'Key id and the secret, shown this once', '403': 'owner_required' },
  },
  {
    method: 'delete',
    path: '/v1/agent/settings/identity-secrets/{id}',
    summary: 'End an identity secret at once (owners)',
    auth: 'agent',
    responses: { '204': 'Ended', '403': 'owner_required', '404': 'identity_secret_not_found' },
  },
  {
    method: 'get',
    path: '/v1/agent/tickets',
    summary: 'The queue, newest first',
    auth: 'agent',
    query: [
      { name: 'type', description: 'Comma-separated: return, cancel, issue, contact, chat' },
      { name: 'status', description: 'Comma-separated: open, pending, resolved, closed' },
      {
        name: 'channel',
        description: 'Comma-separated: chat, help-center, contact-form, console, api',
      },
      { name: 'from', description: 'ISO 8601, inclusive' },
      { name: 'to', description: 'ISO 8601, exclusive' },
      { name: 'q', description: 'Order number, email, phone, name or ticket number' },
      { name: 'assignee', description: 'Agent id' },
      { name: 'pageSize', description: '10, 20, 50 or 100' },
      { name: 'page', description: 'From 1' },
    ],
    responses: { '200': 'A page of tickets with the total', ...errors },
  },
  {
    method: 'get',
    path: '/v1/agent/tickets/{id}',
    summary: 'A ticket with its history, the order beside it and, for a chat, its conversation',
    auth: 'agent',
    responses: {
      '200':
        'Ticket, history, order ({ order, displayStatus, timeline, detail } or null) and conversationId: the chat ticket’s conversation (GET /v1/agent/conversations/{id}), null for other types or a chat ticket without one',
      ...errors,
    },
  },
  {
    method: 'patch',
    path: '/v1/agent/tickets/{id}',
    summary: 'Change status, assignee or tags at the version read',
    auth: 'agent',
    body: patchBody,
    responses: {
      '200': 'The updated ticket',
      '409': 'version_conflict, with the fresh ticket',
      ...errors,
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/notes',
    summary: 'Add an internal note',
    auth: 'agent',
    body: noteBody,
    responses: { '201': 'The note event', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/decision',
    summary:
      'Approve or decline a request; an approval is carried out on the store (cancel, return, refund) and the shopper is told in their language',
    auth: 'agent',
    body: decisionBody,
    responses: {
      '200':
        'The ticket view after the decision, shaped as GET /v1/agent/tickets/{id} answers (deciding again the same way answers it as is)',
      '409': 'version_conflict or action_in_progress, with the fresh ticket in error.details',
      '422':
        'decision_not_allowed (error.details.reason, e.g. order_already_fulfilled) or store_rejected (the store’s message)',
      '502': 'store_unavailable or store_auth_failed: the store did not act',
      ...errors,
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/replies',
    summary:
      'Reply to the shopper (email, or text message for phone-only shoppers; chat tickets in the chat)',
    auth: 'agent',
    body: replyBody,
    responses: {
      '201': 'The reply event (for a chat ticket, the message is in its conversation)',
      '409': 'conversation_closed: the chat is over for the shopper, who would not see the reply',
      '422': 'no_shopper_contact',
      ...errors,
      '404': 'ticket_not_found, or conversation_not_found for a chat ticket without a chat',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/tickets/{id}/refunds',
    summary:
      'Refund part of the order or a gesture of goodwill, to the original payment method, up to what remains refundable',
    auth: 'agent',
    body: refundBody,
    responses: {
      '200': 'The ticket view after the refund, shaped as GET /v1/agent/tickets/{id} answers',
      '409': 'version_conflict or action_in_progress, with the fresh ticket',
      '422':
        'refund_not_allowed (error.details.reason: refund_exceeds_refundable, nothing_refundable, currency_mismatch, ...) or store_rejected',
      '502': 'store_unavailable or store_auth_failed',
      ...errors,
    },
  },
  {
    method: 'get',
    path: '/v1/agent/agents',
    summary: 'The agents of your store',
    auth: 'agent',
    responses: { '200': '{ agents: [{ id, name, email, role }] }', '401': 'Not signed in' },
  },
  {
    method: 'get',
    path: '/v1/agent/webhooks',
    summary: 'Webhook endpoints of your store (owners only; secrets are not shown again)',
    auth: 'agent',
    responses: { '200': '{ endpoints }', '403': 'agent_forbidden', '401': 'Not signed in' },
  },
  {
    method: 'post',
    path: '/v1/agent/webhooks',
    summary:
      'Add an endpoint (owners only). Deliveries are POSTs signed with X-Porchlight-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
    auth: 'agent',
    body: webhookEndpointBody,
    responses: {
      '201': '{ endpoint, secret }: the secret is shown this once',
      '403': 'agent_forbidden',
      ...errors,
    },
  },
  {
    method: 'delete',
    path: '/v1/agent/webhooks/{id}',
    summary: 'Remove an endpoint (owners only); its queued deliveries are dropped',
    auth: 'agent',
    responses: { '204': 'Removed', '403': 'agent_forbidden', ...errors },
  },
  {
    method: 'get',
    path: '/v1/agent/webhooks/deliveries',
    summary: 'The delivery log, newest first: status, attempts, last response code',
    auth: 'agent',
    query: [
      { name: 'status', description: 'pending, retrying, delivered or failed' },
      { name: 'endpoint', description: 'Endpoint id' },
      { name: 'before', description: 'ISO 8601: deliveries created before this instant' },
      { name: 'limit', description: '1 to 100, default 50' },
    ],
    responses: { '200': '{ deliveries }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/shopify',
    summary: 'The store’s Shopify connection (domain, scopes; never the token or secret)',
    auth: 'agent',
    responses: { '200': 'ShopifySettings', '401': 'Not signed in' },
  },
  {
    method: 'put',
    path: '/v1/agent/settings/shopify',
    summary: 'Connect the store to a shop, checked with a test query first (owners only)',
    auth: 'agent',
    body: shopifyConnectBody,
    responses: {
      '200': 'ShopifySettings after saving',
      '400': 'validation_failed, shopify_domain_invalid',
      '401': 'Not signed in',
      '403': 'owner_required, csrf_failed',
      '422':
        'shopify_token_rejected, shopify_scopes_missing (details.missing), shopify_shop_mismatch',
      '502': 'shopify_unreachable',
    },
  },
  {
    method: 'get',
    path: '/v1/agent/conversations',
    summary: 'The store’s chat conversations, most recent first',
    auth: 'agent',
    query: [
      { name: 'status', description: 'open or closed' },
      { name: 'limit', description: '1 to 100, default 50' },
      { name: 'before', description: 'Event sequence to page back from' },
    ],
    responses: { '200': '{ conversations }', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/stream-tickets',
    summary: 'A short-lived, single-use ticket for the console event stream (no secret in URLs)',
    auth: 'agent',
    responses: { '201': '{ ticket, expiresInSeconds, url }', ...errors },
  },
  {
    method: 'get',
    path: '/v1/agent/conversations/stream',
    summary:
      'Server-sent events for the console (?ticket=; replay after Last-Event-ID or ?lastEventId=; heartbeats every 25 s)',
    auth: 'none',
    query: [
      { name: 'ticket', description: 'From POST /v1/agent/conversations/stream-tickets' },
      { name: 'lastEventId', description: 'Resume after this event' },
    ],
    responses: { '200': 'text/event-stream', '401': 'stream_ticket_invalid' },
  },
  {
    method: 'get',
    path: '/v1/agent/conversations/{id}',
    summary: 'A conversation with its messages',
    auth: 'agent',
    responses: { '200': 'Conversation and messages', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/{id}/messages',
    summary: 'Answer the shopper (clientId makes retries store once)',
    auth: 'agent',
    body: agentMessageBody,
    responses: { '201': 'The message', '409': 'conversation_closed', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/{id}/read',
    summary: 'Mark the shopper’s messages read',
    auth: 'agent',
    responses: { '200': 'Read state', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/{id}/typing',
    summary: 'Tell the shopper an agent is typing',
    auth: 'agent',
    responses: { '204': 'Sent', ...errors },
  },
  {
    method: 'post',
    path: '/v1/agent/conversations/{id}/close',
    summary: 'Close the conversation and its chat ticket',
    auth: 'agent',
    responses: { '200': 'The closed conversation', ...errors },
  },
]
