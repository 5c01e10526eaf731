import type { Logger } from '../logger.ts'
import { classifyStorageFault, type StorageFault } from './storage-faults.ts'

/** A storage fault that has not been seen to clear yet: one "episode" for the log. */
export interface ActiveFault extends StorageFault {
  since: number
  /** When a request or task last failed with it. */
  lastAt: number
  /** Failures since the last line about it was logged. */
  failures: number
}

/**
 * What one process knows about its database's health. Requests and background tasks report
 * their failures here; the database layer reports a committed write. The log names a fault when
 * it starts, when it changes, every few minutes while it lasts, and once it has stayed clear,
 * never once per failure: a worker polling every 2 s must not write 30 lines a minute about
 * the same disk.
 */
export interface StorageHealth {
  /**
   * Classifies the error; for a storage fault, records it (logging as above) and returns it.
   * Without a logger (a database opened with none) the line waits for the next report.
   */
  report(err: unknown, by: { logger?: Logger; source: string }): StorageFault | undefined
  /** A write went through: the fault, if any, is over for now (see SETTLE_MS). */
  recovered(): void
  /** The fault writes are failing with now, if any. */
  current(): ActiveFault | undefined
}

/** While a fault lasts, a reminder at most this often, with the failures in between. */
export const REMINDER_MS = 5 * 60_000
/**
 * A fault is only over for the log once no write failed for this long after one went through.
 * A nearly full disk lets some writes through (a row that fits in a page, a mark "sent") and
 * refuses others; without this the log would say "recovered", "fault" for each of them.
 */
export const SETTLE_MS = 60_000

/** `now` is the wall clock by default: these times only ever reach the log. */
export function createStorageHealth(now: () => number = Date.now): StorageHealth {
  let fault: (ActiveFault & { clearedAt: number | undefined }) | undefined
  let logger: Logger | undefined
  let lastLine = 0
  let logged = false

  // Ends an episode whose fault cleared long enough ago, with its one "recovered" line.
  function settle(at: number) {
    if (fault?.clearedAt === undefined || at - fault.clearedAt < SETTLE_MS) return
    if (logged) {
      logger?.info('storage recovered', {
        code: fault.code,
        cause: fault.cause,
        downMs: fault.clearedAt - fault.since,
      })
    }
    fault = undefined
  }

  return {
    report(err, { logger: reporter, source }) {
      const seen = classifyStorageFault(err)
      if (seen === undefined) return undefined
      const at = now()
      settle(at)
      const changed = fault === undefined || fault.code !== seen.code
      if (changed) logged = false
      fault = {
        ...seen,
        since: fault === undefined || changed ? at : fault.since,
        lastAt: at,
        failures: (fault === undefined || changed ? 0 : fault.failures) + 1,
        clearedAt: undefined,
      }
      if (reporter !== undefined && (!logged || at - lastLine >= REMINDER_MS)) {
        reporter.error(logged ? 'storage fault continues' : 'storage fault', {
          code: fault.code,
          cause: fault.cause,
          source,
          since: new Date(fault.since).toISOString(),
          failures: fault.failures,
        })
        logger = reporter
        lastLine = at
        logged = true
        fault.failures = 0
      }
      return seen
    },
    recovered() {
      if (fault !== undefined && fault.clearedAt === undefined) fault.clearedAt = now()
    },
    current() {
      settle(now())
      return fault?.clearedAt === undefined ? fault : undefined
    },
  }
}

// One per database handle, found from its Kysely instance, so that every part of the process
// that holds `db` (routes, the outbox worker, sweepers) shares it without new wiring.
const registry = new WeakMap<object, StorageHealth>()

export function registerStorageHealth(db: object, health: StorageHealth): void {
  registry.set(db, health)
}

export function storageHealthOf(db: object): StorageHealth {
  let health = registry.get(db)
  if (health === undefined) {
    health = createStorageHealth()
    registry.set(db, health)
  }
  return health
}

/**
 * The one way a background task (outbox worker, sweepers, heartbeats) logs its failure: a
 * storage fault goes to the database's health, which names it once; anything else is logged
 * as the task says.
 */
export function logTaskFailure(
  task: { db: object; logger: Logger },
  message: string,
  err: unknown,
  fields: Record<string, unknown> = {},
  level: 'warn' | 'error' = 'error',
): void {
  const fault = storageHealthOf(task.db).report(err, { logger: task.logger, source: message })
  if (fault !== undefined) return
  task.logger[level](message, {
    ...fields,
    error: err instanceof Error ? err.message : String(err),
  })
}
