import { op } from './operation-document.ts'
import type { UserError } from './shopify-types.ts'

/**
 * The Admin API documents of the webhook subscriptions Porchlight makes for itself. Topics
 * travel as the GraphQL enum (`ORDERS_UPDATED`); `uri` replaces the deprecated `callbackUrl`.
 * The compliance topics are not in that enum: Shopify takes them from the app's configuration
 * only (see README, "Connecting Shopify").
 */

export interface WebhookSubscriptionNode {
  id: string
  topic: string
  uri: string
}

/** Our subscriptions to one address (Porchlight's webhook URL of the store). */
export const webhookSubscriptionsAt = op<
  { webhookSubscriptions: { nodes: WebhookSubscriptionNode[] } },
  { uri: string }
>(
  'PorchlightWebhookSubscriptions',
  'query',
  5,
  `query PorchlightWebhookSubscriptions($uri: String!) {
    webhookSubscriptions(first: 50, uri: $uri) { nodes { id topic uri } }
  }`,
)

export const webhookSubscriptionCreate = op<
  {
    webhookSubscriptionCreate: {
      webhookSubscription: WebhookSubscriptionNode | null
      userErrors: UserError[]
    } | null
  },
  { topic: string; webhookSubscription: { uri: string; format: 'JSON' } }
>(
  'PorchlightWebhookCreate',
  'mutation',
  10,
  `mutation PorchlightWebhookCreate($topic: WebhookSubscriptionTopic!,
      $webhookSubscription: WebhookSubscriptionInput!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
      webhookSubscription { id topic uri }
      userErrors { field message }
    }
  }`,
)

export const webhookSubscriptionDelete = op<
  {
    webhookSubscriptionDelete: {
      deletedWebhookSubscriptionId: string | null
      userErrors: UserError[]
    } | null
  },
  { id: string }
>(
  'PorchlightWebhookDelete',
  'mutation',
  10,
  `mutation PorchlightWebhookDelete($id: ID!) {
    webhookSubscriptionDelete(id: $id) {
      deletedWebhookSubscriptionId
      userErrors { field message }
    }
  }`,
)

/** `orders/updated` -> `ORDERS_UPDATED`, and back. */
export function topicEnum(topic: string): string {
  return topic.toUpperCase().replace('/', '_')
}
