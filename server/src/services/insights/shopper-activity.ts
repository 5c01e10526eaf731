import type { ShopperIdentity } from '@porchlight/shared/api/auth'
import type { Order } from '@porchlight/shared/orders/model'
import type { AppDeps } from '../../deps.ts'
import { recordShopperEvent } from '../../db/insights.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger'>

/**
 * Notes that a signed-in shopper opened an order, and its tracking when the answer carried a
 * shipment's timeline: what the self-service rate counts. Counting must never cost the shopper
 * their order, so a failed write is logged and the view goes on.
 */
export async function recordOrderView(
  deps: Deps,
  storeId: string,
  identity: ShopperIdentity,
  order: Pick<Order, 'id' | 'shipments'>,
): Promise<void> {
  const at = deps.clock.now()
  try {
    await recordShopperEvent(deps.db, {
      storeId,
      kind: 'order_viewed',
      identity,
      orderId: order.id,
      at,
    })
    if (order.shipments.length > 0) {
      await recordShopperEvent(deps.db, {
        storeId,
        kind: 'tracking_viewed',
        identity,
        orderId: order.id,
        at,
      })
    }
  } catch (err) {
    deps.logger.warn('could not record an order view for insights', {
      storeId,
      error: err instanceof Error ? err.message : String(err),
    })
  }
}
