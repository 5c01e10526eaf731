import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { inbox } from '../../services/tickets/inbox.ts'

/** The inbox's counts per view and its waiting chats (the agent's store only). */
export const inboxRoutes = new Hono<AppEnv>().get('/v1/agent/inbox', requireAgent, async (c) =>
  c.json(await inbox(c.get('deps'), c.get('store').id, c.get('agent').agentId)),
)
