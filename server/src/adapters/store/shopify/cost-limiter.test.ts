import { describe, expect, it } from 'vitest'
import { CostLimiter } from './cost-limiter.ts'
import { virtualTime } from './testing/test-kit.ts'

const status = (currentlyAvailable: number) => ({
  maximumAvailable: 1000,
  currentlyAvailable,
  restoreRate: 50,
})

describe('cost limiter', () => {
  it('lets requests through while the bucket can pay, then queues in arrival order', async () => {
    const time = virtualTime()
    const limiter = new CostLimiter(time, status(1000))
    const first = await limiter.acquire('A', 400)
    limiter.settle(first, {
      requestedQueryCost: 400,
      actualQueryCost: 400,
      throttleStatus: status(600),
    })
    const order: string[] = []
    const b = limiter.acquire('A', 400).then((r) => order.push('b') && r)
    const c = limiter.acquire('A', 400).then((r) => order.push('c') && r)
    const d = limiter.acquire('A', 400).then((r) => order.push('d') && r)
    await Promise.all([b, c, d])
    expect(order).toEqual(['b', 'c', 'd'])
    // 600 pays for b, 200 left; c and d need 200 and 400 more points at 50/s.
    expect(time.sleeps).toEqual([4000, 8000])
  })

  it('lets only one request of an unknown operation out until Shopify tells its cost', async () => {
    const time = virtualTime()
    const limiter = new CostLimiter(time, status(1000))
    const probe = await limiter.acquire('Big', 10)
    let second = false
    const next = limiter.acquire('Big', 10).then((r) => {
      second = true
      return r
    })
    await new Promise((r) => setImmediate(r))
    expect(second).toBe(false)
    // The real cost is 900: the estimate of 10 would have overdrawn the bucket.
    limiter.settle(probe, {
      requestedQueryCost: 900,
      actualQueryCost: 100,
      throttleStatus: status(900),
    })
    const r = await next
    expect(second).toBe(true)
    expect(r.cost).toBe(900)
    expect(limiter.costOf('Big')).toBe(900)
  })

  it('counts points reserved by requests still in flight against what Shopify reports', async () => {
    const time = virtualTime()
    const limiter = new CostLimiter(time, status(1000))
    const a = await limiter.acquire('Q', 300)
    limiter.settle(a, { requestedQueryCost: 300, actualQueryCost: 30, throttleStatus: status(970) })
    const b = await limiter.acquire('Q', 300)
    const c = await limiter.acquire('Q', 300)
    // b's answer says 670 left, but c (300) is still out: only 370 are really ours.
    limiter.settle(b, { requestedQueryCost: 300, actualQueryCost: 30, throttleStatus: status(670) })
    expect(limiter.estimatedAvailable()).toBe(370)
    limiter.settle(c, undefined)
  })

  it('adopts the bucket size and restore rate the shop reports', async () => {
    const time = virtualTime()
    const limiter = new CostLimiter(time)
    const a = await limiter.acquire('Q', 10)
    limiter.settle(a, {
      requestedQueryCost: 10,
      actualQueryCost: 10,
      throttleStatus: { maximumAvailable: 20000, currentlyAvailable: 19990, restoreRate: 1000 },
    })
    expect(limiter.estimatedAvailable()).toBe(19990)
    time.sleep(5000)
    expect(limiter.estimatedAvailable()).toBe(20000)
  })
})

describe('cost limiter wake-up', () => {
  it('re-checks a waiting request as soon as an answer refunds points', async () => {
    const now = 0
    const limiter = new CostLimiter(
      {
        now: () => now,
        // A timer that never fires by itself: only the wake-up can end the wait.
        sleep: (_ms, signal) =>
          new Promise((resolve) =>
            signal?.addEventListener('abort', () => resolve(), { once: true }),
          ),
      },
      status(1000),
    )
    const a = await limiter.acquire('Q', 500)
    limiter.settle(a, {
      requestedQueryCost: 500,
      actualQueryCost: 500,
      throttleStatus: status(500),
    })
    const b = await limiter.acquire('Q', 500)
    let admitted = false
    const c = limiter.acquire('Q', 500).then((r) => {
      admitted = true
      return r
    })
    await new Promise((r) => setImmediate(r))
    expect(admitted).toBe(false)
    // b's answer: it cost 50 of the 500 reserved, so the bucket holds 950 again.
    limiter.settle(b, { requestedQueryCost: 500, actualQueryCost: 50, throttleStatus: status(950) })
    expect((await c).cost).toBe(500)
    expect(admitted).toBe(true)
  })
})
