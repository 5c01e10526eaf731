import type { Money } from '@porchlight/shared/orders/model'
import { safeHttpUrl } from '@porchlight/shared/url/safe-url'

/**
 * What the ticket view shows of an order, read defensively from `TicketView.order` (typed
 * `unknown` in the contract: the orders API lands separately). It accepts the normalized Order
 * (shared/orders/model.ts) or `{ order, timeline?, displayStatus? }`, and any missing or
 * malformed part is simply left out, never thrown on.
 */
export interface OrderView {
  name: string | null
  /** The name on the order (shipping, else billing address), for a ticket that has none. */
  customerName: string | null
  status: string | null
  displayStatus: string | null
  financialStatus: string | null
  fulfillmentStatus: string | null
  createdAt: string | null
  payment: string | null
  totals: Array<{ label: string; money: Money }>
  /** Paid minus refunded, when both are known: the ceiling for a refund. */
  refundable: Money | null
  currency: string | null
  lines: Array<{
    id: string
    title: string
    variant: string | null
    sku: string | null
    quantity: number | null
    price: Money | null
    refundedQuantity: number
  }>
  /** `details` are the event's own texts (message, place), kept apart so each is isolated. */
  timeline: Array<{ kind: string; at: string; details: string[] }>
  shipments: Array<{
    id: string
    carrier: string | null
    trackingNumber: string | null
    trackingUrl: string | null
    estimatedDeliveryAt: string | null
  }>
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function money(v: unknown): Money | null {
  const o = obj(v)
  const amount = num(o?.['amount'])
  const currency = str(o?.['currency'])
  return amount !== null && currency !== null && /^[A-Z]{3}$/.test(currency)
    ? { amount, currency }
    : null
}

function timelineFrom(order: Obj, given: unknown[]): OrderView['timeline'] {
  const out: OrderView['timeline'] = []
  const push = (kind: unknown, at: unknown, ...details: unknown[]) => {
    const k = str(kind)
    const a = str(at)
    if (k !== null && a !== null && !Number.isNaN(Date.parse(a)))
      out.push({ kind: k, at: a, details: details.map(str).filter((d) => d !== null) })
  }
  if (given.length > 0) {
    for (const e of given) {
      const o = obj(e)
      push(o?.['kind'], o?.['at'], o?.['message'] ?? o?.['detail'] ?? o?.['location'])
    }
  } else {
    push('placed', order['createdAt'])
    push('cancelled', order['cancelledAt'])
    for (const s of arr(order['shipments'])) {
      const so = obj(s)
      push('shipped', so?.['createdAt'])
      for (const e of arr(so?.['events'])) {
        const eo = obj(e)
        push(eo?.['kind'], eo?.['at'], eo?.['message'], eo?.['location'])
      }
    }
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/** Reads an order for display; null when there is nothing that looks like one. */
export function readOrder(raw: unknown): OrderView | null {
  const outer = obj(raw)
  if (outer === undefined) return null
  const order = obj(outer['order']) ?? outer
  const totals = obj(order['totals'])
  const paid = money(totals?.['paid'])
  const refunded = money(totals?.['refunded'])
  const totalRows: OrderView['totals'] = []
  for (const [key, label] of [
    ['subtotal', 'Subtotal'],
    ['shipping', 'Shipping'],
    ['tax', 'Tax'],
    ['discount', 'Discount'],
    ['total', 'Total'],
    ['paid', 'Paid'],
    ['refunded', 'Refunded'],
  ] as const) {
    const m = money(totals?.[key])
    if (m !== null) totalRows.push({ label, money: m })
  }
  const refundable =
    paid !== null && refunded !== null && paid.currency === refunded.currency
      ? { amount: Math.max(0, paid.amount - refunded.amount), currency: paid.currency }
      : null
  const view: OrderView = {
    name: str(order['name']),
    customerName:
      str(obj(order['shippingAddress'])?.['name']) ?? str(obj(order['billingAddress'])?.['name']),
    status: str(order['status']),
    displayStatus: str(outer['displayStatus']) ?? str(order['displayStatus']),
    financialStatus: str(order['financialStatus']),
    fulfillmentStatus: str(order['fulfillmentStatus']),
    createdAt: str(order['createdAt']),
    payment: str(obj(order['paymentMethod'])?.['label']),
    totals: totalRows,
    refundable,
    currency: str(order['currency']) ?? paid?.currency ?? null,
    lines: arr(order['lineItems']).flatMap((l, i) => {
      const o = obj(l)
      if (o === undefined) return []
      return [
        {
          id: str(o['id']) ?? `line-${i}`,
          title: str(o['title']) ?? 'Untitled item',
          variant: str(o['variantTitle']),
          sku: str(o['sku']),
          quantity: num(o['quantity']),
          price: money(o['price']),
          refundedQuantity: num(o['refundedQuantity']) ?? 0,
        },
      ]
    }),
    timeline: timelineFrom(order, arr(outer['timeline'] ?? order['timeline'])),
    shipments: arr(order['shipments']).flatMap((s, i) => {
      const o = obj(s)
      if (o === undefined) return []
      return [
        {
          id: str(o['id']) ?? `shipment-${i}`,
          carrier: str(o['carrier']),
          trackingNumber: str(o['trackingNumber']),
          trackingUrl: safeHttpUrl(o['trackingUrl']),
          estimatedDeliveryAt: str(o['estimatedDeliveryAt']),
        },
      ]
    }),
  }
  return view
}
