import { setPasswordBody } from '../../agent/agent-password.routes.ts'
import { agentChangeBody, inviteBody } from '../../agent/agents.routes.ts'
import {
  deliveriesQuery,
  rotateSecretBody,
  webhookEndpointBody,
  webhookEndpointChangeBody,
} from '../../agent/webhooks.routes.ts'
import type { Operation } from '../operation.ts'
import {
  deliveriesResponse,
  deliveryResponse,
  endpointResponse,
  endpointsResponse,
  endpointWithSecret,
  memberResponse,
  passwordLinkSent,
  passwordSet,
  teamResponse,
} from '../responses/team-responses.ts'

const owners = { owner_required: 'Only owners change this' } as const

/** The store's agents and webhook endpoints: any agent reads, owners change. */
export const teamOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/agents',
    summary: 'The agents of your store, deactivated ones too',
    auth: 'agent',
    success: { status: 200, description: '{ agents, canEdit }', schema: teamResponse },
  },
  {
    method: 'post',
    path: '/v1/agent/agents',
    summary: 'Invite an agent (owners): they get an email with a set-password link (72 h, once)',
    auth: 'agent',
    body: inviteBody,
    success: { status: 201, description: '{ agent }, invited', schema: memberResponse },
    errors: { ...owners, agent_exists: '' },
  },
  {
    method: 'patch',
    path: '/v1/agent/agents/{id}',
    summary:
      'Change an agent’s role, or deactivate them (owners): their sessions and API tokens end at once',
    auth: 'agent',
    body: agentChangeBody,
    success: { status: 200, description: '{ agent } after the change', schema: memberResponse },
    errors: {
      ...owners,
      member_not_found: '',
      version_conflict: 'error.details.agent: the agent as it is now',
      last_owner: 'The store keeps at least one active owner',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/agents/{id}/password-link',
    summary:
      'Email an agent a set-password link (owners): a reset, or the invitation again; the old password works until a new one is set',
    auth: 'agent',
    success: { status: 202, description: 'Sent', schema: passwordLinkSent },
    errors: { ...owners, member_not_found: '', agent_deactivated: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/password',
    summary:
      'Set a password with the token of a set-password link (no session); ends the agent’s console sessions',
    auth: 'none',
    body: setPasswordBody,
    success: { status: 200, description: 'Who may now sign in, where', schema: passwordSet },
    errors: { password_link_invalid: '', weak_password: 'The message says why' },
  },
  {
    method: 'get',
    path: '/v1/agent/webhooks',
    summary: 'Webhook endpoints of your store (secrets are not shown again)',
    auth: 'agent',
    success: { status: 200, description: '{ endpoints, canEdit }', schema: endpointsResponse },
  },
  {
    method: 'post',
    path: '/v1/agent/webhooks',
    summary:
      'Add an endpoint (owners). Deliveries are POSTs signed with X-Porchlight-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
    auth: 'agent',
    body: webhookEndpointBody,
    success: {
      status: 201,
      description: '{ endpoint, secret }: the secret is shown this once',
      schema: endpointWithSecret,
    },
    errors: owners,
  },
  {
    method: 'patch',
    path: '/v1/agent/webhooks/{id}',
    summary:
      'Change an endpoint’s address, events or description (owners); queued deliveries follow from their next attempt',
    auth: 'agent',
    body: webhookEndpointChangeBody,
    success: {
      status: 200,
      description: '{ endpoint } after the change',
      schema: endpointResponse,
    },
    errors: {
      ...owners,
      webhook_not_found: '',
      version_conflict: 'error.details.endpoint: the endpoint as it is now',
    },
  },
  {
    method: 'post',
    path: '/v1/agent/webhooks/{id}/secret',
    summary:
      'Rotate the signing secret (owners): the new one is shown once and signs every attempt from now on, retries of queued deliveries too',
    auth: 'agent',
    body: rotateSecretBody,
    success: { status: 200, description: '{ endpoint, secret }', schema: endpointWithSecret },
    errors: {
      ...owners,
      webhook_not_found: '',
      version_conflict: 'error.details.endpoint: the endpoint as it is now',
    },
  },
  {
    method: 'delete',
    path: '/v1/agent/webhooks/{id}',
    summary: 'Remove an endpoint (owners); its queued deliveries are dropped',
    auth: 'agent',
    success: { status: 204, description: 'Removed' },
    errors: { ...owners, webhook_not_found: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/webhooks/deliveries',
    summary: 'The delivery log, newest first: status, attempts, last response code',
    auth: 'agent',
    query: deliveriesQuery,
    queryNotes: {
      status: 'pending, retrying, delivered or failed',
      endpoint: 'Endpoint id',
      before: 'ISO 8601: deliveries created before this instant (the next page)',
      limit: '1 to 100, default 50',
    },
    success: { status: 200, description: '{ deliveries }', schema: deliveriesResponse },
  },
  {
    method: 'post',
    path: '/v1/agent/webhooks/deliveries/{id}/resend',
    summary:
      'Send a delivery again (owners): a new delivery of the same event to the endpoint as it is now, signed like any other',
    auth: 'agent',
    success: { status: 201, description: '{ delivery }, queued', schema: deliveryResponse },
    errors: { ...owners, delivery_not_found: '', webhook_not_found: 'The endpoint was removed' },
  },
]
