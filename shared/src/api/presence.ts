/**
 * Agent presence, the console's side (cookie session + `X-CSRF-Token` on writes).
 *
 *   PUT    /v1/agent/presence               { tabId, idleMs } -> PresenceResponse (a tab's heartbeat)
 *   DELETE /v1/agent/presence/tabs/:tabId   -> 204 (the tab closed)
 *   PUT    /v1/agent/presence/away          { away } -> PresenceResponse (set by hand, all tabs)
 *   GET    /v1/agent/presence               -> TeamPresenceResponse
 *
 * An agent is available while any of their console tabs beats and has seen input in the last
 * IDLE_AFTER_MS, unless they set themselves away; a tab that stops beating for
 * PRESENCE_EXPIRY_MS no longer counts. The shopper's "online / away / back at" reads the same.
 */

export const PRESENCE_STATES = ['available', 'away', 'offline'] as const
export type PresenceState = (typeof PRESENCE_STATES)[number]

/** How often an open console tab says it is still there. */
export const PRESENCE_HEARTBEAT_MS = 10_000
/** A tab not heard from for this long is gone (closed without a goodbye, or its server died). */
export const PRESENCE_EXPIRY_MS = 30_000
/** No input in any tab for this long makes an agent away. */
export const IDLE_AFTER_MS = 10 * 60_000

/** A tab id: made by the tab itself, random, url-safe. */
export const TAB_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export interface PresenceHeartbeat {
  tabId: string
  /** Milliseconds since the last keyboard or pointer input in this tab. */
  idleMs: number
}

export interface PresenceResponse {
  state: PresenceState
  /** Set away by hand (idle agents are away without it). */
  away: boolean
}

export interface TeamPresenceResponse {
  agents: { agentId: string; state: PresenceState }[]
}
