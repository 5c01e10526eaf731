import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../../clock.ts'
import { loadConfig } from '../../../config.ts'
import { findStoreById, type Store } from '../../../db/stores.repository.ts'
import { createMemoryLogger } from '../../../logger.ts'
import { disconnectShopify } from '../../../services/shopify/disconnect.ts'
import { openTestDatabase, testDialect } from '../../../test/harness.ts'
import type { Operation } from './admin-client.ts'
import { connectShopifyStore } from './connect-store.ts'
import { customerIdentity } from './customer-identity.ts'
import * as addressOperations from './address-operations.ts'
import * as lookupOperations from './lookup-operations.ts'
import * as operations from './operations.ts'
import { SUBSCRIBED_TOPICS } from './webhook-subscriptions.ts'
import * as returnOperations from './return-operations.ts'
import * as exchangeOperations from './exchange-operations.ts'
import {
  answerErrors,
  deprecatedUses,
  documentErrors,
  SCHEMA_VERSION,
} from './testing/admin-schema.ts'
import { fulfillment, lineItem, order } from './testing/fake-orders.ts'
import { fakeVariant, setLineProduct } from './testing/fake-exchanges.ts'
import { addReverseDelivery } from './testing/fake-returns.ts'
import type { RecordedCall } from './testing/fake-shop.ts'
import { SAMPLE_EMAIL, SAMPLE_PHONE, sampleShop } from './testing/sample-shop.ts'
import {
  insertShopifyStore,
  interceptShopify,
  TEST_KEYRING,
  TEST_PUBLIC_URL,
  TEST_SECRET_KEY,
  testRuntime,
  virtualTime,
  WEBHOOK_SECRET,
} from './testing/test-kit.ts'

/**
 * The fakes cannot drift from Shopify: every document we send validates against the published
 * Admin API schema of the version we pin, and every answer the fake shop gave while the adapter
 * ran its real flows is replayed over that schema (with the variables the adapter sent).
 */

const mocks = interceptShopify()

const documents = (
  [
    ...Object.values(operations),
    ...Object.values(lookupOperations),
    ...Object.values(returnOperations),
    ...Object.values(exchangeOperations),
    ...Object.values(addressOperations),
  ] as unknown[]
).filter(
  (v): v is Pick<Operation<unknown, unknown>, 'name' | 'document'> =>
    typeof v === 'object' && v !== null && 'document' in v && 'name' in v,
)

describe(`Admin API ${SCHEMA_VERSION} schema`, () => {
  it('finds every document of operations.ts', () => {
    expect(documents.map((d) => d.name).sort()).toEqual([
      'PorchlightCustomerAccess',
      'PorchlightCustomerById',
      'PorchlightCustomerLookup',
      'PorchlightCustomersByPhone',
      'PorchlightExchangeOptions',
      'PorchlightJob',
      'PorchlightOrder',
      'PorchlightOrderCancel',
      'PorchlightOrderLookup',
      'PorchlightOrderSearch',
      'PorchlightOrderUpdateAddress',
      'PorchlightRefundCreate',
      'PorchlightReturn',
      'PorchlightReturnApprove',
      'PorchlightReturnCreate',
      'PorchlightReturnProcess',
      'PorchlightReturnReasons',
      'PorchlightReturnRequest',
      'PorchlightShop',
      'PorchlightWebhookCreate',
      'PorchlightWebhookDelete',
      'PorchlightWebhookSubscriptions',
    ])
  })

  for (const op of documents) {
    it(`${op.name} validates against the schema`, () => {
      expect(documentErrors(op.document)).toEqual([])
      expect(deprecatedUses(op.document)).toEqual([])
    })
  }

  it('refuses a document the real API would refuse (so the check above can fail)', () => {
    const wrong = operations.orderById.document.replace('displayStatus', 'shipmentStatus')
    expect(documentErrors(wrong)).toEqual([
      'Cannot query field "shipmentStatus" on type "Fulfillment".',
    ])
  })
})

