import type { FakeShop } from './fake-shop.ts'
import { tail } from './fake-shop.ts'
import { money, refundRecord, saleTransaction } from './fake-orders.ts'
import type { RawOrder, UserError } from '../shopify-types.ts'
import { updateAddress } from './fake-address.ts'
import { answerReturnOperation, recordReturnLines, returnName } from './fake-returns.ts'

/**
 * The fake shop's mutations: they change the stored order the way Shopify would (so a later
 * read shows the effect) and answer with Shopify's payload shapes, including its userErrors.
 */
export function applyMutation(
  shop: FakeShop,
  operation: string,
  v: Record<string, unknown>,
): unknown {
  const injected = shop.userErrors.get(operation)
  if (injected !== undefined) shop.userErrors.delete(operation)
  switch (operation) {
    case 'PorchlightOrderCancel':
      return { orderCancel: cancel(shop, v, injected) }
    case 'PorchlightRefundCreate':
      return {
        refundCreate: refund(
          shop,
          v['input'] as RefundInput,
          String(v['idempotencyKey']),
          injected,
        ),
      }
    case 'PorchlightReturnRequest':
      return { returnRequest: requestReturn(shop, v['input'] as ReturnRequestInput, injected) }
    case 'PorchlightReturnApprove':
      return {
        returnApproveRequest: approveReturn(shop, (v['input'] as { id: string }).id, injected),
      }
    case 'PorchlightOrderUpdateAddress':
      return { orderUpdate: updateAddress(shop, v, injected) }
    case 'PorchlightWebhookCreate':
      return shop.webhooks.create(v, injected)
    case 'PorchlightWebhookDelete':
      return shop.webhooks.delete(v, injected)
    default:
      return answerReturnOperation(shop, operation, v, injected)
  }
}

function touch(shop: FakeShop, order: RawOrder): void {
  order.updatedAt = shop.nowIso()
}

function cancel(shop: FakeShop, v: Record<string, unknown>, injected: UserError[] | undefined) {
  const order = shop.orders.get(tail(v['orderId']))
  const errors =
    injected ??
    (order === undefined
      ? [{ field: ['orderId'], message: 'Order does not exist', code: 'NOT_FOUND' }]
      : order.cancelledAt !== null
        ? [{ field: ['orderId'], message: 'Order has already been cancelled', code: 'INVALID' }]
        : [])
  if (errors.length > 0 || order === undefined) return { job: null, orderCancelUserErrors: errors }
  order.cancelledAt = shop.nowIso()
  order.closedAt = order.cancelledAt
  order.cancelReason = typeof v['reason'] === 'string' ? v['reason'] : null
  const refund = (v['refundMethod'] as { originalPaymentMethodsRefund?: boolean } | undefined)
    ?.originalPaymentMethodsRefund
  if (refund === true) {
    const left =
      cents(order.totalReceivedSet.presentmentMoney.amount) -
      cents(order.totalRefundedSet.presentmentMoney.amount)
    if (left > 0) {
      const amount = decimal(left)
      order.refunds = [
        ...(order.refunds ?? []),
        refundRecord(amount, order.cancelledAt, [], order.presentmentCurrencyCode),
      ]
    }
    order.displayFinancialStatus = 'REFUNDED'
    order.totalRefundedSet = money(order.totalReceivedSet.presentmentMoney.amount)
  }
  if (v['restock'] === true && order.displayFulfillmentStatus === 'UNFULFILLED') {
    order.displayFulfillmentStatus = 'RESTOCKED'
  }
  touch(shop, order)
  return {
    job: { id: `gid://shopify/Job/${shop.calls.length}`, done: false },
    orderCancelUserErrors: [],
  }
}

interface RefundInput {
  orderId: string
  currency: string
  refundLineItems: Array<{ lineItemId: string; quantity: number }>
  transactions: Array<{ parentId: string; gateway: string; kind: string; amount: string }>
}

const cents = (s: string) => Math.round(Number(s) * 100)
const decimal = (n: number) => (n / 100).toFixed(2)

