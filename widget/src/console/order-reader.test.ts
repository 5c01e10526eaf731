import { describe, expect, it } from 'vitest'
import { readOrder } from './order-reader.ts'

const money = (amount: number) => ({ amount, currency: 'EUR' })

describe('readOrder', () => {
  it.each([undefined, null, 'order', 42, []])('is null for %j', (raw) => {
    expect(readOrder(raw)).toBeNull()
  })

  it('tolerates an order with almost nothing in it', () => {
    const o = readOrder({ name: '#1', lineItems: [null, 'x', { quantity: 'two' }] })!
    expect(o.name).toBe('#1')
    expect(o.lines).toEqual([
      {
        id: 'line-2',
        title: 'Untitled item',
        variant: null,
        sku: null,
        quantity: null,
        price: null,
        refundedQuantity: 0,
      },
    ])
    expect(o.totals).toEqual([])
    expect(o.refundable).toBeNull()
    expect(o.timeline).toEqual([])
  })

  it('reads the wrapped form with a given timeline and display status', () => {
    const o = readOrder({
      order: { name: '#2', totals: { paid: money(5000), refunded: money(1500) } },
      displayStatus: 'in_transit',
      timeline: [
        { kind: 'shipped', at: '2026-01-02T00:00:00Z' },
        { kind: 'placed', at: '2026-01-01T00:00:00Z' },
        { kind: 'bogus', at: 'not a date' },
      ],
    })!
    expect(o.displayStatus).toBe('in_transit')
    expect(o.timeline.map((e) => e.kind)).toEqual(['placed', 'shipped'])
    expect(o.refundable).toEqual(money(3500))
  })

  it('derives a timeline from the order and its shipments when none is given', () => {
    const o = readOrder({
      createdAt: '2026-01-01T00:00:00Z',
      shipments: [
        {
          id: 's1',
          createdAt: '2026-01-02T00:00:00Z',
          trackingUrl: 'javascript:alert(1)',
          events: [{ kind: 'delivered', at: '2026-01-04T00:00:00Z', message: 'Left at door' }],
        },
      ],
    })!
    expect(o.timeline).toEqual([
      { kind: 'placed', at: '2026-01-01T00:00:00Z', details: [] },
      { kind: 'shipped', at: '2026-01-02T00:00:00Z', details: [] },
      { kind: 'delivered', at: '2026-01-04T00:00:00Z', details: ['Left at door'] },
    ])
    expect(o.shipments[0]?.trackingUrl).toBeNull()
  })

  it('does not offer a refund ceiling across currencies', () => {
    const o = readOrder({ totals: { paid: money(100), refunded: { amount: 1, currency: 'USD' } } })!
    expect(o.refundable).toBeNull()
  })
})
