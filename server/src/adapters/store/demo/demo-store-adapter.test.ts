import { describe, expect, it } from 'vitest'
import { displayStatus } from '@porchlight/shared/orders/display-status'
import { findStoreById, type Store } from '../../../db/stores.repository.ts'
import { AppError } from '../../../errors.ts'
import { demoOrderId } from '../../../seed/demo-orders.ts'
import { DEMO_SHOPPERS } from '../../../seed/demo-shoppers.ts'
import { DEMO_STORE_ID } from '../../../seed/demo-store.ts'
import { createTestApp, testDialect } from '../../../test/harness.ts'
import type { StoreAdapter } from '../store-adapter.ts'

const id = (n: number) => demoOrderId(DEMO_STORE_ID, n)
const usd = (amount: number) => ({ amount, currency: 'USD' })

async function setup() {
  const ctx = await createTestApp()
  const store = (await findStoreById(ctx.db, DEMO_STORE_ID)) as Store
  const adapter: StoreAdapter = ctx.deps.storeAdapters(store)
  const staffLog = async (n: number) => {
    const row = await ctx.db
      .selectFrom('demo_orders')
      .select(['staff_log', 'version'])
      .where('id', '=', id(n))
      .executeTakeFirstOrThrow()
    return {
      log: JSON.parse(row.staff_log) as Array<Record<string, unknown>>,
      version: row.version,
    }
  }
  return { ...ctx, store, adapter, staffLog }
}

