import { TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES } from '@porchlight/shared/api/agent'
import { INBOX_VIEWS, viewFilter } from '@porchlight/shared/api/inbox'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { listQueue, type QueueFilter } from '../../db/ticket-queue.repository.ts'
import { appendTicketEvent, findTicket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { dbInteger } from '../../http/safe-input.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { editTicket } from '../../services/tickets/ticket-edits.ts'
import { ticketPage } from '../../services/tickets/ticket-page.ts'
import { ticketEventJson, ticketJson } from '../../services/tickets/ticket-view.ts'

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return undefined
      const parts = s.split(',')
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(', ')}` })
          return z.NEVER
        }
      }
      return parts as T[]
    })

const isoDate = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === '') return undefined
    const t = Date.parse(s)
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO 8601 date' })
      return z.NEVER
    }
    return t
  })

export const queueQuery = z.strictObject({
  type: list(TICKET_TYPES),
  status: list(TICKET_STATUSES),
  channel: list(TICKET_CHANNELS),
  from: isoDate,
  to: isoDate,
  q: z.string().max(200).optional(),
  assignee: z.string().max(64).optional(),
  /** An inbox view (shared/src/api/inbox.ts); a status or channel given replaces the view's. */
  view: z.enum(INBOX_VIEWS).optional(),
  pageSize: z.enum(['10', '20', '50', '100']).default('20').transform(Number),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
})

export const patchBody = z.strictObject({
  // Stored in an `integer` column: past 2^31 PostgreSQL would refuse the query itself.
  version: dbInteger(1),
  status: z.enum(TICKET_STATUSES).optional(),
  assigneeId: z.string().max(64).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
})

export const noteBody = z.strictObject({ body: z.string().trim().min(1).max(5000) })

/** The queue's filters from a query string; 400 validation_failed for anything else. */
export function parseQuery(query: Record<string, string>) {
  const parsed = queueQuery.safeParse(query)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      'validation_failed',
      `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`,
    )
  }
  return parsed.data
}

/**
 * The repository's filter for a parsed queue query, with the inbox view (if any) as the agent
 * who asks sees it: the list and its CSV export share it, so an export is what the list shows.
 */
export function queueFilter(
  storeId: string,
  agentId: string,
  q: ReturnType<typeof parseQuery>,
): QueueFilter {
  const view = q.view === undefined ? undefined : viewFilter(q.view, agentId)
  return {
    storeId,
    type: q.type,
    status: q.status ?? (view ? [view.status] : undefined),
    channel: q.channel ?? (view?.channel ? [view.channel] : undefined),
    from: q.from,
    to: q.to,
    search: q.q,
    assigneeId: q.assignee ?? view?.assigneeId,
    requestStatus: view?.requestStatus ? [view.requestStatus] : undefined,
  }
}

/** The agent's queue and ticket view; every read and write is scoped to the agent's store. */
export const agentTicketRoutes = new Hono<AppEnv>()
  .use('/v1/agent/tickets', requireAgent)
  .use('/v1/agent/tickets/*', requireAgent)
  .get('/v1/agent/tickets', async (c) => {
    const q = parseQuery(c.req.query())
    const { tickets, total } = await listQueue(
      c.get('deps').db,
      queueFilter(c.get('store').id, c.get('agent').agentId, q),
      { size: q.pageSize, number: q.page },
    )
    return c.json({ tickets: tickets.map(ticketJson), total, page: q.page, pageSize: q.pageSize })
  })
  .get('/v1/agent/tickets/:id', async (c) => {
    const deps = c.get('deps')
    const store = c.get('store')
    const ticket = await findTicket(deps.db, store.id, c.req.param('id'))
    if (ticket === undefined) throw new AppError('ticket_not_found', 'No such ticket.')
    // The ticket, its history, and the order beside it (null when the store has none).
    return c.json(await ticketPage(deps, store, ticket))
  })
  .patch('/v1/agent/tickets/:id', async (c) => {
    const body = await readJson(c, patchBody)
    const result = await editTicket(c.get('deps'), {
      storeId: c.get('store').id,
      ticketId: c.req.param('id'),
      agentId: c.get('agent').agentId,
      ...body,
    })
    if (result.ok) return c.json({ ticket: ticketJson(result.ticket) })
    if (result.code === 'ticket_not_found')
      throw new AppError('ticket_not_found', 'No such ticket.')
    if (result.code === 'agent_not_found')
      throw new AppError('agent_not_found', 'No such agent in this store.')
    throw new AppError('version_conflict', 'Someone changed this ticket first; here it is now.', {
      ticket: ticketJson(result.ticket),
    })
  })
  .post('/v1/agent/tickets/:id/notes', async (c) => {
    const body = await readJson(c, noteBody)
    const { db, clock } = c.get('deps')
    const storeId = c.get('store').id
    const ticket = await findTicket(db, storeId, c.req.param('id'))
    if (ticket === undefined) throw new AppError('ticket_not_found', 'No such ticket.')
    // No webhook: notes are agents' words to each other, which the console promises only
    // agents see, while endpoints are often outside tools (a helpdesk, Zapier). A note also
    // changes nothing on the ticket (no new version), so it is no ticket.updated either.
    const event = await appendTicketEvent(db, {
      ticketId: ticket.id,
      storeId,
      kind: 'note',
      actor: { kind: 'agent', id: c.get('agent').agentId },
      data: { body: body.body },
      at: clock.now(),
    })
    return c.json({ event: ticketEventJson(event) }, 201)
  })
