import type { StreamTicketResponse } from '@porchlight/shared/api/chat'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { openStream } from '../common/event-stream.ts'
import type { ConsoleApi } from './api.ts'

/** What the console's one stream carries (shared/src/api/chat.ts and inbox.ts). */
export const LIVE_EVENTS = ['ready', 'resync', 'ticket', 'conversation', 'message', 'read'] as const
export type LiveEventName = (typeof LIVE_EVENTS)[number]
export type LiveListener = (name: LiveEventName, data: unknown) => void

export interface LiveFeed {
  subscribe(listener: LiveListener): () => void
  close(): void
}

/**
 * The console tab's event stream, opened once while signed in and shared by the inbox and
 * its alerts. It names the tab, so while it is open the tab counts as present even when the
 * browser slows the tab's timers in the background.
 */
export function createLiveFeed(api: ConsoleApi, tabId: string): LiveFeed {
  const listeners = new Set<LiveListener>()
  // No EventSource (an old browser, a test page): the console still works, without live updates.
  const stream =
    typeof EventSource === 'undefined'
      ? undefined
      : openStream({
          ticketUrl: () =>
            api
              .request<StreamTicketResponse>(
                'POST',
                `/v1/agent/conversations/stream-tickets?tab=${encodeURIComponent(tabId)}`,
              )
              .then(
                (r) => r.url,
                () => null,
              ),
          startAfter: null,
          events: LIVE_EVENTS,
          onEvent(name, data) {
            for (const l of listeners) l(name as LiveEventName, data)
          },
        })
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => stream?.close(),
  }
}

export const LiveContext = createContext<LiveFeed | null>(null)
export const useLiveFeed = () => useContext(LiveContext)
