import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { ticketQueueCsv } from '../../services/export/exports.ts'
import { parseQuery, queueFilter } from './tickets.routes.ts'

/**
 * The queue as CSV: the same filters as GET /v1/agent/tickets (paging parameters ignored),
 * every matching ticket, streamed. Mounted before the ticket routes, whose `/:id` would
 * otherwise take `export.csv` for a ticket id.
 */
export const agentExportRoutes = new Hono<AppEnv>()
  .use('/v1/agent/tickets/export.csv', requireAgent)
  .get('/v1/agent/tickets/export.csv', (c) => {
    const q = parseQuery(c.req.query())
    const body = ticketQueueCsv(
      c.get('deps'),
      queueFilter(c.get('store').id, c.get('agent').agentId, q),
    )
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="tickets.csv"',
        'cache-control': 'no-store',
      },
    })
  })
