/**
 * Shopify's Admin GraphQL API meters every app-and-shop pair with a leaky bucket of query-cost
 * points: a query runs only when the bucket holds its *requested* cost, the difference to the
 * *actual* cost is refunded afterwards, and the bucket refills at `restoreRate` points a second.
 * When many shoppers look at their orders at once, firing every query and backing off on
 * THROTTLED would waste round trips and make everyone slow; this limiter keeps a local estimate
 * of the bucket and queues requests (first come, first served) until their cost fits.
 *
 * The estimate is re-synchronised from `extensions.cost.throttleStatus` on every response and
 * only ever errs low: points reserved by requests still in flight are subtracted from what the
 * shop reports, even if the shop may already have charged them. The cost of an operation is
 * learned from `requestedQueryCost`; until the first answer for an operation arrives, only one
 * of its kind is let through, so a wrong static estimate cannot overdraw the bucket.
 *
 * One limiter per shop and process. Several processes share the shop's bucket without seeing
 * each other's reservations; the THROTTLED back-off in the client covers that case.
 */

export interface ThrottleStatus {
  maximumAvailable: number
  currentlyAvailable: number
  restoreRate: number
}

export interface CostReport {
  requestedQueryCost: number | null
  actualQueryCost: number | null
  throttleStatus: ThrottleStatus
}

export interface LimiterTiming {
  /** Monotonic milliseconds. */
  now(): number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export interface Reservation {
  readonly id: number
  readonly operation: string
  readonly cost: number
}

/** What the client needs from a limiter (tests swap in one that never waits). */
export interface Limiter {
  acquire(operation: string, estimate: number): Promise<Reservation>
  settle(reservation: Reservation, report: CostReport | undefined): void
}

interface Waiter {
  operation: string
  estimate: number
  resolve(r: Reservation): void
}

/** Conservative defaults (the smallest plan) until the shop tells us its real bucket. */
export const DEFAULT_BUCKET: ThrottleStatus = {
  maximumAvailable: 1000,
  currentlyAvailable: 1000,
  restoreRate: 50,
}

export class CostLimiter implements Limiter {
  #timing: LimiterTiming
  #max: number
  #rate: number
  #available: number
  #at: number
  #learned = new Map<string, number>()
  #probing = new Set<string>()
  #inFlight = new Map<number, Reservation>()
  #queue: Waiter[] = []
  #pumping = false
  #wake: AbortController | undefined
  #nextId = 1

  constructor(timing: LimiterTiming, initial: ThrottleStatus = DEFAULT_BUCKET) {
    this.#timing = timing
    this.#max = initial.maximumAvailable
    this.#rate = initial.restoreRate
    this.#available = initial.currentlyAvailable
    this.#at = timing.now()
  }

  /** Waits until the bucket can pay for one run of `operation`, then reserves its cost. */
  acquire(operation: string, estimate: number): Promise<Reservation> {
    return new Promise((resolve) => {
      this.#queue.push({ operation, estimate, resolve })
      void this.#pump()
    })
  }

  /** Returns a reservation, with the shop's cost report when the response carried one. */
  settle(reservation: Reservation, report: CostReport | undefined): void {
    this.#inFlight.delete(reservation.id)
    this.#probing.delete(reservation.operation)
    if (report !== undefined) {
      if (report.requestedQueryCost !== null && report.requestedQueryCost > 0) {
        this.#learned.set(reservation.operation, report.requestedQueryCost)
      }
      const status = report.throttleStatus
      this.#max = status.maximumAvailable
      this.#rate = Math.max(status.restoreRate, 1)
      this.#available = status.currentlyAvailable - this.#reservedInFlight()
      this.#at = this.#timing.now()
    }
    // Without a report (network error, 5xx) the points may or may not have been spent; they
    // stay spent, which errs on the safe side. Either way a waiting request re-checks now: an
    // answer usually refunds most of what its request reserved.
    this.#wake?.abort()
    void this.#pump()
  }

  /** What the limiter believes the bucket holds now (for logs and tests). */
  estimatedAvailable(): number {
    this.#refill()
    return this.#available
  }

  costOf(operation: string): number | undefined {
    return this.#learned.get(operation)
  }

  #reservedInFlight(): number {
    let sum = 0
    for (const r of this.#inFlight.values()) sum += r.cost
    return sum
  }

  #refill(): void {
    const now = this.#timing.now()
    const elapsed = Math.max(0, now - this.#at) / 1000
    this.#available = Math.min(this.#max, this.#available + elapsed * this.#rate)
    this.#at = now
  }

  // A single pump runs at a time, so at most one timer is pending per shop however many
  // requests queue behind it.
  async #pump(): Promise<void> {
    if (this.#pumping) return
    this.#pumping = true
    try {
      while (this.#queue.length > 0) {
        const head = this.#queue[0] as Waiter
        const learned = this.#learned.get(head.operation)
        if (learned === undefined && this.#probing.has(head.operation)) return
        // A query can never cost more than the whole bucket; let it through when the bucket is
        // full and leave the verdict to Shopify.
        const cost = Math.min(learned ?? head.estimate, this.#max)
        this.#refill()
        if (this.#available >= cost) {
          this.#queue.shift()
          this.#available -= cost
          const reservation: Reservation = {
            id: this.#nextId++,
            operation: head.operation,
            cost,
          }
          this.#inFlight.set(reservation.id, reservation)
          if (learned === undefined) this.#probing.add(head.operation)
          head.resolve(reservation)
          continue
        }
        const waitMs = Math.ceil(((cost - this.#available) / this.#rate) * 1000)
        const wake = new AbortController()
        this.#wake = wake
        await Promise.race([
          this.#timing.sleep(Math.max(waitMs, 1), wake.signal),
          new Promise((resolve) => wake.signal.addEventListener('abort', resolve, { once: true })),
        ])
        this.#wake = undefined
      }
    } finally {
      this.#pumping = false
    }
  }
}
