import { describe, expect, it } from 'vitest'
import { HashQueue, QUEUE_FULL } from './hash-queue.ts'

/** A task that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void
  const done = new Promise<void>((resolve) => (open = resolve))
  return {
    task: async () => {
      log.push(name)
      await done
      return name
    },
    open: () => open(),
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('password hashing queue', () => {
  it('runs at most `concurrency` tasks at once', async () => {
    const q = new HashQueue({ concurrency: 2, maxWaiting: 10, maxPerLane: 10 })
    const log: string[] = []
    const gates = ['a', 'b', 'c'].map((n) => gate(log, n))
    const runs = gates.map((g, i) => q.run(`lane-${i}`, g.task))
    await tick()
    expect(log).toEqual(['a', 'b'])
    expect(q.size).toEqual({ running: 2, waiting: 1 })
    gates[0]?.open()
    await tick()
    expect(log).toEqual(['a', 'b', 'c'])
    for (const g of gates) g.open()
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c'])
    expect(q.size).toEqual({ running: 0, waiting: 0 })
  })

  it('serves lanes in turn, so one busy address cannot push another back', async () => {
    const q = new HashQueue({ concurrency: 1, maxWaiting: 20, maxPerLane: 20 })
    const log: string[] = []
    const first = gate(log, 'flood-0')
    const runs = [q.run('flood', first.task)]
    const floods = Array.from({ length: 5 }, (_, i) => gate(log, `flood-${i + 1}`))
    for (const g of floods) runs.push(q.run('flood', g.task))
    const real = gate(log, 'real')
    runs.push(q.run('real', real.task))
    await tick()
    first.open()
    await tick()
    // FIFO would have run all five floods first.
    expect(log).toEqual(['flood-0', 'flood-1'])
    floods[0]?.open()
    await tick()
    expect(log.at(-1)).toBe('real')
    real.open()
    for (const g of floods) g.open()
    await Promise.all(runs)
  })

  it('puts trusted devices first', async () => {
    const q = new HashQueue({ concurrency: 1, maxWaiting: 20, maxPerLane: 20 })
    const log: string[] = []
    const gates = Array.from({ length: 4 }, (_, i) => gate(log, `lane-${i}`))
    const runs = gates.map((g, i) => q.run(`lane-${i}`, g.task))
    const trusted = gate(log, 'trusted')
    runs.push(q.run('lane-x', trusted.task, true))
    await tick()
    gates[0]?.open()
    await tick()
    expect(log).toEqual(['lane-0', 'trusted'])
    trusted.open()
    for (const g of gates) g.open()
    await Promise.all(runs)
  })

  it('refuses at once past the per-lane and total bounds, and frees the slot of a failed task', async () => {
    const q = new HashQueue({ concurrency: 1, maxWaiting: 2, maxPerLane: 2 })
    const log: string[] = []
    const a = gate(log, 'a')
    const b = gate(log, 'b')
    const runs = [q.run('x', a.task), q.run('x', b.task)]
    expect(await q.run('x', async () => 'c')).toBe(QUEUE_FULL)
    const y = gate(log, 'y')
    runs.push(q.run('y', y.task))
    expect(await q.run('z', async () => 'z')).toBe(QUEUE_FULL)
    a.open()
    b.open()
    y.open()
    await Promise.all(runs)
    await expect(q.run('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(q.size).toEqual({ running: 0, waiting: 0 })
    expect(await q.run('x', async () => 'ok')).toBe('ok')
  })
})

describe('password hashing queue when full of strangers', () => {
  it('still takes a trusted device', async () => {
    const q = new HashQueue({ concurrency: 1, maxWaiting: 2, maxPerLane: 2 })
    const log: string[] = []
    const gates = ['a', 'b', 'c'].map((n) => gate(log, n))
    const runs = gates.map((g, i) => q.run(`lane-${i}`, g.task))
    expect(await q.run('lane-z', async () => 'z')).toBe(QUEUE_FULL)
    const trusted = gate(log, 'trusted')
    const mine = q.run('lane-t', trusted.task, true)
    gates[0]?.open()
    await tick()
    expect(log).toEqual(['a', 'trusted'])
    trusted.open()
    for (const g of gates) g.open()
    await Promise.all([...runs, mine])
  })
})
