import type { Kysely } from 'kysely'
import { finishOutboxMessage } from '../../db/outbox.repository.ts'
import type { Database } from '../../db/schema.ts'

/** How one claimed row ends: its new state, and the template's hook for the same transaction. */
export interface Finish {
  id: string
  token: string
  outcome: Parameters<typeof finishOutboxMessage>[3]
  /** Runs in the transaction that writes the outcome, only when the claim still held. */
  hook?: (trx: Kysely<Database>) => Promise<void>
}

/**
 * Writes the outcomes of finished sends, many to a transaction (a group commit). One
 * transaction per message made every send cost a durable commit, queued on SQLite behind the
 * ticket writes for the one connection: under write load the outbox fell behind. A group whose
 * transaction fails (one template's hook threw) is written again row by row, so one bad row
 * cannot hold the others back.
 */
export function createFinishQueue(db: Kysely<Database>, maxGroup = 100) {
  const queue: Array<{
    finish: Finish
    done: (kept: boolean) => void
    fail: (e: unknown) => void
  }> = []
  let flushing = false

  async function write(group: typeof queue): Promise<void> {
    try {
      const kept = await db.transaction().execute(async (trx) => {
        const results: boolean[] = []
        for (const { finish } of group) {
          const ok = await finishOutboxMessage(trx, finish.id, finish.token, finish.outcome)
          if (ok) await finish.hook?.(trx)
          results.push(ok)
        }
        return results
      })
      group.forEach((entry, i) => entry.done(kept[i] === true))
    } catch (err) {
      if (group.length === 1) return group[0]?.fail(err)
      for (const entry of group) await write([entry])
    }
  }

  async function flush() {
    flushing = true
    try {
      // Outcomes that arrive while a group commits wait for the next group.
      while (queue.length > 0) await write(queue.splice(0, maxGroup))
    } finally {
      flushing = false
    }
  }

  return {
    /** Resolves once written: true if the claim still held, false if another worker took it. */
    finish(finish: Finish): Promise<boolean> {
      return new Promise((done, fail) => {
        queue.push({ finish, done, fail })
        if (!flushing) void flush()
      })
    },
  }
}
