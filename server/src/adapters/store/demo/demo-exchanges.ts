import { createHash } from 'node:crypto'
import type { ExchangeOptions } from '@porchlight/shared/api/exchanges'
import type { LineItem, Order } from '@porchlight/shared/orders/model'
import type { Kysely } from 'kysely'
import type { Clock } from '../../../clock.ts'
import { findDemoOrder, insertDemoOrders } from '../../../db/demo-orders.repository.ts'
import { findDemoStock, takeDemoStock } from '../../../db/demo-stock.repository.ts'
import type { Database } from '../../../db/schema.ts'
import type { CreatedExchange, ExchangeInput, StoreActionResult } from '../store-adapter.ts'
import { catalogueEntry, type DemoVariant } from './demo-catalogue.ts'
import { openReturn, type Mutation } from './demo-order-mutations.ts'

type Change<T> = (
  order: Order,
  now: Date,
) => { ok: true; value: Mutation<T> } | { ok: false; code: string; message: string }

export interface DemoExchangeDeps {
  db: Kysely<Database>
  storeId: string
  clock: Clock
  mutate: <T>(orderId: string, change: Change<T>) => Promise<StoreActionResult<T>>
}

const fail = (code: string, message: string) => ({ ok: false as const, code, message })

async function stockOf(deps: DemoExchangeDeps, variants: DemoVariant[]) {
  const stored = await findDemoStock(
    deps.db,
    deps.storeId,
    variants.map((x) => x.sku),
  )
  return (x: DemoVariant) => stored.get(x.sku) ?? x.startingStock
}

function lineProduct(order: Order, lineItemId: string) {
  const item = order.lineItems.find((l) => l.id === lineItemId)
  if (item === undefined)
    return fail('line_not_on_order', `Line ${lineItemId} is not on this order.`)
  const entry = catalogueEntry(item.sku)
  if (entry === undefined || item.giftCard || item.finalSale) {
    return fail('not_exchangeable', `“${item.title}” cannot be exchanged for another variant.`)
  }
  return { ok: true as const, item, ...entry }
}

/** The other variants of a line's product, with the units in stock now (none included). */
export async function demoExchangeOptions(
  deps: DemoExchangeDeps,
  orderId: string,
  lineItemId: string,
): Promise<StoreActionResult<ExchangeOptions>> {
  const row = await findDemoOrder(deps.db, deps.storeId, orderId)
  if (row === undefined) return fail('order_not_found', 'No such order in this store.')
  const order = JSON.parse(row.data) as Order
  const line = lineProduct(order, lineItemId)
  if (!line.ok) return line
  const others = line.product.variants.filter((x) => x.sku !== line.variant.sku)
  const available = await stockOf(deps, others)
  return {
    ok: true,
    value: {
      lineItemId,
      productTitle: line.product.title,
      options: others.map((x) => ({
        variantId: x.sku,
        title: x.title,
        price: { amount: x.price, currency: order.currency },
        available: available(x),
      })),
    },
  }
}

/** A stable id for the exchange order, so a retry of the same exchange finds it again. */
const exchangeOrderId = (storeId: string, key: string) =>
  `ord_${createHash('sha256').update(`${storeId}:${key}`).digest('base64url').slice(0, 16)}`

/**
 * The demo store's exchange: the return is opened on the original order, the variants are
 * taken from stock (all or none, each in one conditional write), and a new order with the
 * suffix `E` ships them with nothing to pay; both orders name each other.
 */
