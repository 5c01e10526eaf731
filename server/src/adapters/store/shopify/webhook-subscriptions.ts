import type { AdminClient } from './admin-client.ts'
import { WEBHOOK_TOPICS } from './scopes.ts'
import {
  topicEnum,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  webhookSubscriptionsAt,
} from './webhook-operations.ts'

/**
 * The topics Porchlight subscribes on connect: the order topics that keep its cache fresh and
 * `app/uninstalled`, which disconnects the store. The compliance topics (customers/redact,
 * shop/redact, customers/data_request) cannot be made through the API: Shopify takes them from
 * the app's configuration in the Dev Dashboard (README, "Connecting Shopify").
 */
export const SUBSCRIBED_TOPICS = [...WEBHOOK_TOPICS, 'app/uninstalled'] as const

/** Porchlight's webhook address of one store: Shopify posts every subscribed topic there. */
export function storeWebhookUrl(publicUrl: string, storeId: string): string {
  return `${publicUrl}/v1/webhooks/shopify/${encodeURIComponent(storeId)}`
}

export interface SubscriptionCheck {
  /** What the shop lists at our address after the work, for the topics we want. */
  subscribed: Array<{ topic: string; subscriptionId: string; uri: string }>
  /** Topics the shop does not list, with what Shopify said when we asked for them. */
  missing: Array<{ topic: string; message: string }>
}

/** The console's warning while topics are missing (none when all are in place). */
export function webhookWarnings(
  missing: SubscriptionCheck['missing'],
): Array<{ code: string; message: string }> {
  if (missing.length === 0) return []
  const list = missing.map((m) => `${m.topic} (${m.message})`).join('; ')
  return [
    {
      code: 'webhooks_missing',
      message: `Shopify did not accept these webhook subscriptions, so orders refresh only when their cached copy ages out: ${list}. Check that PUBLIC_URL is this server's public HTTPS address, then connect again.`,
    },
  ]
}

const restTopic = (graphqlTopic: string) =>
  SUBSCRIBED_TOPICS.find((t) => topicEnum(t) === graphqlTopic)

async function listAt(client: AdminClient, uri: string) {
  const answer = await client.request(webhookSubscriptionsAt, { uri })
  if (!answer.ok) return { ok: false as const, message: answer.message }
  const byTopic = new Map<string, string>()
  for (const node of answer.data.webhookSubscriptions.nodes) {
    const topic = restTopic(node.topic)
    if (topic !== undefined && node.uri === uri) byTopic.set(topic, node.id)
  }
  return { ok: true as const, byTopic }
}

/**
 * Makes the shop hold one subscription of ours per topic at `uri`: lists what is there (a
 * reconnect finds the ones it made before), creates what is missing, then lists again and
 * compares, so what we report is what Shopify holds rather than what we asked for.
 */
export async function ensureWebhookSubscriptions(
  client: AdminClient,
  uri: string,
): Promise<SubscriptionCheck> {
  const before = await listAt(client, uri)
  if (!before.ok) {
    return {
      subscribed: [],
      missing: SUBSCRIBED_TOPICS.map((topic) => ({ topic, message: before.message })),
    }
  }
  const refusals = new Map<string, string>()
  for (const topic of SUBSCRIBED_TOPICS) {
    if (before.byTopic.has(topic)) continue
    const made = await client.request(webhookSubscriptionCreate, {
      topic: topicEnum(topic),
      webhookSubscription: { uri, format: 'JSON' },
    })
    const payload = made.ok ? made.data.webhookSubscriptionCreate : null
    const refusal = !made.ok
      ? made.message
      : (payload?.userErrors.map((e) => e.message).join('; ') ?? 'no answer')
    if (payload?.webhookSubscription == null) refusals.set(topic, refusal || 'no answer')
  }
  const after = await listAt(client, uri)
  const held = after.ok ? after.byTopic : new Map<string, string>()
  return {
    subscribed: [...held].map(([topic, subscriptionId]) => ({ topic, subscriptionId, uri })),
    missing: SUBSCRIBED_TOPICS.filter((t) => !held.has(t)).map((topic) => ({
      topic,
      message:
        refusals.get(topic) ??
        (after.ok ? 'Shopify does not list it after it was made' : after.message),
    })),
  }
}

/**
 * Deletes the subscriptions we recorded (never one we did not make). One the shop no longer
 * has counts as removed; the ids it could not delete are returned.
 */
export async function removeWebhookSubscriptions(
  client: AdminClient,
  ids: readonly string[],
): Promise<string[]> {
  const left: string[] = []
  for (const id of ids) {
    const answer = await client.request(webhookSubscriptionDelete, { id })
    if (!answer.ok) {
      left.push(id)
      continue
    }
    const payload = answer.data.webhookSubscriptionDelete
    const gone =
      payload?.deletedWebhookSubscriptionId === id ||
      payload?.userErrors.some((e) => /does not exist|not found/i.test(e.message)) === true
    if (!gone) left.push(id)
  }
  return left
}
