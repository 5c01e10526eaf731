import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { requireShopper } from '../../middleware/shopper-session.ts'
import { inStockOptions } from '../../services/requests/exchange-wishes.ts'
import { loadShopperOrder } from '../../services/requests/file-request.ts'

const lineShape = /^[A-Za-z0-9_-]{1,200}$/

function lineParam(value: string): string {
  if (!lineShape.test(value)) throw new AppError('line_not_on_order', 'No such line on this order.')
  return value
}

/**
 * What a line may be exchanged for (shared/src/api/exchanges.ts): the shopper's choice in the
 * return form, and the same list for the agent beside the ticket. Only variants in stock.
 */
export const exchangeRoutes = new Hono<AppEnv>()
  .get('/v1/orders/:id/lines/:lineItemId/exchange-options', requireShopper, async (c) => {
    const deps = c.get('deps')
    const store = c.get('store')
    const order = await loadShopperOrder(deps, store, c.get('shopper').identity, c.req.param('id'))
    const lineItemId = lineParam(c.req.param('lineItemId'))
    return c.json(await inStockOptions(deps.storeAdapters(store), order, lineItemId))
  })
  .get('/v1/agent/orders/:id/lines/:lineItemId/exchange-options', requireAgent, async (c) => {
    const store = c.get('store')
    const adapter = c.get('deps').storeAdapters(store)
    const orderId = c.req.param('id')
    const order = /^[A-Za-z0-9_-]{1,64}$/.test(orderId)
      ? await adapter.getOrder(orderId)
      : undefined
    if (order === undefined) throw new AppError('order_not_found', 'No such order.')
    const lineItemId = lineParam(c.req.param('lineItemId'))
    return c.json(await inStockOptions(adapter, order, lineItemId))
  })
