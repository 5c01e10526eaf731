import { revertHoursFrom } from '@porchlight/shared/chat/revert'
import { PRESENCE_EXPIRY_MS } from '@porchlight/shared/api/presence'
import { pruneChatEvents, pruneStreamTickets } from '../../db/chat-events.repository.ts'
import { pruneStaleTabs } from '../../db/presence.repository.ts'
import { findConversation, listRevertCandidates } from '../../db/conversations.repository.ts'
import { logTaskFailure } from '../../db/storage-health.ts'
import { listStores } from '../../db/stores.repository.ts'
import { chatWrite, closeConversationIn, type ChatDeps } from './chat-writes.ts'
import { REPLAY_WINDOW_MS } from './stream-limits.ts'
import { revertOf } from './views.ts'

export const SWEEP_INTERVAL_MS = 60_000
const BATCH = 200

export interface SweepReport {
  closed: number
  prunedEvents: number
}

/**
 * One pass of housekeeping: closes conversations the revert rule has ended (and their chat
 * tickets, so the console shows them closed), and prunes what streams no longer need. Safe to
 * run in several processes at once: each close happens once (see closeConversationIn).
 */
export async function sweepChat(deps: ChatDeps): Promise<SweepReport> {
  const now = deps.clock.now()
  let closed = 0
  for (const store of await listStores(deps.db)) {
    const hours = revertHoursFrom(store.settings)
    // Whole milliseconds: the column is an integer, and PostgreSQL refuses a fractional bound.
    const cutoff = Math.floor(now.getTime() - hours * 3600_000)
    for (;;) {
      const ids = await listRevertCandidates(deps.db, store.id, cutoff, BATCH)
      let progress = 0
      for (const id of ids) {
        const done = await chatWrite(deps, store.id, async (w) => {
          // Re-read under the store's lock: the shopper may have answered a moment ago.
          const row = await findConversation(w.trx, store.id, id)
          if (row === undefined || row.status !== 'open') return false
          if (!revertOf(row, now, hours).reverted) return false
          return closeConversationIn(w, row, {
            reason: 'reverted',
            actor: { kind: 'system', id: null },
            at: now,
          })
        })
        if (done) progress++
      }
      closed += progress
      // A full batch that closed nothing would come back unchanged: stop rather than spin.
      if (ids.length < BATCH || progress === 0) break
    }
  }
  const prunedEvents = await pruneChatEvents(deps.db, now.getTime() - REPLAY_WINDOW_MS)
  await pruneStreamTickets(deps.db, now.getTime())
  await pruneStaleTabs(deps.db, now.getTime() - PRESENCE_EXPIRY_MS)
  if (closed > 0) deps.logger.info('chat sweep', { closed, prunedEvents })
  return { closed, prunedEvents }
}

/** Runs the sweep every `intervalMs` until stopped; one pass at a time. */
export function startChatSweeper(deps: ChatDeps, intervalMs = SWEEP_INTERVAL_MS) {
  let running: Promise<unknown> | undefined
  const timer = setInterval(() => {
    if (running !== undefined) return
    running = sweepChat(deps)
      .catch((err: unknown) => logTaskFailure(deps, 'chat sweep failed', err))
      .finally(() => {
        running = undefined
      })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
