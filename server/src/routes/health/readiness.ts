import type { AppDeps } from '../../deps.ts'
import { pingDatabase, probeWrites } from '../../db/database.ts'
import type { StorageFault } from '../../db/storage-faults.ts'
import { storageHealthOf, type ActiveFault } from '../../db/storage-health.ts'

/**
 * A fault stays "not ready" this long after the last failure even when the probe passes: a
 * write rolled back never reaches the disk, so on a full disk it passes while commits still
 * fail. Without the hold a balancer would be told "ready" between every two failures.
 */
export const READY_HOLD_MS = 10_000

/** Why the storage cannot serve, or undefined when it can. */
export async function storageReadiness(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'logger'>,
  now: () => number = Date.now,
): Promise<ActiveFault | StorageFault | undefined> {
  const health = storageHealthOf(deps.db)
  try {
    // Reads cost nothing to check; the write probe runs only while a fault is known, to see
    // whether it has cleared even when no request writes (a balancer sends none to us then).
    if (health.current() === undefined) await pingDatabase(deps.db)
    else await probeWrites(deps.db, deps.dialect)
  } catch (err) {
    const fault = health.report(err, { logger: deps.logger, source: 'readyz' })
    return fault ?? { code: 'storage_unavailable', cause: String(err) }
  }
  const fault = health.current()
  return fault !== undefined && now() - fault.lastAt < READY_HOLD_MS ? fault : undefined
}
