import { IDLE_AFTER_MS, PRESENCE_EXPIRY_MS, type PresenceState } from '../api/presence.ts'

/** One console tab as last heard from (epoch ms). */
export interface TabBeat {
  seenAt: number
  lastInputAt: number
}

/**
 * An agent's presence from their tabs and their own away switch: offline once no tab has beaten
 * within the expiry, away when set so or when no tab saw input within the idle time.
 */
export function presenceState(
  agent: { awaySince: number | null; tabs: readonly TabBeat[] },
  now: number,
): PresenceState {
  const live = agent.tabs.filter((t) => t.seenAt > now - PRESENCE_EXPIRY_MS)
  if (live.length === 0) return 'offline'
  if (agent.awaySince !== null) return 'away'
  const lastInput = Math.max(...live.map((t) => t.lastInputAt))
  return lastInput > now - IDLE_AFTER_MS ? 'available' : 'away'
}
