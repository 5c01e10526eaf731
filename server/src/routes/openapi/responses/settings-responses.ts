import type { IdentitySecretInfo, NewIdentitySecret } from '@porchlight/shared/api/auth'
import type { DataRequestsResponse } from '@porchlight/shared/api/privacy'
import {
  CUSTOMER_DATA_ACCESS,
  SHOPIFY_CONNECTION_MODES,
  type ShopifySettings,
} from '@porchlight/shared/api/settings'
import { z } from 'zod'

/**
 * The success answers of store settings, for the OpenAPI document (see
 * agent-responses.ts for why they are typed and strict).
 */

const iso = z.iso.datetime({ offset: true })

export const shopifySettings: z.ZodType<ShopifySettings> = z.strictObject({
  connected: z.boolean(),
  mode: z.enum(SHOPIFY_CONNECTION_MODES).nullable(),
  clientId: z.string().nullable(),
  customerAccess: z.enum(CUSTOMER_DATA_ACCESS).nullable(),
  token: z
    .strictObject({
      state: z.enum(['ok', 'failing']),
      message: z.string().nullable(),
      expiresAt: z.number().nullable().describe('Epoch ms'),
    })
    .nullable(),
  oauthAvailable: z.boolean(),
  domain: z.string().nullable(),
  shopName: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  requiredScopes: z.array(z.strictObject({ scope: z.string(), purpose: z.string() })),
  webhookUrl: z.string(),
  webhookTopics: z.array(z.string()),
  subscribedTopics: z.array(z.string()),
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  apiVersion: z.string(),
  canEdit: z.boolean(),
})

export const dataRequestsResponse: z.ZodType<DataRequestsResponse> = z.strictObject({
  requests: z.array(
    z.strictObject({
      id: z.string(),
      customer: z.string().describe('The email or phone Shopify named the customer by'),
      shopifyRequestId: z.string(),
      createdAt: iso,
      downloadUrl: z.string().describe('GET it for the export (a JSON attachment)'),
    }),
  ),
})

export const dataRequestExport = z
  .looseObject({
    format: z.literal('porchlight-customer-export/1'),
    generatedAt: iso,
    tickets: z.array(z.unknown()),
    sessions: z.array(z.unknown()),
    cachedOrders: z.array(z.unknown()),
  })
  .describe(
    'What Porchlight holds for the customer: tickets with history and messages, sessions, cached orders',
  )

const identitySecret = z.strictObject({
  id: z.string().describe('The key id: the JWT header’s kid'),
  createdAt: iso,
  expiresAt: iso.nullable().describe('Null while current; after a rotation, the end of its grace'),
}) satisfies z.ZodType<IdentitySecretInfo>

export const identitySecretsResponse = z.strictObject({ secrets: z.array(identitySecret) })

export const identitySecretMade: z.ZodType<NewIdentitySecret> = identitySecret.extend({
  secret: z.string(),
})
