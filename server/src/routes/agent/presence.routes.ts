import { TAB_ID_PATTERN } from '@porchlight/shared/api/presence'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { beat, leaveTab, setAway, teamPresence } from '../../services/agents/presence.ts'

const PATH = '/v1/agent/presence'
const tabId = z.string().regex(TAB_ID_PATTERN, 'a random id of 8 to 64 url-safe characters')

/** A tab's heartbeat; idle times past a week are capped (the agent is long away by then). */
export const heartbeatBody = z.strictObject({
  tabId,
  idleMs: z
    .number()
    .int()
    .min(0)
    .transform((n) => Math.min(n, 7 * 86_400_000)),
})

export const awayBody = z.strictObject({ away: z.boolean() })

/** Presence of the signed-in agent's tabs, and of their team (their store only). */
export const presenceRoutes = new Hono<AppEnv>()
  .get(PATH, requireAgent, async (c) =>
    c.json(await teamPresence(c.get('deps'), c.get('store').id)),
  )
  .put(PATH, requireAgent, async (c) => {
    const body = await readJson(c, heartbeatBody)
    return c.json(await beat(c.get('deps'), c.get('agent'), body))
  })
  .put(`${PATH}/away`, requireAgent, async (c) => {
    const body = await readJson(c, awayBody)
    return c.json(await setAway(c.get('deps'), c.get('agent'), body.away))
  })
  .delete(`${PATH}/tabs/:tabId`, requireAgent, async (c) => {
    const parsed = tabId.safeParse(c.req.param('tabId'))
    if (!parsed.success)
      throw new AppError('validation_failed', `tabId: ${parsed.error.issues[0]?.message}`)
    // Only the agent's own tab: the key includes their id, so another agent's tab is untouched.
    await leaveTab(c.get('deps'), c.get('agent'), parsed.data)
    return c.body(null, 204)
  })
