import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { API_TOKEN_SCOPES } from '../../db/agent-api-tokens.table.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  issueApiToken,
  listTokens,
  revokeApiToken,
} from '../../services/agents/api-tokens.ts'

export const tokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(API_TOKEN_SCOPES).default('read_write'),
  days: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(API_TOKEN_DEFAULT_DAYS),
})

const TOKEN_ID = '/v1/agent/tokens/:id{at_[A-Za-z0-9_-]{1,40}}'

/**
 * Agent API tokens from the console: an agent lists, issues and revokes their own; an owner
 * sees and revokes every token of the store. Issuing takes a console session: a token that
 * leaked must not be able to mint more of itself.
 */
export const agentTokenRoutes = new Hono<AppEnv>()
  .use('/v1/agent/tokens', requireAgent)
  .use('/v1/agent/tokens/*', requireAgent)
  .get('/v1/agent/tokens', async (c) => {
    const agent = c.get('agent')
    const { db, clock } = c.get('deps')
    const mine = agent.role === 'owner' ? undefined : agent.agentId
    return c.json({ tokens: await listTokens(db, agent.storeId, clock.now(), mine) })
  })
  .post('/v1/agent/tokens', async (c) => {
    const agent = c.get('agent')
    if (agent.via !== 'session') {
      throw new AppError('session_required', 'Issue API tokens from the console.')
    }
    const body = await readJson(c, tokenBody)
    const { db, clock } = c.get('deps')
    const issued = await issueApiToken(db, {
      agentId: agent.agentId,
      storeId: agent.storeId,
      name: body.name,
      scope: body.scope,
      days: body.days,
      now: clock.now(),
    })
    c.header('Cache-Control', 'no-store')
    return c.json(
      {
        id: issued.id,
        token: issued.token,
        scope: issued.scope,
        expiresAt: issued.expiresAt.toISOString(),
      },
      201,
    )
  })
  .delete(TOKEN_ID, async (c) => {
    const agent = c.get('agent')
    const { db, clock } = c.get('deps')
    const onlyOwn = agent.role === 'owner' ? undefined : agent.agentId
    const revoked = await revokeApiToken(db, agent.storeId, c.req.param('id'), clock.now(), onlyOwn)
    if (!revoked) throw new AppError('token_not_found', 'No such live token.')
    return c.body(null, 204)
  })
