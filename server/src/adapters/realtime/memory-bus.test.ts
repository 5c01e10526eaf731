import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../logger.ts'
import type { BusNotice } from './event-bus.ts'
import { createMemoryBus } from './memory-bus.ts'

describe('in-memory event bus', () => {
  it('delivers notices to every listener after the publisher’s turn, until unsubscribed', async () => {
    const bus = createMemoryBus()
    const a: BusNotice[] = []
    const b: BusNotice[] = []
    bus.subscribe((n) => a.push(n))
    const stopB = bus.subscribe((n) => b.push(n))
    const published = bus.publish({ type: 'appended', storeId: 'st_1', seq: 1 })
    expect(a).toEqual([])
    await published
    expect(a).toEqual([{ type: 'appended', storeId: 'st_1', seq: 1 }])
    expect(b).toHaveLength(1)
    stopB()
    await bus.publish({ type: 'appended', storeId: 'st_1', seq: 2 })
    expect(a).toHaveLength(2)
    expect(b).toHaveLength(1)
  })

  it('keeps delivering to the others when one listener throws', async () => {
    const logger = createMemoryLogger()
    const bus = createMemoryBus(logger)
    const seen: number[] = []
    bus.subscribe(() => {
      throw new Error('boom')
    })
    bus.subscribe((n) => n.type === 'appended' && seen.push(n.seq))
    await bus.publish({ type: 'appended', storeId: 'st_1', seq: 7 })
    expect(seen).toEqual([7])
    expect(logger.lines.map((l) => l['msg'])).toContain('event listener failed')
  })
})