export function refund(
  shop: FakeShop,
  input: RefundInput,
  key: string,
  injected: UserError[] | undefined,
) {
  const order = shop.orders.get(tail(input.orderId))
  if (injected !== undefined) return { refund: null, userErrors: injected }
  // Like Shopify: a key already used gives back the refund it made, and changes nothing.
  const earlier = shop.refundsByKey.get(key)
  if (earlier !== undefined) return { refund: { id: earlier }, userErrors: [] }
  if (order === undefined) {
    return { refund: null, userErrors: [{ field: ['orderId'], message: 'Order does not exist' }] }
  }
  const asked = input.transactions.reduce((sum, t) => sum + cents(t.amount), 0)
  const received = cents(order.totalReceivedSet.presentmentMoney.amount)
  const refunded = cents(order.totalRefundedSet.presentmentMoney.amount)
  if (asked > received - refunded) {
    return {
      refund: null,
      userErrors: [
        { field: ['transactions'], message: 'Refund amount exceeds the refundable amount' },
      ],
    }
  }
  for (const t of input.transactions) {
    order.transactions.push(
      saleTransaction(t.amount, {
        kind: 'REFUND',
        gateway: t.gateway,
        parentTransaction: { id: t.parentId },
        paymentDetails: null,
        processedAt: shop.nowIso(),
      }),
    )
  }
  const record = refundRecord(
    decimal(asked),
    shop.nowIso(),
    input.refundLineItems,
    order.presentmentCurrencyCode,
  )
  for (const line of input.refundLineItems) {
    const item = order.lineItems.nodes.find((li) => li.id === line.lineItemId)
    if (item !== undefined) {
      item.currentQuantity -= line.quantity
      item.refundableQuantity -= line.quantity
    }
  }
  const total = refunded + asked
  order.totalRefundedSet = money(decimal(total), order.presentmentCurrencyCode)
  order.displayFinancialStatus = total >= received ? 'REFUNDED' : 'PARTIALLY_REFUNDED'
  order.refunds = [...(order.refunds ?? []), record]
  shop.refundsByKey.set(key, record.id)
  touch(shop, order)
  return { refund: { id: record.id }, userErrors: [] }
}

interface ReturnRequestInput {
  orderId: string
  returnLineItems: Array<{
    fulfillmentLineItemId: string
    quantity: number
    returnReasonDefinitionId?: string | null
  }>
}

function requestReturn(
  shop: FakeShop,
  input: ReturnRequestInput,
  injected: UserError[] | undefined,
) {
  if (injected !== undefined) return { return: null, userErrors: injected }
  const order = shop.orders.get(tail(input.orderId))
  const known = new Set(
    order?.fulfillments.flatMap((f) => f.fulfillmentLineItems.nodes.map((n) => n.id)) ?? [],
  )
  const reasons = new Set(shop.returnReasons.map((r) => r.id))
  const badReason = input.returnLineItems.find(
    (l) => l.returnReasonDefinitionId != null && !reasons.has(l.returnReasonDefinitionId),
  )
  if (badReason !== undefined) {
    return {
      return: null,
      userErrors: [
        {
          field: ['input', 'returnLineItems', 'returnReasonDefinitionId'],
          message: 'Return reason definition does not exist',
          code: 'NOT_FOUND',
        },
      ],
    }
  }
  const unknown = input.returnLineItems.find((l) => !known.has(l.fulfillmentLineItemId))
  if (order === undefined || unknown !== undefined) {
    return {
      return: null,
      userErrors: [
        {
          field: ['input', 'returnLineItems'],
          message: 'Fulfillment line item does not exist',
          code: 'NOT_FOUND',
        },
      ],
    }
  }
  const id = `gid://shopify/Return/${shop.calls.length}`
  shop.returns.set(id, { orderId: order.legacyResourceId, status: 'REQUESTED' })
  recordReturnLines(shop, id, order, input.returnLineItems)
  order.returnStatus = 'RETURN_REQUESTED'
  touch(shop, order)
  return { return: { id, status: 'REQUESTED' }, userErrors: [] }
}

function approveReturn(shop: FakeShop, id: string, injected: UserError[] | undefined) {
  if (injected !== undefined) return { return: null, userErrors: injected }
  const ret = shop.returns.get(id)
  if (ret === undefined || ret.status !== 'REQUESTED') {
    return {
      return: null,
      userErrors: [
        { field: ['input', 'id'], message: 'Return is not approvable', code: 'INVALID_STATE' },
      ],
    }
  }
  ret.status = 'OPEN'
  const order = shop.orders.get(ret.orderId)
  if (order !== undefined) {
    order.returnStatus = 'IN_PROGRESS'
    touch(shop, order)
  }
  return { return: { id, status: 'OPEN', name: returnName(shop, id) }, userErrors: [] }
}
