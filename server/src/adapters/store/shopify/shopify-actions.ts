import { randomUUID } from 'node:crypto'
import type { Money, Order } from '@porchlight/shared/orders/model'
import type { CancelInput, RefundInput, ReturnInput, StoreActionResult } from '../store-adapter.ts'
import type { ClientResult } from './admin-client.ts'
import { toDecimal, toMoney } from './money.ts'
import {
  gid,
  isShopifyNumericId,
  jobStatus,
  legacyId,
  orderCancel,
  refundCreate,
  returnApproveRequest,
  returnReasonDefinitions,
  returnRequest,
  type RefundCreateVariables,
  type ReturnReasonDefinition,
} from './operations.ts'
import type { OrderStore } from './order-store.ts'
import type { RawOrder, RawTransaction, UserError } from './shopify-types.ts'

/**
 * An agent's decisions, carried out on Shopify. Every expected failure is a value with a code;
 * Shopify's own refusals (userErrors) come back as `store_rejected` with Shopify's message so
 * the agent reads exactly what Shopify said.
 */

export type Fail = { ok: false; code: string; message: string }

export const fail = (code: string, message: string): Fail => ({ ok: false, code, message })

export function fromClient(
  result: Extract<ClientResult<unknown>, { ok: false }>,
  mutation: boolean,
): Fail {
  if (result.failure === 'unauthorized') {
    return fail('store_auth_failed', 'Shopify refused our access token; reconnect the store.')
  }
  if (result.failure === 'unavailable' && mutation) {
    // Not retried on our side: the change may or may not have happened.
    return fail(
      'store_unavailable',
      'Shopify did not confirm the change. Check the order in Shopify before trying again.',
    )
  }
  return fail('store_unavailable', 'Shopify is not answering right now; try again in a moment.')
}

export function rejected(errors: UserError[]): Fail {
  return fail('store_rejected', errors.map((e) => e.message).join('; '))
}

export async function currentOrder(
  orders: OrderStore,
  orderId: string,
): Promise<{ ok: true; raw: RawOrder } | Fail> {
  if (!isShopifyNumericId(orderId)) return fail('order_not_found', 'No such order in this store.')
  const result = await orders.fetchRaw(orderId)
  if (!result.ok) return fromClient(result, false)
  if (result.data === null) return fail('order_not_found', 'No such order in this store.')
  return { ok: true, raw: result.data }
}

/**
 * Re-reads the order after a change so the caller and the cache see Shopify's result. If that
 * read fails the change still happened: answer with the order as it was, and leave the cache
 * expired so the next read asks Shopify.
 */
export async function afterChange(
  orders: OrderStore,
  orderId: string,
  before: RawOrder,
): Promise<StoreActionResult<Order>> {
  await orders.invalidate(orderId)
  const result = await orders.fetchRaw(orderId)
  if (result.ok && result.data !== null)
    return { ok: true, value: await orders.save(result.data, null) }
  return { ok: true, value: orders.map(before) }
}

const cancelReasons: Record<CancelInput['reason'], string> = {
  customer: 'CUSTOMER',
  declined: 'DECLINED',
  fraud: 'FRAUD',
  inventory: 'INVENTORY',
  other: 'OTHER',
}

/** How long to wait for Shopify's cancellation job before reading the order back. */
const JOB_POLL_MS = [250, 500, 1000, 2000]

export async function cancelOrder(
  orders: OrderStore,
  orderId: string,
  input: CancelInput,
): Promise<StoreActionResult<Order>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const result = await orders.deps.client.request(orderCancel, {
    orderId: current.raw.id,
    reason: cancelReasons[input.reason],
    refundMethod: { originalPaymentMethodsRefund: input.refund },
    restock: input.restock,
    staffNote: input.staffNote?.slice(0, 255) ?? null,
    notifyCustomer: true,
  })
  if (!result.ok) return fromClient(result, true)
  const payload = result.data.orderCancel
  if (payload === null) return fail('store_rejected', 'Shopify did not cancel the order.')
  if (payload.orderCancelUserErrors.length > 0) return rejected(payload.orderCancelUserErrors)
  // orderCancel runs as a job; give it a moment so the order we return shows the outcome.
  // If it is still running, the orders/cancelled webhook brings the cache up to date.
  let job = payload.job
  for (const wait of JOB_POLL_MS) {
    if (job === null || job.done) break
    await orders.deps.sleep(wait)
    const polled = await orders.deps.client.request(jobStatus, { id: job.id })
    job = polled.ok ? polled.data.job : null
  }
  return afterChange(orders, orderId, current.raw)
}

