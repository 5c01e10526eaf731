import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { listStoreAgents } from '../../db/agents.repository.ts'
import { requireAgent } from '../../middleware/agent-session.ts'

/** The agents of the signed-in agent's store (for assignment and names in the history). */
export const agentDirectoryRoutes = new Hono<AppEnv>().get(
  '/v1/agent/agents',
  requireAgent,
  async (c) => c.json({ agents: await listStoreAgents(c.get('deps').db, c.get('store').id) }),
)
