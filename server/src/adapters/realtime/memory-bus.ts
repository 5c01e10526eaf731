import type { Logger } from '../../logger.ts'
import { dispatch, type BusListener, type EventBus } from './event-bus.ts'

/** One process: notices go straight to this process's listeners. */
export function createMemoryBus(logger?: Logger): EventBus {
  const listeners = new Set<BusListener>()
  return {
    async publish(notice) {
      // Deliver after the publisher's own code has run, as a network bus would.
      queueMicrotask(() =>
        dispatch(listeners, notice, (err) =>
          logger?.error('event listener failed', { error: String(err) }),
        ),
      )
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      listeners.clear()
    },
  }
}