interface Charge {
  tx: RawTransaction
  remaining: number
}

/** What is left to refund, per original charge (oldest first). */
export function refundableCharges(raw: RawOrder): { charges: Charge[]; total: number } {
  const currency = raw.presentmentCurrencyCode
  const amountOf = (t: RawTransaction) =>
    toMoney(t.amountSet.presentmentMoney.amount, currency).amount
  const ok = raw.transactions.filter((t) => t.status === 'SUCCESS')
  const refunds = ok.filter((t) => t.kind === 'REFUND')
  const charges = ok
    .filter((t) => t.kind === 'SALE' || t.kind === 'CAPTURE')
    .map((tx) => ({
      tx,
      remaining:
        amountOf(tx) -
        refunds
          .filter((r) => r.parentTransaction?.id === tx.id)
          .reduce((sum, r) => sum + amountOf(r), 0),
    }))
    .filter((c) => c.remaining > 0 && c.tx.gateway !== null)
  const byCharges = charges.reduce((sum, c) => sum + c.remaining, 0)
  // Cross-check with Shopify's own totals, in case a refund did not name its parent.
  const received = toMoney(raw.totalReceivedSet.presentmentMoney.amount, currency).amount
  const refunded = toMoney(raw.totalRefundedSet.presentmentMoney.amount, currency).amount
  return { charges, total: Math.max(0, Math.min(byCharges, received - refunded)) }
}

/** Back to the original payment methods: the amount split over the charges it came from. */
export function splitOverCharges(
  charges: Charge[],
  amount: number,
): Array<{ tx: RawTransaction; part: number }> {
  let left = amount
  const parts: Array<{ tx: RawTransaction; part: number }> = []
  for (const c of charges) {
    if (left === 0) break
    const part = Math.min(left, c.remaining)
    left -= part
    parts.push({ tx: c.tx, part })
  }
  return parts
}

export function format(m: Money): string {
  return `${toDecimal(m)} ${m.currency}`
}

export async function refundOrder(
  orders: OrderStore,
  orderId: string,
  input: RefundInput,
): Promise<StoreActionResult<Order>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const raw = current.raw
  const currency = raw.presentmentCurrencyCode
  if (input.amount.currency !== currency) {
    return fail('currency_mismatch', `This order was paid in ${currency}.`)
  }
  if (!Number.isInteger(input.amount.amount) || input.amount.amount <= 0) {
    return fail('invalid_amount', 'A refund must be a positive amount.')
  }
  const { charges, total } = refundableCharges(raw)
  if (input.amount.amount > total) {
    return fail(
      'refund_exceeds_remaining',
      `Only ${format({ amount: total, currency })} remains refundable on this order.`,
    )
  }
  const refundLineItems: RefundCreateVariables['input']['refundLineItems'] = []
  for (const line of input.lines ?? []) {
    const item = raw.lineItems.nodes.find((li) => legacyId(li.id) === line.lineItemId)
    if (item === undefined || line.quantity < 1 || line.quantity > item.refundableQuantity) {
      return fail(
        'invalid_lines',
        `Line ${line.lineItemId} cannot be refunded ${line.quantity} times.`,
      )
    }
    refundLineItems.push({
      lineItemId: item.id,
      quantity: line.quantity,
      restockType: 'NO_RESTOCK',
    })
  }
  const transactions: RefundCreateVariables['input']['transactions'] = splitOverCharges(
    charges,
    input.amount.amount,
  ).map(({ tx, part }) => ({
    orderId: raw.id,
    parentId: tx.id,
    gateway: tx.gateway as string,
    kind: 'REFUND',
    amount: toDecimal({ amount: part, currency }),
  }))
  const result = await orders.deps.client.request(refundCreate, {
    idempotencyKey: input.idempotencyKey ?? `porchlight-${randomUUID()}`,
    input: {
      orderId: raw.id,
      currency,
      note: input.note?.slice(0, 255) ?? null,
      notify: true,
      refundLineItems,
      transactions,
    },
  })
  if (!result.ok) return fromClient(result, true)
  const payload = result.data.refundCreate
  if (payload === null || payload.userErrors.length > 0) {
    return rejected(payload?.userErrors ?? [{ field: null, message: 'Shopify did not refund.' }])
  }
  return afterChange(orders, orderId, raw)
}

/**
 * Our free-text return reasons to the kind of reason Shopify's definitions name, as words
 * their handles are made of (`damaged`, `wrong-item`, `too-small`, ...).
 */