async function runAdapterFlows(): Promise<RecordedCall[]> {
  const { db } = await openTestDatabase()
  const logger = createMemoryLogger()
  const time = virtualTime(Date.parse('2026-01-15T12:00:00Z'))
  const shop = sampleShop({ now: time.now, today: new Date(time.now()) })
  shop.scopes = [...shop.scopes, 'read_all_orders', 'read_fulfillments']
  mocks.use(shop)
  const store = await insertShopifyStore(db, shop)
  const connected = await connectShopifyStore(
    db,
    {
      storeId: store.id,
      domain: shop.domain,
      accessToken: shop.accessToken,
      webhookSecret: WEBHOOK_SECRET,
    },
    { apiVersion: SCHEMA_VERSION, publicUrl: TEST_PUBLIC_URL, logger, keyring: TEST_KEYRING },
  )
  expect(connected.ok).toBe(true)
  const runtime = testRuntime({ db, clock: createManualClock(), logger }, time, {
    apiVersion: SCHEMA_VERSION,
  })
  const adapter = runtime.adapterFor(store)

  // Reads: every order state of the sample shop, by email and by phone.
  const byEmail = await adapter.listOrders({ kind: 'email', value: SAMPLE_EMAIL }, { limit: 20 })
  expect(byEmail.orders.length).toBeGreaterThan(5)
  await adapter.listOrders({ kind: 'phone', value: SAMPLE_PHONE }, { limit: 3 })
  // The app proxy's look-up of the signed-in customer: one the shop knows, and one it does not.
  const { client } = adapter.orders.deps
  expect(await customerIdentity(client, '7001')).toEqual({
    ok: true,
    identity: { kind: 'email', value: SAMPLE_EMAIL },
  })
  expect(await customerIdentity(client, '999999')).toEqual({
    ok: false,
    reason: 'customer_not_found',
  })
  // The agents' lookup: order fields, a date range, and the customer lookup for phone and names.
  const looked = await adapter.searchOrders(
    { email: SAMPLE_EMAIL, createdFrom: Date.parse('2025-01-01T00:00:00Z') },
    { limit: 10 },
  )
  expect(looked.orders.length).toBeGreaterThan(0)
  await adapter.searchOrders({ phone: SAMPLE_PHONE, lastName: 'lovelace' }, { limit: 10 })

  // Decisions, including Shopify's refusals.
  const open = shop.addOrder(order())
  expect(
    (await adapter.refund(open.legacyResourceId, { amount: { amount: 500, currency: 'EUR' } })).ok,
  ).toBe(true)
  expect(
    (
      await adapter.cancelOrder(open.legacyResourceId, {
        reason: 'customer',
        refund: true,
        restock: true,
      })
    ).ok,
  ).toBe(true)
  const again = await adapter.cancelOrder(open.legacyResourceId, {
    reason: 'other',
    refund: false,
    restock: false,
  })
  expect(again.ok).toBe(false)
  const li = lineItem({ quantity: 2, currentQuantity: 2, refundableQuantity: 2 })
  const shipped = shop.addOrder(
    order({
      lines: [li],
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [
        fulfillment([li], { deliveredAt: '2026-01-12T10:00:00Z', displayStatus: 'DELIVERED' }),
      ],
    }),
  )
  const returned = await adapter.createReturn(shipped.legacyResourceId, {
    lines: [{ lineItemId: operations.legacyId(li.id), quantity: 1 }],
    reason: 'damaged',
    note: 'The box was crushed',
  })
  expect(returned.ok).toBe(true)
  if (!returned.ok) return shop.calls
  const returnId = returned.value.returnId
  expect((await adapter.returnLabel(shipped.legacyResourceId, returnId)).ok).toBe(true)
  addReverseDelivery(shop, `gid://shopify/Return/${returnId}`, 'https://cdn.example.com/l.pdf')
  const label = await adapter.returnLabel(shipped.legacyResourceId, returnId)
  expect(label).toEqual({ ok: true, value: { url: 'https://cdn.example.com/l.pdf' } })
  const received = await adapter.receiveReturn(shipped.legacyResourceId, {
    returnId,
    lines: [{ lineItemId: operations.legacyId(li.id), quantity: 1 }],
    refund: { amount: 4900, currency: 'EUR' },
    idempotencyKey: 'conformance-receipt',
  })
  expect(received.ok).toBe(true)

  // An exchange: the line's other variants with their stock, then the return that ships one.
  const sand = lineItem()
  const swapped = shop.addOrder(
    order({
      lines: [sand],
      displayFulfillmentStatus: 'FULFILLED',
      fulfillments: [
        fulfillment([sand], { deliveredAt: '2026-01-12T10:00:00Z', displayStatus: 'DELIVERED' }),
      ],
    }),
  )
  const variants = [fakeVariant(801, 'Sand / Small', 3), fakeVariant(802, 'Sand / Large', 1)]
  setLineProduct(
    shop,
    sand.id,
    { id: 'gid://shopify/Product/80', title: 'Linen throw', variants },
    variants[0]!.id,
  )
  const sandId = operations.legacyId(sand.id)
  const options = await adapter.exchangeOptions(swapped.legacyResourceId, sandId)
  expect(options.ok && options.value.options.map((o) => o.variantId)).toEqual(['802'])
  const exchange = (quantity: number) =>
    adapter.createExchange(swapped.legacyResourceId, {
      lines: [{ lineItemId: sandId, quantity: 1 }],
      reason: 'size_too_small',
      exchange: [{ lineItemId: sandId, variantId: '802', quantity }],
      idempotencyKey: `conformance-exchange-${quantity}`,
    })
  expect((await exchange(2)).ok).toBe(false)
  expect((await exchange(1)).ok).toBe(true)
  // An address change before anything shipped, and Shopify refusing one.
  const unshipped = shop.addOrder(order())
  const moved = await adapter.updateShippingAddress(unshipped.legacyResourceId, {
    address: {
      name: 'Grace Brewster Hopper',
      company: null,
      line1: '1 Navy Way',
      line2: 'Suite 3',
      city: 'Arlington',
      region: 'VA',
      postalCode: '22202',
      country: 'US',
      phone: null,
    },
  })
  expect(moved.ok && moved.value.shippingAddress).toMatchObject({
    name: 'Grace Brewster Hopper',
    region: 'VA',
    country: 'US',
  })

  // The owner disconnects: the subscriptions the connect made are deleted again.
  expect(shop.webhooks.topics()).toHaveLength(SUBSCRIBED_TOPICS.length)
  const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY })
  const deps = { db, clock: createManualClock(), logger, config, shopify: runtime }
  const fresh = (await findStoreById(db, store.id)) as Store
  const off = await disconnectShopify(
    { ...deps, shutdownSignal: new AbortController().signal },
    fresh,
    'owner',
  )
  expect(off).toEqual({ changed: true, subscriptionsLeft: [] })
  expect(shop.webhooks.topics()).toEqual([])
  return shop.calls
}