export async function demoCreateExchange(
  deps: DemoExchangeDeps,
  orderId: string,
  input: ExchangeInput,
): Promise<StoreActionResult<CreatedExchange>> {
  const row = await findDemoOrder(deps.db, deps.storeId, orderId)
  if (row === undefined) return fail('order_not_found', 'No such order in this store.')
  const original = JSON.parse(row.data) as Order
  const sent: Array<{ item: LineItem; variant: DemoVariant; quantity: number }> = []
  for (const wish of input.exchange) {
    const line = lineProduct(original, wish.lineItemId)
    if (!line.ok) return line
    const variant = line.product.variants.find((x) => x.sku === wish.variantId)
    if (variant === undefined) {
      return fail(
        'variant_not_allowed',
        `${wish.variantId} is not a variant of “${line.product.title}”.`,
      )
    }
    sent.push({ item: line.item, variant, quantity: wish.quantity })
  }
  const id = exchangeOrderId(deps.storeId, input.idempotencyKey)
  const count = (original.linkedOrders ?? []).filter((l) => l.relation === 'exchange').length
  const name = `${original.name}E${count === 0 ? '' : count + 1}`
  const now = deps.clock.now()
  const at = now.toISOString()
  // The stock goes first: a variant that ran out refuses the whole exchange before anything
  // is written to either order.
  const short = await deps.db
    .transaction()
    .execute(async (trx) => {
      for (const s of sent) {
        const taken = await takeDemoStock(trx, {
          storeId: deps.storeId,
          variantId: s.variant.sku,
          quantity: s.quantity,
          startingLevel: s.variant.startingStock,
          now,
        })
        if (!taken) throw new OutOfStock(s.variant, s.item.title)
      }
    })
    .then(
      () => null,
      (err: unknown) => {
        if (err instanceof OutOfStock) return err
        throw err
      },
    )
  if (short !== null) {
    return fail('out_of_stock', `“${short.product} — ${short.variant.title}” is out of stock.`)
  }
  const opened = await deps.mutate(orderId, (order, when) => {
    const result = openReturn(order, input, when, `rt_${id.slice(4)}`)
    if (!result.ok) return result
    const after = result.value.order
    after.linkedOrders = [
      ...(after.linkedOrders ?? []),
      { relation: 'exchange', orderId: id, orderName: name, at },
    ]
    return {
      ok: true,
      value: {
        order: after,
        value: result.value.value,
        log: { ...result.value.log, details: { ...result.value.log.details, exchangeOrderId: id } },
      },
    }
  })
  if (!opened.ok) {
    await putBack(deps, sent, now)
    return opened
  }
  await insertDemoOrders(deps.db, [
    exchangeOrderRow(deps.storeId, original, { id, name, at }, sent),
  ])
  return { ok: true, value: { returnId: opened.value.returnId, orderId: id, orderName: name } }
}

class OutOfStock extends Error {
  readonly variant: DemoVariant
  readonly product: string
  constructor(variant: DemoVariant, product: string) {
    super(`${variant.sku} is out of stock`)
    this.variant = variant
    this.product = product
  }
}

async function putBack(
  deps: DemoExchangeDeps,
  sent: Array<{ variant: DemoVariant; quantity: number }>,
  now: Date,
): Promise<void> {
  for (const s of sent) {
    await takeDemoStock(deps.db, {
      storeId: deps.storeId,
      variantId: s.variant.sku,
      quantity: -s.quantity,
      startingLevel: s.variant.startingStock,
      now,
    })
  }
}

function exchangeOrderRow(
  storeId: string,
  original: Order,
  made: { id: string; name: string; at: string },
  sent: Array<{ item: LineItem; variant: DemoVariant; quantity: number }>,
) {
  const money = (amount: number) => ({ amount, currency: original.currency })
  const lineItems: LineItem[] = sent.map((s, i) => ({
    id: `li_${i + 1}`,
    title: s.item.title,
    variantTitle: s.variant.title,
    sku: s.variant.sku,
    quantity: s.quantity,
    price: money(s.variant.price),
    imageUrl: s.item.imageUrl,
    finalSale: false,
    giftCard: false,
    refundedQuantity: 0,
  }))
  const value = lineItems.reduce((sum, l) => sum + l.price.amount * l.quantity, 0)
  const order: Order = {
    id: made.id,
    name: made.name,
    email: original.email,
    phone: original.phone,
    createdAt: made.at,
    updatedAt: made.at,
    cancelledAt: null,
    closedAt: null,
    status: 'open',
    // Nothing to pay: the goods are discounted in full, so the order is settled as it is.
    financialStatus: 'paid',
    fulfillmentStatus: 'unfulfilled',
    deliveryMethod: original.deliveryMethod === 'pickup' ? 'pickup' : 'shipping',
    shippingMethod: original.shippingMethod,
    shippingAddress: original.shippingAddress,
    billingAddress: original.billingAddress,
    paymentMethod: null,
    lineItems,
    shipments: [],
    totals: {
      subtotal: money(value),
      shipping: money(0),
      tax: money(0),
      discount: money(value),
      total: money(0),
      paid: money(0),
      refunded: money(0),
    },
    currency: original.currency,
    tags: ['exchange'],
    paidAt: null,
    refunds: [],
    returns: [],
    linkedOrders: [
      { relation: 'exchange_of', orderId: original.id, orderName: original.name, at: made.at },
    ],
  }
  return {
    store_id: storeId,
    id: order.id,
    name: order.name,
    email: order.email?.toLowerCase() ?? null,
    phone: order.phone,
    created_at: Date.parse(made.at),
    updated_at: Date.parse(made.at),
    version: 1,
    data: JSON.stringify(order),
    staff_log: JSON.stringify([
      { at: made.at, action: 'exchange', details: { exchangeOf: original.id } },
    ]),
  }
}
