/**
 * Small builders that keep the demo fixture readable: a shopper, a product catalogue, and an
 * order spec with dates relative to the seed time, turned into full normalized orders.
 */
import type {
  Address,
  FinancialStatus,
  FulfillmentStatus,
  LineItem,
  Order,
  OrderReturn,
  OrderStatus,
  PaymentMethod,
  Shipment,
  ShipmentEventKind,
} from '@porchlight/shared/orders/model'

export interface DemoShopper {
  name: string
  email: string
  /** E.164. */
  phone: string
  currency: string
  address: Address
}

export interface DemoProduct {
  title: string
  variantTitle: string | null
  sku: string
  /** Unit price in minor units of the shopper's currency. */
  price: number
  finalSale?: boolean
  giftCard?: boolean
  /** The product's picture: on our own origin (routes/demo/demo-images.ts), never outside. */
  imageUrl?: string
}

export interface ShipmentSpec {
  carrier: string | null
  /** Index into the order's items (0-based) of what the parcel holds; all items when absent. */
  items?: number[]
  createdAt: string
  eta?: string
  tracked?: boolean
  events: Array<[ShipmentEventKind, string, string?]>
}

export interface OrderSpec {
  number: number
  shopper: DemoShopper
  /** Leave the email (or phone) off the order, as when it was placed by phone or in person. */
  contact?: 'email' | 'phone' | 'both'
  placedAt: string
  items: Array<[DemoProduct, number]>
  status?: OrderStatus
  financial: FinancialStatus
  fulfillment: FulfillmentStatus
  deliveryMethod?: Order['deliveryMethod']
  shippingMethod?: string
  payment?: PaymentMethod
  shipments?: ShipmentSpec[]
  /** [when, amount in minor units, refunded item indexes with quantities]. */
  refunds?: Array<[string, number, Array<[number, number]>?]>
  returns?: Array<Omit<OrderReturn, 'id' | 'lines'> & { items: Array<[number, number]> }>
  cancelledAt?: string
  cancelReason?: Order['cancelReason']
  closedAt?: string
  tags?: string[]
}

const card: PaymentMethod = { kind: 'card', label: 'Visa •••• 4242' }

/** Builds the full normalized order a spec describes, with totals that add up. */
export function buildDemoOrder(spec: OrderSpec, id: string): Order {
  const { shopper } = spec
  const money = (amount: number) => ({ amount, currency: shopper.currency })
  const lineItems: LineItem[] = spec.items.map(([product, quantity], i) => ({
    id: `li_${i + 1}`,
    title: product.title,
    variantTitle: product.variantTitle,
    sku: product.sku,
    quantity,
    price: money(product.price),
    imageUrl: product.imageUrl ?? null,
    finalSale: product.finalSale ?? false,
    giftCard: product.giftCard ?? false,
    refundedQuantity: 0,
  }))
  const refunds = (spec.refunds ?? []).map(([createdAt, amount, lines = []], i) => ({
    id: `re_${i + 1}`,
    createdAt,
    amount: money(amount),
    lines: lines.map(([item, quantity]) => ({ lineItemId: `li_${item + 1}`, quantity })),
  }))
  for (const refund of refunds) {
    for (const line of refund.lines) {
      const item = lineItems.find((l) => l.id === line.lineItemId)
      if (item !== undefined) item.refundedQuantity += line.quantity
    }
  }
  const deliveryMethod = spec.deliveryMethod ?? 'shipping'
  const subtotal = lineItems.reduce((sum, l) => sum + l.price.amount * l.quantity, 0)
  const shipping = deliveryMethod === 'shipping' ? 595 : 0
  const total = subtotal + shipping
  const paid = paidAmount(spec.financial, total)
  const contact = spec.contact ?? 'both'
  const lastUpdate = [spec.placedAt, spec.cancelledAt, spec.closedAt]
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop()
  return {
    id,
    name: `#${spec.number}`,
    email: contact === 'phone' ? null : shopper.email,
    phone: contact === 'email' ? null : shopper.phone,
    createdAt: spec.placedAt,
    updatedAt: lastUpdate ?? spec.placedAt,
    cancelledAt: spec.cancelledAt ?? null,
    closedAt: spec.closedAt ?? spec.cancelledAt ?? null,
    status: spec.status ?? (spec.cancelledAt !== undefined ? 'cancelled' : 'open'),
    financialStatus: spec.financial,
    fulfillmentStatus: spec.fulfillment,
    deliveryMethod,
    shippingMethod:
      spec.shippingMethod ?? (deliveryMethod === 'pickup' ? 'Store pickup' : 'Standard shipping'),
    shippingAddress: deliveryMethod === 'shipping' ? shopper.address : null,
    billingAddress: shopper.address,
    paymentMethod: spec.payment ?? card,
    lineItems,
    shipments: (spec.shipments ?? []).map((s, i) => buildShipment(s, i, lineItems, spec.number)),
    totals: {
      subtotal: money(subtotal),
      shipping: money(shipping),
      tax: money(0),
      discount: money(0),
      total: money(total),
      paid: money(paid),
      refunded: money(refunds.reduce((sum, r) => sum + r.amount.amount, 0)),
    },
    currency: shopper.currency,
    tags: spec.tags ?? [],
    paidAt: paid > 0 ? spec.placedAt : null,
    cancelReason: spec.cancelReason ?? null,
    refunds,
    returns: (spec.returns ?? []).map(({ items, ...ret }, i) => ({
      ...ret,
      id: `rt_${i + 1}`,
      lines: items.map(([item, quantity]) => ({ lineItemId: `li_${item + 1}`, quantity })),
    })),
  }
}

function paidAmount(financial: FinancialStatus, total: number): number {
  switch (financial) {
    case 'paid':
    case 'partially_refunded':
    case 'refunded':
      return total
    case 'partially_paid':
      return Math.round(total / 2)
    default:
      return 0
  }
}

function buildShipment(spec: ShipmentSpec, index: number, lines: LineItem[], orderNumber: number) {
  const tracked = spec.tracked ?? true
  const trackingNumber = tracked ? `LL${orderNumber}${index + 1}` : null
  const held = spec.items ?? lines.map((_, i) => i)
  const shipment: Shipment = {
    id: `sh_${index + 1}`,
    carrier: spec.carrier,
    trackingNumber,
    trackingUrl: trackingNumber && `https://tracking.example.com/${trackingNumber}`,
    estimatedDeliveryAt: spec.eta ?? null,
    createdAt: spec.createdAt,
    events: spec.events.map(([kind, at, message]) =>
      message ? { kind, at, message } : { kind, at },
    ),
    lines: held.map((i) => ({ lineItemId: `li_${i + 1}`, quantity: lines[i]?.quantity ?? 1 })),
  }
  return shipment
}
