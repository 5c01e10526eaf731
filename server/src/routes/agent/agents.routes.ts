import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { requireAgent } from '../../middleware/agent-session.ts'

/** The agents of the signed-in agent's store (for assignment and names in the history). */
export const agentDirectoryRoutes = new Hono<AppEnv>().get(
  '/v1/agent/agents',
  requireAgent,
  async (c) => {
    const rows = await c
      .get('deps')
      .db.selectFrom('agents')
      .select(['id', 'name', 'email', 'role'])
      .where('store_id', '=', c.get('store').id)
      .orderBy('name')
      .orderBy('id')
      .execute()
    return c.json({ agents: rows })
  },
)
