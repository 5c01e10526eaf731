import type { WebhookSubscriptionNode } from '../webhook-operations.ts'
import type { UserError } from '../shopify-types.ts'

/**
 * The fake shop's webhook subscriptions: what webhookSubscriptionCreate made, by id, with
 * Shopify's refusals (an address that is not HTTPS, the same topic twice at one address). The
 * shop keeps an app's subscriptions apart from other apps', so every one here is ours.
 */
export class FakeWebhookSubscriptions {
  readonly byId = new Map<string, WebhookSubscriptionNode>()
  #next = 1

  /** The subscriptions at an address, as `webhookSubscriptions(uri:)` lists them. */
  at(uri: string): WebhookSubscriptionNode[] {
    return [...this.byId.values()].filter((s) => s.uri === uri).map((s) => ({ ...s }))
  }

  topics(): string[] {
    return [...this.byId.values()].map((s) => s.topic).sort()
  }

  create(v: Record<string, unknown>, injected: UserError[] | undefined) {
    const topic = String(v['topic'])
    const uri = String((v['webhookSubscription'] as { uri?: unknown } | undefined)?.uri ?? '')
    const field = ['webhookSubscription', 'uri']
    // Shopify's wording paraphrased.
    const errors =
      injected ??
      (!uri.startsWith('https://')
        ? [{ field, message: 'Address protocol is not supported: use https' }]
        : this.at(uri).some((s) => s.topic === topic)
          ? [{ field, message: 'Address for this topic has already been taken' }]
          : [])
    if (errors.length > 0) {
      return { webhookSubscriptionCreate: { webhookSubscription: null, userErrors: errors } }
    }
    const id = `gid://shopify/WebhookSubscription/${7000 + this.#next++}`
    const made = { id, topic, uri }
    this.byId.set(id, made)
    return { webhookSubscriptionCreate: { webhookSubscription: { ...made }, userErrors: [] } }
  }

  delete(v: Record<string, unknown>, injected: UserError[] | undefined) {
    const id = String(v['id'])
    const errors =
      injected ??
      (this.byId.has(id) ? [] : [{ field: ['id'], message: 'Webhook subscription does not exist' }])
    if (errors.length === 0) this.byId.delete(id)
    return {
      webhookSubscriptionDelete: {
        deletedWebhookSubscriptionId: errors.length === 0 ? id : null,
        userErrors: errors,
      },
    }
  }
}
