import { describe, expect, it } from 'vitest'
import type { OrderDetailResponse, OrderListResponse } from '@porchlight/shared/api/orders'
import { createTestApp, testDialect } from '../../test/harness.ts'
import { editDemoOrder } from '../../test/ticket-actions.ts'
import { ada, getJson, id, signIn } from './orders-test-support.ts'

describe(`tracking links from the store (${testDialect})`, () => {
  it('reach the shopper only as http(s): a javascript: URL becomes no link at all', async () => {
    const ctx = await createTestApp()
    await editDemoOrder(ctx, id(1008), (o) => {
      o.shipments[0]!.trackingUrl = 'javascript:alert(document.domain)'
      o.shipments[1]!.trackingUrl = 'data:text/html,<script>alert(1)</script>'
    })
    const headers = await signIn(ctx, ada)
    const detail = await getJson<OrderDetailResponse>(ctx, `/v1/orders/${id(1008)}`, headers)
    expect(detail.status).toBe(200)
    expect(detail.body.order.shipments.map((s) => s.trackingUrl)).toEqual([null, null])
    expect(detail.body.order.shipments.map((s) => s.trackingNumber)).not.toContain(null)
    const list = await getJson<OrderListResponse>(ctx, '/v1/orders?limit=50', headers)
    const row = list.body.orders.find((o) => o.id === id(1008))
    expect(row).toBeDefined()
    expect(row?.trackingUrl).toBeNull()
    // The other orders keep their real tracking links.
    expect(list.body.orders.some((o) => o.trackingUrl?.startsWith('https://'))).toBe(true)
  })
})