describe(`the fake shop answers as the ${SCHEMA_VERSION} schema would (${testDialect})`, () => {
  it('replays every answer of the adapter flows over the real schema', async () => {
    const calls = await runAdapterFlows()
    // Every document went through at least once, so none escapes the replay.
    expect(new Set(calls.map((c) => c.operation))).toEqual(new Set(documents.map((d) => d.name)))
    const problems = calls.flatMap((call) =>
      answerErrors(call).map((problem) => `${call.operation} ${problem}`),
    )
    expect(problems).toEqual([])
  })

  it('catches a fake answering a value, a null or a field the real API would not', () => {
    const query = operations.orderSearch.document
    const variables = { query: 'email:"a@b.c"', first: 1, after: null }
    const node = {
      id: 'gid://shopify/Order/1',
      legacyResourceId: '1',
      updatedAt: '2026-01-01T00:00:00Z',
      email: null,
      customer: null,
    }
    const answer = (n: Record<string, unknown>) => ({
      query,
      variables,
      data: { orders: { nodes: [n], pageInfo: { hasNextPage: false, endCursor: null } } },
    })
    expect(answerErrors(answer(node))).toEqual([])
    expect(answerErrors(answer({ ...node, id: null }))).toEqual([
      'orders.nodes.0.id: Cannot return null for non-nullable field Order.id.',
    ])
    expect(answerErrors(answer({ ...node, updatedAt: 'yesterday' }))).toEqual([
      'orders.nodes.0.updatedAt: DateTime cannot represent "yesterday"',
    ])
    expect(answerErrors(answer({ ...node, tracking: 'x' }))).toEqual([
      'orders.nodes.0.tracking: the fake answers a field the document did not select',
    ])
    const status = {
      query: operations.returnRequest.document,
      variables: { input: { orderId: 'gid://shopify/Order/1', returnLineItems: [] } },
      data: {
        returnRequest: {
          return: { id: 'gid://shopify/Return/1', status: 'PENDING' },
          userErrors: [],
        },
      },
    }
    expect(answerErrors(status)).toEqual([
      'returnRequest.return.status: Enum "ReturnStatus" cannot represent value: "PENDING"',
    ])
  })

  it('catches a webhook answer or topic the real API would not have', () => {
    const uri = 'https://support.example.com/v1/webhooks/shopify/st_1'
    const listed = (topic: string) => ({
      query: operations.webhookSubscriptionsAt.document,
      variables: { uri },
      data: {
        webhookSubscriptions: {
          nodes: [{ id: 'gid://shopify/WebhookSubscription/1', topic, uri }],
        },
      },
    })
    expect(answerErrors(listed('ORDERS_UPDATED'))).toEqual([])
    expect(answerErrors(listed('orders/updated'))).toEqual([
      'webhookSubscriptions.nodes.0.topic: Enum "WebhookSubscriptionTopic" cannot represent value: "orders/updated"',
    ])
    // The privacy topics are not in the enum: an app cannot subscribe them through the API.
    const compliance = answerErrors({
      query: operations.webhookSubscriptionCreate.document,
      variables: { topic: 'CUSTOMERS_REDACT', webhookSubscription: { uri, format: 'JSON' } },
      data: { webhookSubscriptionCreate: null },
    })
    expect(compliance).toHaveLength(1)
    expect(compliance[0]).toContain(
      'Value "CUSTOMERS_REDACT" does not exist in "WebhookSubscriptionTopic" enum',
    )
  })

  it('catches a variable filling an input field the version deprecates', () => {
    const errors = answerErrors({
      query: operations.returnRequest.document,
      variables: {
        input: {
          orderId: 'gid://shopify/Order/1',
          returnLineItems: [{ fulfillmentLineItemId: 'x', quantity: 1, returnReason: 'OTHER' }],
        },
      },
      data: { returnRequest: null },
    })
    expect(errors).toEqual([
      '$input.returnLineItems.0.returnReason: deprecated (Use `returnReasonDefinitionId` instead. This field will be removed in the future.)',
    ])
  })

  it('catches variables the real API would refuse', () => {
    const errors = answerErrors({
      query: operations.refundCreate.document,
      variables: {
        idempotencyKey: 'k',
        input: {
          orderId: 'gid://shopify/Order/1',
          refundLineItems: [{ lineItemId: 'x', quantity: 1, restockType: 'NEVER' }],
        },
      },
      data: { refundCreate: null },
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Value "NEVER" does not exist in "RefundLineItemRestockType" enum')
  })
})
