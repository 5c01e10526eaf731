import { shopifyConnectBody } from '../../agent/shopify-settings.routes.ts'
import { deliveriesQuery, webhookEndpointBody } from '../../agent/webhooks.routes.ts'
import type { Operation } from '../operation.ts'
import {
  dataRequestExport,
  dataRequestsResponse,
  deliveriesResponse,
  endpointCreated,
  endpointsResponse,
  identitySecretMade,
  identitySecretsResponse,
  shopifySettings,
} from '../responses/settings-responses.ts'

/** Outbound webhooks and the store's Shopify connection. */
export const settingsOperations: Operation[] = [
  {
    method: 'get',
    path: '/v1/agent/webhooks',
    summary: 'Webhook endpoints of your store (owners only; secrets are not shown again)',
    auth: 'agent',
    success: { status: 200, description: '{ endpoints }', schema: endpointsResponse },
    errors: { agent_forbidden: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/webhooks',
    summary:
      'Add an endpoint (owners only). Deliveries are POSTs signed with X-Porchlight-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
    auth: 'agent',
    body: webhookEndpointBody,
    success: {
      status: 201,
      description: '{ endpoint, secret }: the secret is shown this once',
      schema: endpointCreated,
    },
    errors: { agent_forbidden: '' },
  },
  {
    method: 'delete',
    path: '/v1/agent/webhooks/{id}',
    summary: 'Remove an endpoint (owners only); its queued deliveries are dropped',
    auth: 'agent',
    success: { status: 204, description: 'Removed' },
    errors: { agent_forbidden: '', webhook_not_found: '' },
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
      before: 'ISO 8601: deliveries created before this instant',
      limit: '1 to 100, default 50',
    },
    success: { status: 200, description: '{ deliveries }', schema: deliveriesResponse },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/shopify',
    summary: 'The store’s Shopify connection (domain, scopes; never the token or secret)',
    auth: 'agent',
    success: { status: 200, description: 'ShopifySettings', schema: shopifySettings },
  },
  {
    method: 'put',
    path: '/v1/agent/settings/shopify',
    summary: 'Connect the store to a shop, checked with a test query first (owners only)',
    auth: 'agent',
    body: shopifyConnectBody,
    success: { status: 200, description: 'ShopifySettings after saving', schema: shopifySettings },
    errors: {
      shopify_domain_invalid: '',
      owner_required: '',
      shopify_token_rejected: '',
      shopify_scopes_missing: 'details.missing',
      shopify_shop_mismatch: '',
      shopify_unreachable: '',
    },
  },
  {
    method: 'delete',
    path: '/v1/agent/settings/shopify',
    summary:
      'Disconnect the shop (owners only): deletes the webhook subscriptions Porchlight made, then the tokens and cached orders',
    auth: 'agent',
    success: {
      status: 200,
      description: 'ShopifySettings after disconnecting',
      schema: shopifySettings,
    },
    errors: { owner_required: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/privacy/data-requests',
    summary: 'Shopify customers/data_request exports of your store, newest first (owners only)',
    auth: 'agent',
    success: { status: 200, description: '{ requests }', schema: dataRequestsResponse },
    errors: { owner_required: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/privacy/data-requests/{id}/export',
    summary: 'One export, as a JSON attachment to hand to the customer (owners only)',
    auth: 'agent',
    success: { status: 200, description: 'The export', schema: dataRequestExport },
    errors: { owner_required: '', data_request_not_found: '' },
  },
  {
    method: 'get',
    path: '/v1/agent/settings/identity-secrets',
    summary:
      'Identity secrets of signed identity (owners): key id, made, until when; never the value',
    auth: 'agent',
    success: {
      status: 200,
      description: '{ secrets }, current first',
      schema: identitySecretsResponse,
    },
    errors: { owner_required: '' },
  },
  {
    method: 'post',
    path: '/v1/agent/settings/identity-secrets',
    summary: 'Make a new identity secret (owners); the one before keeps working for 24 hours',
    auth: 'agent',
    success: {
      status: 201,
      description: 'The key id and the secret, shown this once',
      schema: identitySecretMade,
    },
    errors: { owner_required: '' },
  },
  {
    method: 'delete',
    path: '/v1/agent/settings/identity-secrets/{id}',
    summary: 'End an identity secret at once (owners)',
    auth: 'agent',
    success: { status: 204, description: 'Ended' },
    errors: { owner_required: '', identity_secret_not_found: '' },
  },
]
