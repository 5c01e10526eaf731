import type {
  Address,
  FulfillmentStatus,
  LineItem,
  Order,
  OrderRefund,
  PaymentMethod,
  Shipment,
  ShipmentEvent,
} from '@porchlight/shared/orders/model'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { toMoney } from './money.ts'
import { legacyId } from './operations.ts'
import type {
  MailingAddress,
  MoneyBag,
  RawFulfillment,
  RawOrder,
  RawRefund,
  RawTransaction,
} from './shopify-types.ts'
import {
  mapCancelReason,
  mapDisplayStatus,
  mapEventStatus,
  mapFinancialStatus,
  mapFulfillmentStatus,
  type OnUnknown,
} from './status-mapping.ts'

/** A phone as E.164, or null when it cannot be read as a full international number. */
export function normalizePhone(value: string | null | undefined, country?: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null
  const parsed = parsePhoneNumberFromString(value, (country || undefined) as CountryCode)
  return parsed?.isValid() ? parsed.number : null
}

/** Lower-cased, trimmed email or null. */
export function normalizeEmail(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase()
  return v ? v : null
}

/**
 * The newest Shopify timestamp an order snapshot reflects. Fulfilment and tracking changes do
 * not always bump the order's own `updatedAt`, so they count too; webhooks are compared with
 * this to drop stale deliveries.
 */
export function snapshotVersion(raw: RawOrder): number {
  let v = Date.parse(raw.updatedAt)
  for (const f of raw.fulfillments) {
    v = Math.max(v, Date.parse(f.updatedAt))
    for (const e of f.events.nodes) v = Math.max(v, Date.parse(e.createdAt))
  }
  return v
}

/** Shopify's order shape (Admin GraphQL) to our order model. Pure; unknown enums are reported. */
export function mapOrder(raw: RawOrder, onUnknown: OnUnknown): Order {
  const currency = raw.presentmentCurrencyCode
  const money = (bag: MoneyBag | null) =>
    bag === null
      ? { amount: 0, currency }
      : toMoney(bag.presentmentMoney.amount, bag.presentmentMoney.currencyCode)
  const country = raw.shippingAddress?.countryCodeV2 ?? raw.billingAddress?.countryCodeV2 ?? ''
  const shipments = raw.fulfillments.map((f) => mapShipment(f, onUnknown))
  const customer = raw.customer
  return {
    id: raw.legacyResourceId,
    name: raw.name,
    email: raw.email ?? customer?.defaultEmailAddress?.emailAddress ?? null,
    // The customer's number first: phone sign-in finds orders through the customer record.
    phone:
      normalizePhone(customer?.defaultPhoneNumber?.phoneNumber, country) ??
      normalizePhone(raw.phone, country),
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    cancelledAt: raw.cancelledAt,
    closedAt: raw.closedAt,
    status: raw.cancelledAt !== null ? 'cancelled' : raw.closedAt !== null ? 'archived' : 'open',
    financialStatus: mapFinancialStatus(raw.displayFinancialStatus, onUnknown),
    fulfillmentStatus: orderFulfillmentStatus(raw, onUnknown),
    deliveryMethod: deliveryMethod(raw),
    shippingMethod: raw.shippingLine?.title ?? null,
    shippingAddress: mapAddress(raw.shippingAddress),
    billingAddress: mapAddress(raw.billingAddress),
    paymentMethod: paymentMethod(raw.transactions, raw.paymentGatewayNames),
    lineItems: raw.lineItems.nodes.map((li): LineItem => ({
      id: legacyId(li.id),
      title: li.title,
      variantTitle: li.variantTitle,
      sku: li.sku,
      quantity: li.quantity,
      price: money(li.originalUnitPriceSet),
      imageUrl: li.image?.url ?? null,
      // Shopify has no final-sale flag on lines; stores mark final sale with an order tag.
      finalSale: false,
      giftCard: li.isGiftCard,
      refundedQuantity: Math.max(0, li.quantity - li.currentQuantity),
    })),
    shipments,
    totals: {
      subtotal: money(raw.subtotalPriceSet),
      shipping: money(raw.totalShippingPriceSet),
      tax: money(raw.totalTaxSet),
      discount: money(raw.totalDiscountsSet),
      total: money(raw.totalPriceSet),
      paid: money(raw.totalReceivedSet),
      refunded: money(raw.totalRefundedSet),
    },
    currency,
    tags: raw.tags,
    paidAt: paidAt(raw.transactions),
    cancelReason: raw.cancelledAt === null ? null : mapCancelReason(raw.cancelReason, onUnknown),
    refunds: (raw.refunds ?? []).flatMap((r) => mapRefund(r, money)),
  }
}

