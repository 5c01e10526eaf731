import type { Order } from '@porchlight/shared/orders/model'
import type { ReceiveReturnInput, StoreActionResult } from '../store-adapter.ts'
import { toDecimal } from './money.ts'
import { gid, legacyId } from './operations.ts'
import type { OrderStore } from './order-store.ts'
import { returnById, returnProcess, type RawReturn } from './return-operations.ts'
import {
  afterChange,
  currentOrder,
  fail,
  format,
  fromClient,
  refundableCharges,
  rejected,
  splitOverCharges,
  type Fail,
} from './shopify-actions.ts'

/**
 * A Shopify return after its approval: its label (a reverse delivery the shop created) and the
 * receipt of units, processed with `returnProcess`, which refunds them in the same call.
 */

async function readReturn(
  orders: OrderStore,
  returnId: string,
): Promise<{ ok: true; ret: RawReturn } | Fail> {
  const result = await orders.deps.client.request(returnById, { id: gid('Return', returnId) })
  if (!result.ok) return fromClient(result, false)
  if (result.data.return === null) return fail('return_not_found', 'Shopify has no such return.')
  return { ok: true, ret: result.data.return }
}

export async function returnLabel(
  orders: OrderStore,
  returnId: string,
): Promise<StoreActionResult<{ url: string } | null>> {
  const read = await readReturn(orders, returnId)
  if (!read.ok) return read
  const url = read.ret.reverseFulfillmentOrders.nodes
    .flatMap((rfo) => rfo.reverseDeliveries.nodes)
    .map((d) => d.deliverable?.label?.publicFileUrl ?? null)
    .find((u): u is string => u !== null)
  return { ok: true, value: url === undefined ? null : { url } }
}

/** Our order lines to Shopify's return line items, spread over the ones still processable. */
function returnLineItems(
  ret: RawReturn,
  lines: ReceiveReturnInput['lines'],
): Array<{ id: string; quantity: number }> | Fail {
  const items: Array<{ id: string; quantity: number }> = []
  for (const line of lines) {
    let left = line.quantity
    for (const rli of ret.returnLineItems.nodes) {
      const lineItemId = rli.fulfillmentLineItem?.lineItem.id
      if (left === 0 || lineItemId === undefined || legacyId(lineItemId) !== line.lineItemId) {
        continue
      }
      const qty = Math.min(left, rli.processableQuantity)
      if (qty === 0) continue
      left -= qty
      items.push({ id: rli.id, quantity: qty })
    }
    if (line.quantity < 1 || left > 0) {
      return fail(
        'receipt_exceeds_return',
        `Shopify's return has fewer units of line ${line.lineItemId} still to process.`,
      )
    }
  }
  return items
}

export async function receiveReturn(
  orders: OrderStore,
  orderId: string,
  input: ReceiveReturnInput,
): Promise<StoreActionResult<Order>> {
  const current = await currentOrder(orders, orderId)
  if (!current.ok) return current
  const raw = current.raw
  const read = await readReturn(orders, input.returnId)
  if (!read.ok) return read
  if (read.ret.status !== 'OPEN') {
    return fail('return_not_open', `Shopify shows this return as ${read.ret.status.toLowerCase()}.`)
  }
  const items = returnLineItems(read.ret, input.lines)
  if (!Array.isArray(items)) return items
  let financialTransfer = null
  if (input.refund !== null && input.refund.amount > 0) {
    const currency = raw.presentmentCurrencyCode
    const { charges, total } = refundableCharges(raw)
    if (input.refund.currency !== currency || input.refund.amount > total) {
      return fail(
        'refund_exceeds_remaining',
        `Only ${format({ amount: total, currency })} remains refundable on this order.`,
      )
    }
    financialTransfer = {
      issueRefund: {
        orderTransactions: splitOverCharges(charges, input.refund.amount).map(({ tx, part }) => ({
          parentId: tx.id,
          transactionAmount: {
            amount: toDecimal({ amount: part, currency }),
            currencyCode: currency,
          },
        })),
      },
    }
  }
  const result = await orders.deps.client.request(returnProcess, {
    input: {
      returnId: read.ret.id,
      returnLineItems: items,
      financialTransfer,
      note: input.note?.slice(0, 255) ?? null,
      notifyCustomer: true,
    },
  })
  if (!result.ok) return fromClient(result, true)
  const payload = result.data.returnProcess
  if (payload === null || payload.userErrors.length > 0) {
    return rejected(
      payload?.userErrors ?? [{ field: null, message: 'Shopify did not process the return.' }],
    )
  }
  return afterChange(orders, orderId, raw)
}