export function returnReason(reason: string): string[] {
  const r = reason.toLowerCase()
  if (/defect|damag|broken|faulty/.test(r)) return ['damaged', 'defective', 'quality']
  if (/wrong/.test(r)) return ['wrong-item', 'wrong']
  if (/not.as.described|description/.test(r)) return ['not-as-described']
  if (/too.small|small/.test(r)) return ['too-small', 'too-tight']
  if (/too.large|too.big|large|big/.test(r)) return ['too-large', 'too-big', 'too-loose']
  if (/colou?r/.test(r)) return ['color']
  if (/style/.test(r)) return ['style']
  if (/unwanted|changed.*mind|no.longer|not.needed|don.?t.(want|need)/.test(r)) {
    return ['changed-mind', 'unwanted', 'no-longer-needed']
  }
  return ['other']
}

/**
 * The definition for a reason: the first live one whose handle holds one of the reason's words
 * (in the order given), else Shopify's `other`; null when the shop has neither, and the
 * shopper's words still travel in the customer note.
 */
export function pickReturnReason(
  definitions: ReturnReasonDefinition[],
  reason: string,
): ReturnReasonDefinition | null {
  const live = definitions.filter((d) => !d.deleted)
  for (const word of [...returnReason(reason), 'other']) {
    const exact = live.find((d) => d.handle === word)
    if (exact !== undefined) return exact
    const partial = live.find((d) => d.handle.includes(word))
    if (partial !== undefined) return partial
  }
  return null
}

export async function createReturn(
  orders: OrderStore,
  orderId: string,
  input: ReturnInput,
): Promise<StoreActionResult<{ returnId: string; reference?: string }>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const raw = current.raw
  const note = [input.reason, input.note].filter((s) => s && s.trim() !== '').join(' - ')
  const spread = shippedUnits(raw, input.lines)
  if (!spread.ok) return spread
  const returnLineItems = spread.units.map((u) => ({
    ...u,
    returnReasonDefinitionId: null as string | null,
    customerNote: note === '' ? null : note.slice(0, 300),
  }))
  // Asked only for a return that can be made; the library is the same for every shop.
  const reasons = await orders.deps.client.request(returnReasonDefinitions, {})
  if (!reasons.ok) return fromClient(reasons, false)
  const definition = pickReturnReason(reasons.data.returnReasonDefinitions.nodes, input.reason)
  for (const item of returnLineItems) item.returnReasonDefinitionId = definition?.id ?? null
  const requested = await orders.deps.client.request(returnRequest, {
    input: { orderId: raw.id, returnLineItems },
  })
  if (!requested.ok) return fromClient(requested, true)
  const req = requested.data.returnRequest
  if (req === null || req.userErrors.length > 0 || req.return === null) {
    return rejected(
      req?.userErrors.length
        ? req.userErrors
        : [{ field: null, message: 'Shopify did not open the return.' }],
    )
  }
  const returnId = req.return.id
  await orders.invalidate(orderId)
  const approved = await orders.deps.client.request(returnApproveRequest, {
    input: { id: returnId },
  })
  if (!approved.ok) return fromClient(approved, true)
  const appr = approved.data.returnApproveRequest
  if (appr === null || appr.userErrors.length > 0) {
    const why = appr?.userErrors.map((e) => e.message).join('; ') ?? 'no answer'
    return fail(
      'store_rejected',
      `Shopify opened the return request but did not approve it: ${why}`,
    )
  }
  const reference = appr.return?.name
  return {
    ok: true,
    value: { returnId: legacyId(returnId), ...(reference ? { reference } : {}) },
  }
}

/**
 * Shopify returns fulfilment line items, not order lines: each requested quantity spread over
 * the shipments that carried that line; `not_returnable` when fewer units were shipped.
 */
export function shippedUnits(
  raw: RawOrder,
  lines: Array<{ lineItemId: string; quantity: number }>,
): { ok: true; units: Array<{ fulfillmentLineItemId: string; quantity: number }> } | Fail {
  const shipped = raw.fulfillments
    .filter((f) => f.status !== 'CANCELLED' && f.displayStatus !== 'CANCELED')
    .flatMap((f) => f.fulfillmentLineItems.nodes)
  const units = []
  for (const line of lines) {
    let left = line.quantity
    for (const fli of shipped.filter((n) => legacyId(n.lineItem.id) === line.lineItemId)) {
      if (left === 0) break
      const qty = Math.min(left, fli.quantity)
      left -= qty
      units.push({ fulfillmentLineItemId: fli.id, quantity: qty })
    }
    if (line.quantity < 1 || left > 0) {
      return fail(
        'not_returnable',
        `Line ${line.lineItemId} was not shipped ${line.quantity} times.`,
      )
    }
  }
  return { ok: true, units }
}