// When the money was taken: the first successful sale or capture (an authorization only holds).
function paidAt(transactions: RawTransaction[]): string | null {
  const times = transactions
    .filter((t) => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE'))
    .map((t) => t.processedAt)
    .filter((at): at is string => typeof at === 'string' && !Number.isNaN(Date.parse(at)))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
  return times[0] ?? null
}

function mapRefund(r: RawRefund, money: (bag: MoneyBag) => OrderRefund['amount']): OrderRefund[] {
  // An undated refund cannot sit on a timeline; its amount still counts in the order's totals.
  if (r.createdAt === null) return []
  return [
    {
      id: legacyId(r.id),
      createdAt: r.createdAt,
      amount: money(r.totalRefundedSet),
      lines: r.refundLineItems.nodes.map((n) => ({
        lineItemId: legacyId(n.lineItem.id),
        quantity: n.quantity,
      })),
    },
  ]
}

function mapShipment(f: RawFulfillment, onUnknown: OnUnknown): Shipment {
  const events: ShipmentEvent[] = f.events.nodes.map((e) => {
    const location = [e.city, e.province, e.country].filter((p) => p !== null && p !== '')
    return {
      kind: mapEventStatus(e.status, onUnknown),
      at: e.happenedAt,
      ...(e.message !== null && e.message !== '' ? { message: e.message } : {}),
      ...(location.length > 0 ? { location: location.join(', ') } : {}),
    }
  })
  const has = (kind: string) => events.some((e) => e.kind === kind)
  // Shops without carrier tracking still get these timestamps (a merchant marking a parcel
  // delivered, for instance): they become events so the timeline shows them.
  if (f.inTransitAt !== null && !has('in_transit')) {
    events.push({ kind: 'in_transit', at: f.inTransitAt })
  }
  if (f.deliveredAt !== null && !has('delivered')) {
    events.push({ kind: 'delivered', at: f.deliveredAt })
  }
  const current = mapDisplayStatus(f.displayStatus, onUnknown)
  if (f.status === 'CANCELLED' && !has('cancelled')) {
    events.push({ kind: 'cancelled', at: f.updatedAt })
  } else if (current !== null && current !== 'unknown' && !has(current)) {
    events.push({ kind: current, at: f.updatedAt })
  }
  const tracking = f.trackingInfo[0]
  const newestEstimate = f.events.nodes.find((e) => e.estimatedDeliveryAt !== null)
  return {
    id: f.legacyResourceId,
    carrier: tracking?.company ?? null,
    trackingNumber: tracking?.number ?? null,
    // Shopify takes any string here; only http(s) may become a link in the panel or console.
    trackingUrl: safeHttpUrl(tracking?.url),
    estimatedDeliveryAt: f.estimatedDeliveryAt ?? newestEstimate?.estimatedDeliveryAt ?? null,
    createdAt: f.createdAt,
    events,
    lines: f.fulfillmentLineItems.nodes.map((n) => ({
      lineItemId: legacyId(n.lineItem.id),
      quantity: n.quantity,
    })),
  }
}

function isActive(f: RawFulfillment): boolean {
  return f.status !== 'CANCELLED' && f.displayStatus !== 'CANCELED'
}

function orderFulfillmentStatus(raw: RawOrder, onUnknown: OnUnknown): FulfillmentStatus {
  const base = mapFulfillmentStatus(raw.displayFulfillmentStatus, onUnknown)
  if (raw.returnStatus === 'RETURNED') return 'returned'
  if (raw.cancelledAt !== null && base === 'unfulfilled') return 'cancelled'
  if (base !== 'fulfilled') return base
  // Shopify's order-level status stops at FULFILLED; the shipments say how far they got.
  const active = raw.fulfillments.filter(isActive)
  if (active.length === 0) return base
  if (active.every((f) => f.displayStatus === 'PICKED_UP')) return 'picked_up'
  if (active.every((f) => f.displayStatus === 'DELIVERED' || f.deliveredAt !== null)) {
    return 'delivered'
  }
  if (active.every((f) => f.displayStatus === 'READY_FOR_PICKUP')) return 'ready_for_pickup'
  return base
}

function deliveryMethod(raw: RawOrder): Order['deliveryMethod'] {
  const category = raw.shippingLine?.deliveryCategory?.toLowerCase().replace(/[^a-z]/g, '')
  if (category === 'pickup' || category === 'localpickup') return 'pickup'
  if (raw.fulfillments.some((f) => f.displayStatus === 'READY_FOR_PICKUP')) return 'pickup'
  if (raw.shippingLine === null && !raw.requiresShipping) return 'none'
  return 'shipping'
}

function mapAddress(a: MailingAddress | null): Address | null {
  if (a === null) return null
  return {
    name: a.name ?? '',
    company: a.company,
    line1: a.address1 ?? '',
    line2: a.address2,
    city: a.city ?? '',
    region: a.provinceCode ?? a.province,
    postalCode: a.zip,
    country: a.countryCodeV2 ?? '',
    phone: a.phone,
  }
}

function paymentMethod(transactions: RawTransaction[], gateways: string[]): PaymentMethod | null {
  const charges = transactions.filter(
    (t) => t.status === 'SUCCESS' && ['SALE', 'CAPTURE', 'AUTHORIZATION'].includes(t.kind),
  )
  const card = charges.find((t) => t.paymentDetails?.__typename === 'CardPaymentDetails')
  if (card !== undefined) {
    const last4 = /(\d{4})\s*$/.exec(card.paymentDetails?.number ?? '')?.[1]
    const brand = card.paymentDetails?.company ?? 'Card'
    return { kind: 'card', label: last4 ? `${brand} •••• ${last4}` : brand }
  }
  const first = charges[0]
  const gateway = first?.gateway ?? gateways[0]
  if (gateway === undefined || gateway === null) return null
  return { kind: gatewayKind(gateway), label: first?.formattedGateway ?? gateway }
}

function gatewayKind(gateway: string): PaymentMethod['kind'] {
  const g = gateway.toLowerCase()
  if (g.includes('paypal')) return 'paypal'
  if (g.includes('gift_card') || g.includes('gift card')) return 'gift_card'
  if (g.includes('cash on delivery') || g.includes('cash_on_delivery') || g === 'cod') {
    return 'cash_on_delivery'
  }
  if (g.includes('bank') || g.includes('wire')) return 'bank_transfer'
  return 'other'
}
