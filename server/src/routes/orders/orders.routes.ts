import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { OrderDetailResponse, OrderListResponse } from '@porchlight/shared/api/orders'
import { normalizeOrderRules } from '@porchlight/shared/orders/settings'
import { isTimeZone, resolveLocale, type FormatOptions } from '@porchlight/shared/orders/summary'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readQuery } from '../../http/query.ts'
import { requireShopper } from '../../middleware/shopper-session.ts'
import {
  orderBelongsTo,
  toOrderDetail,
  toOrderListItem,
} from '../../services/orders/order-views.ts'
import { recordOrderView } from '../../services/insights/shopper-activity.ts'
import { orderRequests } from '../../services/requests/request-views.ts'

const locale = z
  .string()
  .max(35)
  .refine((v) => {
    try {
      return Intl.getCanonicalLocales(v).length === 1
    } catch {
      return false
    }
  }, 'expected a BCP 47 language tag such as en or pt-BR')

const timeZone = z.string().max(64).refine(isTimeZone, 'expected an IANA time zone')

const formatParams = { locale: locale.optional(), tz: timeZone.optional() }

const listQuery = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'expected a whole number from 1 to 50')
      .transform(Number)
      .pipe(z.number().min(1, 'expected 1 to 50').max(50, 'expected 1 to 50'))
      .optional(),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected the nextCursor of the previous page')
      .optional(),
    ...formatParams,
  })
  .strict()

const detailQuery = z.object(formatParams).strict()

const orderIdShape = /^[A-Za-z0-9_-]{1,64}$/
const DEFAULT_PAGE_SIZE = 10

const notFound = () => new AppError('order_not_found', 'No such order.')

function formatOptions(
  c: Context<AppEnv>,
  query: { locale?: string | undefined; tz?: string | undefined },
): FormatOptions {
  const fallback = c.get('store').settings['defaultLocale']
  return {
    locale: resolveLocale(query.locale ?? (typeof fallback === 'string' ? fallback : 'en')),
    timeZone: query.tz ?? 'UTC',
  }
}

/**
 * The signed-in shopper's orders. Every read is scoped twice: the adapter serves only the
 * session's store, and an order is shown only if it carries the session's verified email or
 * phone. Any other order id answers 404 order_not_found, never 403, so ids reveal nothing.
 */
export const orderRoutes = new Hono<AppEnv>()
  .use('/v1/orders', requireShopper)
  .use('/v1/orders/*', requireShopper)
  .get('/v1/orders', async (c) => {
    const query = readQuery(c, listQuery)
    const identity = c.get('shopper').identity
    const adapter = c.get('deps').storeAdapters(c.get('store'))
    const page = await adapter.listOrders(identity, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    })
    const fmt = formatOptions(c, query)
    const now = c.get('deps').clock.now()
    const body: OrderListResponse = {
      orders: page.orders
        .filter((o) => orderBelongsTo(o, identity))
        .map((o) => toOrderListItem(o, fmt, now)),
      nextCursor: page.nextCursor,
    }
    return c.json(body)
  })
  .get('/v1/orders/:id', async (c) => {
    const query = readQuery(c, detailQuery)
    const id = c.req.param('id')
    if (!orderIdShape.test(id)) throw notFound()
    const deps = c.get('deps')
    const store = c.get('store')
    const order = await deps.storeAdapters(store).getOrder(id)
    if (order === undefined || !orderBelongsTo(order, c.get('shopper').identity)) throw notFound()
    const { rules, problems } = normalizeOrderRules(store.settings['orderRules'])
    if (problems.length > 0) {
      deps.logger.warn('store order rules have invalid fields; using defaults for them', {
        storeId: store.id,
        problems,
      })
    }
    const requests = await orderRequests(deps.db, store, order.id)
    await recordOrderView(deps, store.id, c.get('shopper').identity, order)
    const body: OrderDetailResponse = {
      order: toOrderDetail(order, rules, deps.clock.now(), formatOptions(c, query), requests),
    }
    return c.json(body)
  })
