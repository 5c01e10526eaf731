import { AGENT_ROLES } from '@porchlight/shared/api/team'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ownersOnly } from '../../middleware/owner-only.ts'
import {
  changeAgent,
  inviteAgent,
  listTeam,
  sendPasswordLink,
} from '../../services/team/team-members.ts'

export const inviteBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('not an email address')),
  name: z.string().trim().min(1).max(100),
  role: z.enum(AGENT_ROLES).default('agent'),
})

export const agentChangeBody = z
  .strictObject({
    version: z.number().int().min(1),
    role: z.enum(AGENT_ROLES).optional(),
    /** false deactivates the agent, true brings them back. */
    active: z.boolean().optional(),
  })
  .refine((b) => b.role !== undefined || b.active !== undefined, {
    message: 'send role or active',
    path: ['role'],
  })

const AGENT = '/v1/agent/agents/:id{[A-Za-z0-9_-]{1,64}}'
const owners = ownersOnly('change its agents')

const actorOf = (c: Context<AppEnv>) => ({ id: c.get('agent').agentId, name: c.get('agent').name })
const storeOf = (c: Context<AppEnv>) => ({ id: c.get('store').id, name: c.get('store').name })

/**
 * The store's team: any agent lists it (names in the history, assignment); owners invite,
 * change roles, deactivate and send set-password links.
 */
export const agentDirectoryRoutes = new Hono<AppEnv>()
  .use('/v1/agent/agents', requireAgent)
  .use('/v1/agent/agents/*', requireAgent)
  .get('/v1/agent/agents', async (c) =>
    c.json({
      agents: await listTeam(c.get('deps').db, c.get('store').id),
      canEdit: c.get('agent').role === 'owner',
    }),
  )
  .post('/v1/agent/agents', owners, async (c) => {
    const body = await readJson(c, inviteBody)
    const result = await inviteAgent(c.get('deps'), actorOf(c), storeOf(c), body)
    if (!result.ok) {
      throw new AppError('agent_exists', `${body.email} is an agent of this store already.`)
    }
    return c.json({ agent: result.member }, 201)
  })
  .patch(AGENT, owners, async (c) => {
    const body = await readJson(c, agentChangeBody)
    const result = await changeAgent(
      c.get('deps'),
      actorOf(c),
      c.get('store').id,
      c.req.param('id'),
      body,
    )
    if (result.ok) return c.json({ agent: result.member })
    switch (result.code) {
      case 'version_conflict':
        throw new AppError('version_conflict', 'Someone changed this agent first.', {
          agent: result.member,
        })
      case 'last_owner':
        throw new AppError('last_owner', 'The store must keep an active owner: add another first.')
      default:
        throw new AppError('member_not_found', 'No such agent in this store.')
    }
  })
  .post(`${AGENT}/password-link`, owners, async (c) => {
    const result = await sendPasswordLink(c.get('deps'), actorOf(c), storeOf(c), c.req.param('id'))
    if (result.ok) {
      return c.json({ sentTo: result.sentTo, expiresAt: result.expiresAt.toISOString() }, 202)
    }
    if (result.code === 'agent_deactivated') {
      throw new AppError('agent_deactivated', 'Reactivate this agent before sending a link.')
    }
    throw new AppError('member_not_found', 'No such agent in this store.')
  })