describe(`demo store adapter (${testDialect})`, () => {
  it('gets one order of its store, and nothing for unknown or malformed ids', async () => {
    const { adapter } = await setup()
    expect((await adapter.getOrder(id(1001)))?.name).toBe('#1001')
    expect(await adapter.getOrder('ord_nothing_here')).toBeUndefined()
    expect(await adapter.getOrder("x' or '1'='1")).toBeUndefined()
  })

  it('lists by phone and by email, newest first', async () => {
    const { adapter } = await setup()
    const page = await adapter.listOrders(
      { kind: 'phone', value: DEMO_SHOPPERS.bruno.phone },
      { limit: 100 },
    )
    const times = page.orders.map((o) => Date.parse(o.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(page.orders).toHaveLength(9)
    expect(page.nextCursor).toBeNull()
  })

  describe('cancelOrder', () => {
    it('cancels an unshipped paid order, refunds it and keeps the restock in the staff log', async () => {
      const { adapter, clock, staffLog } = await setup()
      const result = await adapter.cancelOrder(id(1001), {
        reason: 'customer',
        refund: true,
        restock: true,
        staffNote: 'asked by chat',
      })
      expect(result.ok).toBe(true)
      const stored = await adapter.getOrder(id(1001))
      expect(stored).toMatchObject({
        status: 'cancelled',
        cancelledAt: clock.now().toISOString(),
        cancelReason: 'customer',
        financialStatus: 'refunded',
      })
      expect(stored?.totals.refunded).toEqual(stored?.totals.paid)
      expect(stored?.refunds).toHaveLength(1)
      expect(displayStatus(stored!).code).toBe('cancelled')
      const { log, version } = await staffLog(1001)
      expect(version).toBe(2)
      expect(log).toEqual([
        {
          at: clock.now().toISOString(),
          action: 'cancel',
          details: { reason: 'customer', refund: true, restock: true, note: 'asked by chat' },
        },
      ])
    })

    it('voids an unpaid cash-on-delivery order instead of refunding', async () => {
      const { adapter } = await setup()
      const result = await adapter.cancelOrder(demoOrderId(DEMO_STORE_ID, 1012), {
        reason: 'customer',
        refund: true,
        restock: true,
      })
      expect(result.ok && result.value.financialStatus).toBe('voided')
    })

    it.each([
      [1004, 'order_fulfilled'],
      [1008, 'order_fulfilled'],
      [1016, 'order_already_cancelled'],
    ])('refuses order %i with %s and leaves it unchanged', async (n, code) => {
      const { adapter, staffLog } = await setup()
      const before = await adapter.getOrder(id(n))
      const result = await adapter.cancelOrder(id(n), {
        reason: 'other',
        refund: false,
        restock: false,
      })
      expect(result).toMatchObject({ ok: false, code })
      expect(await adapter.getOrder(id(n))).toEqual(before)
      expect((await staffLog(n)).version).toBe(1)
    })

    it('answers order_not_found for an order of no store', async () => {
      const { adapter } = await setup()
      const input = { reason: 'other' as const, refund: false, restock: false }
      expect(await adapter.cancelOrder('ord_missing', input)).toMatchObject({
        ok: false,
        code: 'order_not_found',
      })
    })
  })

  describe('refund', () => {
    it('refunds part, then the rest, and never more than what remains', async () => {
      const { adapter } = await setup()
      const order = (await adapter.getOrder(id(1006)))!
      const paid = order.totals.paid.amount
      const first = await adapter.refund(id(1006), {
        amount: usd(1000),
        note: 'scratch',
        lines: [{ lineItemId: 'li_2', quantity: 1 }],
      })
      expect(first.ok && first.value.financialStatus).toBe('partially_refunded')
      expect(first.ok && first.value.lineItems[1]?.refundedQuantity).toBe(1)
      const tooMuch = await adapter.refund(id(1006), { amount: usd(paid - 999) })
      expect(tooMuch).toMatchObject({ ok: false, code: 'amount_exceeds_refundable' })
      const rest = await adapter.refund(id(1006), { amount: usd(paid - 1000) })
      expect(rest.ok && rest.value.financialStatus).toBe('refunded')
      expect(rest.ok && rest.value.totals.refunded.amount).toBe(paid)
      expect(await adapter.refund(id(1006), { amount: usd(1) })).toMatchObject({
        ok: false,
        code: 'amount_exceeds_refundable',
      })
      const stored = (await adapter.getOrder(id(1006)))!
      expect(stored.refunds).toHaveLength(2)
      expect(displayStatus(stored).code).toBe('refunded')
    })

    it.each([
      ['a wrong currency', { amount: { amount: 100, currency: 'EUR' } }, 'currency_mismatch'],
      ['zero', { amount: usd(0) }, 'invalid_amount'],
      ['a fraction of a cent', { amount: usd(10.5) }, 'invalid_amount'],
      [
        'an unknown line',
        { amount: usd(100), lines: [{ lineItemId: 'li_9', quantity: 1 }] },
        'invalid_lines',
      ],
      [
        'too many units',
        { amount: usd(100), lines: [{ lineItemId: 'li_1', quantity: 2 }] },
        'invalid_lines',
      ],
    ])('refuses %s', async (_name, input, code) => {
      const { adapter } = await setup()
      expect(await adapter.refund(id(1006), input)).toMatchObject({ ok: false, code })
    })

    it('lets only one of two racing refunds take the last of the money', async () => {
      const { adapter } = await setup()
      const paid = (await adapter.getOrder(id(1006)))!.totals.paid.amount
      const share = usd(Math.ceil(paid * 0.6))
      const results = await Promise.all([
        adapter.refund(id(1006), { amount: share }),
        adapter.refund(id(1006), { amount: share }),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'amount_exceeds_refundable' })
      expect((await adapter.getOrder(id(1006)))!.totals.refunded.amount).toBe(share.amount)
    })
  })

  describe('createReturn', () => {
    it('opens a return for delivered units and not twice for the same units', async () => {
      const { adapter } = await setup()
      const input = { lines: [{ lineItemId: 'li_1', quantity: 1 }], reason: 'damaged_item' }
      const result = await adapter.createReturn(id(1006), input)
      expect(result.ok).toBe(true)
      const returnId = result.ok ? result.value.returnId : ''
      expect(returnId).toMatch(/^rt_/)
      const stored = (await adapter.getOrder(id(1006)))!
      expect(stored.returns?.at(-1)).toMatchObject({ id: returnId, status: 'open', ...input })
      expect(await adapter.createReturn(id(1006), input)).toMatchObject({
        ok: false,
        code: 'invalid_lines',
      })
    })

    it.each([
      [1001, [{ lineItemId: 'li_1', quantity: 1 }], 'not_fulfilled'],
      [1008, [{ lineItemId: 'li_3', quantity: 1 }], 'not_fulfilled'],
      [1016, [{ lineItemId: 'li_1', quantity: 1 }], 'order_cancelled'],
      [1006, [], 'invalid_lines'],
      [1006, [{ lineItemId: 'li_1', quantity: 0 }], 'invalid_lines'],
      [1009, [{ lineItemId: 'li_1', quantity: 1 }], 'invalid_lines'],
    ])('refuses order %i lines %j with %s', async (n, lines, code) => {
      const { adapter } = await setup()
      expect(await adapter.createReturn(id(n), { lines, reason: 'other' })).toMatchObject({
        ok: false,
        code,
      })
    })
  })
})

describe(`store adapter registry (${testDialect})`, () => {
  it('answers a clear error for a Shopify store that is not connected', async () => {
    const { deps, store } = await setup()
    let error: unknown
    try {
      deps.storeAdapters({ ...store, adapterKind: 'shopify' })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('store_not_connected')
  })
})
