import { ORDER_TOPICS } from './webhook-payload.ts'

/** Admin API scopes Porchlight needs, and what each is for (README lists the same). */
export const REQUIRED_SCOPES: Record<string, string> = {
  read_orders: 'read orders, fulfilments and tracking',
  read_fulfillments: 'receive the fulfilment and tracking webhooks',
  write_orders: 'cancel orders and create refunds',
  read_customers: 'find the orders of a verified phone number',
  read_returns: 'read returns',
  write_returns: 'open and approve returns',
}

/**
 * Scopes Porchlight works without, and what is lost: the console warns while one is missing.
 * Without read_all_orders Shopify shows only the last 60 days of orders.
 */
export const RECOMMENDED_SCOPES: Record<string, string> = {
  read_all_orders: 'orders older than 60 days are invisible without it',
}

/** The recommended scopes a grant lacks, as warnings the console shows. */
export function scopeWarnings(
  granted: readonly string[],
): Array<{ code: string; message: string }> {
  return Object.entries(RECOMMENDED_SCOPES)
    .filter(([scope]) => !granted.includes(scope))
    .map(([scope, why]) => ({
      code: `${scope}_missing`,
      message: `The app lacks ${scope}: ${why}.`,
    }))
}

/** Webhook topics to subscribe, all pointing at the store's webhook address. */
export const WEBHOOK_TOPICS = [
  'orders/updated',
  'orders/cancelled',
  'fulfillments/create',
  'fulfillments/update',
  'fulfillment_events/create',
] as const satisfies ReadonlyArray<keyof typeof ORDER_TOPICS>
