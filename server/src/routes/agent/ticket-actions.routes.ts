import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJson } from '../../http/json-body.ts'
import { dbInteger } from '../../http/safe-input.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { decideRequest } from '../../services/tickets/decisions.ts'
import { refundTicket } from '../../services/tickets/refunds.ts'
import { replyToTicket } from '../../services/tickets/replies.ts'
import { ticketPage } from '../../services/tickets/ticket-page.ts'
import { ticketEventJson } from '../../services/tickets/ticket-view.ts'

// Stored in an `integer` column: past 2^31 PostgreSQL would refuse the query itself.
const version = dbInteger(1)

export const decisionBody = z.strictObject({
  version,
  decision: z.enum(['approve', 'decline']),
  reason: z.string().trim().max(1000).optional(),
  keepOpen: z.boolean().optional(),
  instead: z.literal('refund').optional(),
})

export const replyBody = z.strictObject({ body: z.string().trim().min(1).max(5000) })

export const refundBody = z.strictObject({
  version,
  amount: z.strictObject({
    amount: z.number().int().min(1).max(1_000_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
  }),
  note: z.string().trim().max(500).optional(),
})

/**
 * What agents do to a ticket beyond editing it: decide a request, reply to the shopper, refund.
 * Scoped to the agent's store like every agent route.
 */
export const agentTicketActionRoutes = new Hono<AppEnv>()
  .post('/v1/agent/tickets/:id/decision', requireAgent, async (c) => {
    const body = await readJson(c, decisionBody)
    const deps = c.get('deps')
    const store = c.get('store')
    const agent = c.get('agent')
    const { ticket, order } = await decideRequest(deps, store, {
      ticketId: c.req.param('id'),
      agent: { id: agent.agentId, name: agent.name },
      ...body,
    })
    return c.json(await ticketPage(deps, store, ticket, order))
  })
  .post('/v1/agent/tickets/:id/replies', requireAgent, async (c) => {
    const body = await readJson(c, replyBody)
    const agent = c.get('agent')
    const event = await replyToTicket(c.get('deps'), c.get('store'), {
      ticketId: c.req.param('id'),
      agent: { id: agent.agentId, name: agent.name },
      body: body.body,
    })
    return c.json({ event: ticketEventJson(event) }, 201)
  })
  .post('/v1/agent/tickets/:id/refunds', requireAgent, async (c) => {
    const body = await readJson(c, refundBody)
    const deps = c.get('deps')
    const store = c.get('store')
    const agent = c.get('agent')
    const { ticket, order } = await refundTicket(deps, store, {
      ticketId: c.req.param('id'),
      agent: { id: agent.agentId, name: agent.name },
      ...body,
    })
    return c.json(await ticketPage(deps, store, ticket, order))
  })
