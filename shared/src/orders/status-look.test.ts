import { describe, expect, it } from 'vitest'
import { DISPLAY_STATUS_CODES } from './display-status.ts'
import { DELIVERY_STEPS, deliveryProgress, statusTone } from './status-look.ts'

describe('how a status looks', () => {
  it('gives each status the tone of what it means for the shopper', () => {
    expect(statusTone('in_transit')).toBe('progress')
    expect(statusTone('unfulfilled')).toBe('progress')
    expect(statusTone('attempted_delivery')).toBe('attention')
    expect(statusTone('failed_delivery')).toBe('attention')
    expect(statusTone('delivered')).toBe('done')
    expect(statusTone('cancelled')).toBe('cancelled')
    expect(statusTone('refunded')).toBe('cancelled')
    // "Cancelled" never looks like "Delivered" (issue 20).
    expect(statusTone('cancelled')).not.toBe(statusTone('delivered'))
  })

  it('has a tone for every display status', () => {
    for (const code of DISPLAY_STATUS_CODES) expect(statusTone(code), code).toBeTypeOf('string')
  })

  it('places a delivery on the four steps, ordered to delivered', () => {
    expect(DELIVERY_STEPS).toEqual(['ordered', 'shipped', 'out_for_delivery', 'delivered'])
    expect(deliveryProgress('processing')).toBe(1)
    expect(deliveryProgress('pending_delivery')).toBe(2)
    expect(deliveryProgress('in_transit')).toBe(2)
    expect(deliveryProgress('out_for_delivery')).toBe(3)
    expect(deliveryProgress('attempted_delivery')).toBe(3)
    expect(deliveryProgress('delivered')).toBe(4)
  })

  it('draws no progress where no delivery is under way', () => {
    for (const code of [
      'cancelled',
      'refunded',
      'partially_refunded',
      'status_unavailable',
    ] as const)
      expect(deliveryProgress(code), code).toBeNull()
  })
})
