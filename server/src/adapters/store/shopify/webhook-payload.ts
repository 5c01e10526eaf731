/**
 * The little we need from a webhook payload. Payloads are REST-shaped (snake_case, numeric
 * ids), and ids can outgrow JavaScript's safe integers, so id fields are read as their source
 * text rather than as numbers.
 */
export interface WebhookFacts {
  orderId: string
  /** When the change happened on Shopify (epoch ms). */
  changedAt: number
}

/** The topics we subscribe to, and where each keeps its order id. */
export const ORDER_TOPICS: Record<string, 'id' | 'order_id'> = {
  'orders/updated': 'id',
  'orders/cancelled': 'id',
  'orders/fulfilled': 'id',
  'orders/paid': 'id',
  'fulfillments/create': 'order_id',
  'fulfillments/update': 'order_id',
  'fulfillment_events/create': 'order_id',
  'refunds/create': 'order_id',
}

const idKeys = new Set(['id', 'order_id'])

export function parseWebhookBody(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text, function (key, value, context?: { source?: string }) {
      // Ids, and any integer past 2^53 (the order ids of the privacy topics' lists), as text.
      const asText = idKeys.has(key) || (typeof value === 'number' && !Number.isSafeInteger(value))
      return asText && typeof value === 'number' && context?.source !== undefined
        ? context.source
        : value
    })
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Order id and change time of a payload, or undefined when the payload lacks them. */
export function webhookFacts(
  topic: string,
  payload: Record<string, unknown>,
  triggeredAt: string | undefined,
): WebhookFacts | undefined {
  const idField = ORDER_TOPICS[topic]
  if (idField === undefined) return undefined
  const rawId = payload[idField]
  const orderId = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : ''
  if (!/^[1-9]\d{0,19}$/.test(orderId)) return undefined
  // refunds/create carries created_at only; X-Shopify-Triggered-At is the last resort.
  const stamp = [payload['updated_at'], payload['created_at'], triggeredAt].find(
    (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  )
  if (stamp === undefined) return undefined
  return { orderId, changedAt: Date.parse(stamp) }
}
