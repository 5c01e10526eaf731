import {
  PRESENCE_EXPIRY_MS,
  type PresenceHeartbeat,
  type PresenceResponse,
  type TeamPresenceResponse,
} from '@porchlight/shared/api/presence'
import { presenceState } from '@porchlight/shared/chat/presence'
import { beatTab, dropTab, setAgentAway, storePresence } from '../../db/presence.repository.ts'
import type { AppDeps } from '../../deps.ts'
import type { AgentPrincipal } from './agent-sessions.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type Agent = Pick<AgentPrincipal, 'agentId' | 'storeId'>

async function stateOf(deps: Deps, agent: Agent, now: number): Promise<PresenceResponse> {
  const [me] = await storePresence(deps.db, agent.storeId, now - PRESENCE_EXPIRY_MS, agent.agentId)
  if (me === undefined) return { state: 'offline', away: false }
  return { state: presenceState(me, now), away: me.awaySince !== null }
}

/**
 * A console tab says it is open, and how long it has gone without input. The idle time is
 * turned into an instant on the server's clock, so a tab's wrong clock cannot keep anyone in.
 */
export async function beat(
  deps: Deps,
  agent: Agent,
  heartbeat: PresenceHeartbeat,
): Promise<PresenceResponse> {
  const now = deps.clock.now().getTime()
  await beatTab(deps.db, {
    storeId: agent.storeId,
    agentId: agent.agentId,
    tabId: heartbeat.tabId,
    at: now,
    inputAt: now - heartbeat.idleMs,
  })
  return stateOf(deps, agent, now)
}

/** The tab closed: it stops counting now rather than when its last beat expires. */
export async function leaveTab(deps: Deps, agent: Agent, tabId: string): Promise<void> {
  await dropTab(deps.db, agent.agentId, tabId)
}

/** The agent's own "away" switch, for all their tabs at once. */
export async function setAway(deps: Deps, agent: Agent, away: boolean): Promise<PresenceResponse> {
  const now = deps.clock.now().getTime()
  await setAgentAway(deps.db, agent.storeId, agent.agentId, away ? now : null)
  return stateOf(deps, agent, now)
}

/** Every agent of the store with their presence now (any process: it lives in the database). */
export async function teamPresence(deps: Deps, storeId: string): Promise<TeamPresenceResponse> {
  const now = deps.clock.now().getTime()
  const rows = await storePresence(deps.db, storeId, now - PRESENCE_EXPIRY_MS)
  return { agents: rows.map((r) => ({ agentId: r.agentId, state: presenceState(r, now) })) }
}

/** How many of the store's agents are available now: what the shopper's chat header follows. */
export async function availableAgents(deps: Deps, storeId: string): Promise<number> {
  const team = await teamPresence(deps, storeId)
  return team.agents.filter((a) => a.state === 'available').length
}
