/**
 * A bounded, fair queue for password hashing. scrypt runs on libuv's small thread pool, first
 * come first served: 40 bad logins in flight used to put a real agent's login behind all of
 * them (0.4 s -> 5.4 s). Here at most `concurrency` hashes run at once, each client address
 * (a "lane") may have only a few waiting, lanes are served in turn, and trusted devices (an
 * agent's browser that signed in before) go first. What does not fit is refused at once,
 * cheaply, instead of queueing without end.
 */
export interface HashQueueOptions {
  concurrency: number
  /** Jobs waiting (not running) across all lanes; as many again for trusted devices. */
  maxWaiting: number
  /** Jobs waiting or running per lane. */
  maxPerLane: number
}

export const QUEUE_FULL = Symbol('queue-full')

interface Job {
  lane: string
  start: () => void
}

export class HashQueue {
  readonly #options: HashQueueOptions
  #running = 0
  #waiting = 0
  readonly #lanes = new Map<string, Job[]>()
  readonly #perLane = new Map<string, number>()
  readonly #priority: Job[] = []

  constructor(options: HashQueueOptions) {
    this.#options = options
  }

  /** Runs `task` when its turn comes, or answers QUEUE_FULL straight away. */
  async run<T>(
    lane: string,
    task: () => Promise<T>,
    priority = false,
  ): Promise<T | typeof QUEUE_FULL> {
    const inLane = this.#perLane.get(lane) ?? 0
    const free = this.#running < this.#options.concurrency && this.#waiting === 0
    // Trusted devices have their own bound: a full queue of strangers must not shut them out.
    const full = priority
      ? this.#priority.length >= this.#options.maxWaiting
      : this.#waiting - this.#priority.length >= this.#options.maxWaiting
    if (!free && (full || inLane >= this.#options.maxPerLane)) return QUEUE_FULL
    this.#perLane.set(lane, inLane + 1)
    try {
      if (free) this.#running++
      else await this.#wait(lane, priority)
      return await task()
    } finally {
      this.#running--
      const left = (this.#perLane.get(lane) ?? 1) - 1
      if (left === 0) this.#perLane.delete(lane)
      else this.#perLane.set(lane, left)
      this.#next()
    }
  }

  /** Hashes running and waiting, for tests and the log. */
  get size() {
    return { running: this.#running, waiting: this.#waiting }
  }

  #wait(lane: string, priority: boolean): Promise<void> {
    return new Promise((resolve) => {
      const job = { lane, start: resolve }
      this.#waiting++
      if (priority) {
        this.#priority.push(job)
        return
      }
      const queue = this.#lanes.get(lane)
      if (queue === undefined) this.#lanes.set(lane, [job])
      else queue.push(job)
    })
  }

  // Lanes are served in turn: a Map iterates in insertion order, so taking the first lane's
  // first job and moving the lane to the back (re-inserting it) is a round robin.
  #next() {
    while (this.#running < this.#options.concurrency && this.#waiting > 0) {
      let job = this.#priority.shift()
      if (job === undefined) {
        const [lane, queue] = this.#lanes.entries().next().value as [string, Job[]]
        job = queue.shift() as Job
        this.#lanes.delete(lane)
        if (queue.length > 0) this.#lanes.set(lane, queue)
      }
      this.#waiting--
      this.#running++
      job.start()
    }
  }
}
