import type { RawOrder, UserError } from '../shopify-types.ts'
import type { RawReturn, ReturnProcessVariables } from '../return-operations.ts'
import type { FakeShop } from './fake-shop.ts'
import { clone } from './fake-shop.ts'
import { answerExchangeOperation } from './fake-exchanges.ts'
import { refund } from './fake-mutations.ts'

/**
 * The fake shop's returns after approval: the return's lines as Shopify counts them
 * (processable, processed), reverse deliveries a test says the shop created (with their
 * label), and `returnProcess`, which processes units and refunds them in one call, refusing
 * more than is processable the way Shopify does.
 */

interface ReturnState {
  number: number
  lines: Array<{ id: string; lineItemId: string; quantity: number; processed: number }>
  deliveries: Array<{ id: string; labelUrl: string | null }>
}

const states = new WeakMap<FakeShop, Map<string, ReturnState>>()

function returnsOf(shop: FakeShop): Map<string, ReturnState> {
  let map = states.get(shop)
  if (map === undefined) {
    map = new Map()
    states.set(shop, map)
  }
  return map
}

let nextId = 1

/** Called by returnRequest: which order lines the new return's lines stand for. */
export function recordReturnLines(
  shop: FakeShop,
  returnId: string,
  order: RawOrder,
  items: Array<{ fulfillmentLineItemId: string; quantity: number }>,
): void {
  const byFli = new Map(
    order.fulfillments.flatMap((f) =>
      f.fulfillmentLineItems.nodes.map((n) => [n.id, n.lineItem.id] as const),
    ),
  )
  const map = returnsOf(shop)
  map.set(returnId, {
    number: [...map.values()].length + 1,
    lines: items.map((i) => ({
      id: `gid://shopify/ReturnLineItem/${nextId++}`,
      lineItemId: byFli.get(i.fulfillmentLineItemId) ?? 'unknown',
      quantity: i.quantity,
      processed: 0,
    })),
    deliveries: [],
  })
}

/** The return's name as Shopify shows it: the order's name and the return's rank ("#1001-R1"). */
export function returnName(shop: FakeShop, returnId: string): string {
  const orderId = shop.returns.get(returnId)?.orderId
  const order = orderId === undefined ? undefined : shop.orders.get(orderId)
  return `${order?.name ?? '#0'}-R${returnsOf(shop).get(returnId)?.number ?? 1}`
}

/** The shop created a reverse delivery with a label for the return (what a merchant does in the admin). */
export function addReverseDelivery(shop: FakeShop, returnId: string, labelUrl: string): void {
  const state = returnsOf(shop).get(returnId)
  if (state === undefined) throw new Error(`fake shop: no return ${returnId}`)
  state.deliveries.push({ id: `gid://shopify/ReverseDelivery/${nextId++}`, labelUrl })
}

function asRaw(shop: FakeShop, id: string): RawReturn | null {
  const ret = shop.returns.get(id)
  const state = returnsOf(shop).get(id)
  if (ret === undefined || state === undefined) return null
  return {
    id,
    name: returnName(shop, id),
    status: ret.status,
    returnLineItems: {
      nodes: state.lines.map((l) => ({
        __typename: 'ReturnLineItem',
        id: l.id,
        quantity: l.quantity,
        processableQuantity: ret.status === 'OPEN' ? l.quantity - l.processed : 0,
        processedQuantity: l.processed,
        fulfillmentLineItem: { lineItem: { id: l.lineItemId } },
      })),
    },
    reverseFulfillmentOrders: {
      nodes: [
        {
          id: `${id.replace('Return', 'ReverseFulfillmentOrder')}`,
          reverseDeliveries: {
            nodes: state.deliveries.map((d) => ({
              id: d.id,
              deliverable: {
                __typename: 'ReverseDeliveryShippingDeliverable',
                label: { publicFileUrl: d.labelUrl },
                tracking: { number: null, url: null, carrierName: null },
              },
            })),
          },
        },
      ],
    },
  }
}

type ProcessInput = ReturnProcessVariables['input']

const error = (field: string[], message: string, code: string) => ({
  return: null,
  userErrors: [{ field, message, code }],
})

function processReturn(shop: FakeShop, input: ProcessInput, injected: UserError[] | undefined) {
  if (injected !== undefined) return { return: null, userErrors: injected }
  const ret = shop.returns.get(input.returnId)
  const state = returnsOf(shop).get(input.returnId)
  if (ret === undefined || state === undefined) {
    return error(['input', 'returnId'], 'Return does not exist', 'NOT_FOUND')
  }
  if (ret.status !== 'OPEN')
    return error(['input', 'returnId'], 'Return is not open', 'INVALID_STATE')
  for (const item of input.returnLineItems) {
    const line = state.lines.find((l) => l.id === item.id)
    if (line === undefined || item.quantity < 1 || item.quantity > line.quantity - line.processed) {
      return error(
        ['input', 'returnLineItems', 'quantity'],
        'Quantity is greater than the processable quantity',
        'GREATER_THAN',
      )
    }
  }
  const order = shop.orders.get(ret.orderId)
  if (order === undefined) return error(['input', 'returnId'], 'Order does not exist', 'NOT_FOUND')
  const transfer = input.financialTransfer?.issueRefund.orderTransactions ?? []
  if (transfer.length > 0) {
    const lines = input.returnLineItems.map((i) => ({
      lineItemId: state.lines.find((l) => l.id === i.id)?.lineItemId ?? '',
      quantity: i.quantity,
    }))
    const transactions = transfer.map((t) => ({
      parentId: t.parentId,
      gateway: order.transactions.find((tx) => tx.id === t.parentId)?.gateway ?? 'manual',
      kind: 'REFUND',
      amount: t.transactionAmount.amount,
    }))
    const refunded = refund(
      shop,
      {
        orderId: order.id,
        currency: order.presentmentCurrencyCode,
        refundLineItems: lines,
        transactions,
      },
      `return-process-${nextId++}`,
      undefined,
    )
    if (refunded.userErrors.length > 0) {
      return {
        return: null,
        userErrors: refunded.userErrors.map((e) => ({ ...e, code: 'INVALID' })),
      }
    }
  }
  for (const item of input.returnLineItems) {
    const line = state.lines.find((l) => l.id === item.id)
    if (line !== undefined) line.processed += item.quantity
  }
  if (state.lines.every((l) => l.processed >= l.quantity)) {
    ret.status = 'CLOSED'
    order.returnStatus = 'RETURNED'
  }
  order.updatedAt = shop.nowIso()
  return { return: { id: input.returnId, status: ret.status }, userErrors: [] }
}

/** The return operations of the fake shop (after the ones fake-mutations.ts knows). */
export function answerReturnOperation(
  shop: FakeShop,
  operation: string,
  v: Record<string, unknown>,
  injected: UserError[] | undefined,
): unknown {
  switch (operation) {
    case 'PorchlightReturn':
      return { return: clone(asRaw(shop, String(v['id']))) }
    case 'PorchlightReturnProcess':
      return { returnProcess: processReturn(shop, v['input'] as ProcessInput, injected) }
    default:
      return answerExchangeOperation(shop, operation, v, injected)
  }
}
