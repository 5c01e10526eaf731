import { shopifyConnectBody } from '../../agent/shopify-settings.routes.ts'
import type { Operation } from '../operation.ts'
import {
  dataRequestExport,
  dataRequestsResponse,
  identitySecretMade,
  identitySecretsResponse,
  shopifySettings,
} from '../responses/settings-responses.ts'

/** The store's Shopify connection and identity secrets. */
export const settingsOperations: Operation[] = [
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
