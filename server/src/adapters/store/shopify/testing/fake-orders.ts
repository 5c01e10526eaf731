import type {
  MailingAddress,
  MoneyBag,
  RawCustomer,
  RawFulfillment,
  RawFulfillmentEvent,
  RawLineItem,
  RawOrder,
  RawRefund,
  RawTransaction,
} from '../shopify-types.ts'

/**
 * Builders for realistic Admin API (2026-10) order shapes, as our documents select them.
 * Ids follow Shopify's global-id form; amounts are decimal strings.
 */

let seq = 1000
const next = () => String(++seq)

export function money(amount: string, currencyCode = 'EUR'): MoneyBag {
  return { presentmentMoney: { amount, currencyCode } }
}

export function address(overrides: Partial<MailingAddress> = {}): MailingAddress {
  return {
    name: 'Ada Lovelace',
    company: null,
    address1: '12 Rue des Lilas',
    address2: null,
    city: 'Lyon',
    provinceCode: null,
    province: null,
    zip: '69003',
    countryCodeV2: 'FR',
    phone: '+33612345678',
    ...overrides,
  }
}

export function customer(
  overrides: Partial<RawCustomer> & { email?: string; phone?: string } = {},
) {
  const id = overrides.legacyResourceId ?? next()
  const { email, phone, ...rest } = overrides
  const c: RawCustomer = {
    id: `gid://shopify/Customer/${id}`,
    legacyResourceId: id,
    defaultEmailAddress: { emailAddress: email ?? 'ada@example.com' },
    defaultPhoneNumber: phone === undefined ? null : { phoneNumber: phone },
    ...rest,
  }
  return c
}

export function lineItem(overrides: Partial<RawLineItem> = {}): RawLineItem {
  return {
    id: `gid://shopify/LineItem/${next()}`,
    title: 'Linen throw',
    variantTitle: 'Sand / Large',
    sku: 'LIN-THR-SL',
    quantity: 1,
    currentQuantity: 1,
    refundableQuantity: 1,
    isGiftCard: false,
    originalUnitPriceSet: money('49.00'),
    image: { url: 'https://cdn.shopify.com/s/files/1/0000/linen.jpg' },
    ...overrides,
  }
}

export function fulfillmentEvent(
  status: string,
  happenedAt: string,
  overrides: Partial<RawFulfillmentEvent> = {},
): RawFulfillmentEvent {
  return {
    id: `gid://shopify/FulfillmentEvent/${next()}`,
    status,
    happenedAt,
    createdAt: happenedAt,
    message: null,
    city: null,
    province: null,
    country: null,
    estimatedDeliveryAt: null,
    ...overrides,
  }
}

export function fulfillment(
  lines: RawLineItem[],
  overrides: Partial<RawFulfillment> & { eventList?: RawFulfillmentEvent[] } = {},
): RawFulfillment {
  const id = next()
  const { eventList, ...rest } = overrides
  return {
    id: `gid://shopify/Fulfillment/${id}`,
    legacyResourceId: id,
    name: '#1001-F1',
    status: 'SUCCESS',
    displayStatus: 'FULFILLED',
    createdAt: '2026-01-10T09:00:00Z',
    updatedAt: '2026-01-10T09:00:00Z',
    inTransitAt: null,
    deliveredAt: null,
    estimatedDeliveryAt: null,
    trackingInfo: [
      {
        company: 'La Poste',
        number: '6A12345678901',
        url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
      },
    ],
    events: { nodes: eventList ?? [] },
    fulfillmentLineItems: {
      nodes: lines.map((li) => ({
        id: `gid://shopify/FulfillmentLineItem/${next()}`,
        quantity: li.quantity,
        lineItem: { id: li.id },
      })),
    },
    ...rest,
  }
}

export function saleTransaction(
  amount: string,
  overrides: Partial<RawTransaction> = {},
): RawTransaction {
  return {
    id: `gid://shopify/OrderTransaction/${next()}`,
    kind: 'SALE',
    status: 'SUCCESS',
    gateway: 'shopify_payments',
    formattedGateway: 'Shopify Payments',
    amountSet: money(amount),
    parentTransaction: null,
    paymentDetails: {
      __typename: 'CardPaymentDetails',
      company: 'Visa',
      number: '•••• •••• •••• 4242',
    },
    processedAt: null,
    ...overrides,
  }
}

/** A refund record as `Order.refunds` lists it; no lines for an appeasement. */
export function refundRecord(
  amount: string,
  createdAt: string,
  lines: Array<{ lineItemId: string; quantity: number }> = [],
  currencyCode = 'EUR',
): RawRefund {
  return {
    id: `gid://shopify/Refund/${next()}`,
    createdAt,
    totalRefundedSet: money(amount, currencyCode),
    refundLineItems: {
      nodes: lines.map((l) => ({ quantity: l.quantity, lineItem: { id: l.lineItemId } })),
    },
  }
}

export interface OrderSeed extends Partial<RawOrder> {
  lines?: RawLineItem[]
}

/** A paid, unfulfilled order of one line, unless overridden. */
export function order(seed: OrderSeed = {}): RawOrder {
  const id = seed.legacyResourceId ?? next()
  const { lines, ...rest } = seed
  const items = lines ?? [lineItem()]
  const total = rest.totalPriceSet?.presentmentMoney.amount ?? '54.90'
  const createdAt = rest.createdAt ?? '2026-01-08T10:15:00Z'
  return {
    id: `gid://shopify/Order/${id}`,
    legacyResourceId: id,
    name: `#${id}`,
    email: 'ada@example.com',
    phone: null,
    createdAt: '2026-01-08T10:15:00Z',
    updatedAt: '2026-01-08T10:16:00Z',
    cancelledAt: null,
    closedAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    returnStatus: 'NO_RETURN',
    requiresShipping: true,
    presentmentCurrencyCode: 'EUR',
    tags: [],
    paymentGatewayNames: ['shopify_payments'],
    customer: customer(),
    shippingLine: { title: 'Colissimo', deliveryCategory: 'shipping' },
    shippingAddress: address(),
    billingAddress: address(),
    subtotalPriceSet: money('49.00'),
    totalShippingPriceSet: money('5.90'),
    totalTaxSet: money('9.15'),
    totalDiscountsSet: money('0.00'),
    totalPriceSet: money(total),
    totalReceivedSet: money(total),
    totalRefundedSet: money('0.00'),
    lineItems: { nodes: items, pageInfo: { hasNextPage: false } },
    fulfillments: [],
    // Paid at checkout, a few seconds after the order was placed.
    transactions: [
      saleTransaction(total, { processedAt: new Date(Date.parse(createdAt) + 5000).toISOString() }),
    ],
    cancelReason: null,
    refunds: [],
    ...rest,
  }
}
