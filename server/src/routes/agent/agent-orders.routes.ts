import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { readQuery } from '../../http/query.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { orderLookupCsv } from '../../services/export/exports.ts'
import { lookupFilters } from '../../services/order-lookup/filters.ts'
import {
  addOrderNote,
  agentOrderView,
  lookupOrders,
} from '../../services/order-lookup/order-lookup.ts'
import { writeToShopper } from '../../services/order-lookup/write-to-shopper.ts'
import { ticketJson } from '../../services/tickets/ticket-view.ts'

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s === '' ? undefined : s))

const filterFields = {
  number: text(40),
  email: text(254),
  phone: text(40),
  firstName: text(80),
  lastName: text(80),
  postalCode: text(20),
  from: text(10),
  to: text(10),
}

export const orderLookupQuery = z.strictObject({
  ...filterFields,
  pageSize: z.enum(['10', '20', '50', '100']).default('20').transform(Number),
  cursor: z.string().max(2048).optional(),
})

export const orderExportQuery = z.strictObject(filterFields)

export const orderNoteBody = z.strictObject({ body: z.string().trim().min(1).max(5000) })
export const shopperMessageBody = z.strictObject({ body: z.string().trim().min(1).max(5000) })

/** An order id as adapters take it; anything else names no order (404, never a 500). */
function orderId(raw: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new AppError('order_not_found', 'No such order.')
  return raw
}

/** Agents' order lookup, order page, notes and "write to the shopper"; all scoped to the store. */
export const agentOrderRoutes = new Hono<AppEnv>()
  .use('/v1/agent/orders', requireAgent)
  .use('/v1/agent/orders/*', requireAgent)
  .get('/v1/agent/orders', async (c) => {
    const q = readQuery(c, orderLookupQuery)
    const { pageSize, cursor, ...params } = q
    const page = await lookupOrders(c.get('deps'), c.get('store'), lookupFilters(params), {
      size: pageSize as 10 | 20 | 50 | 100,
      ...(cursor !== undefined ? { cursor } : {}),
    })
    return c.json(page)
  })
  .get('/v1/agent/orders/export.csv', (c) => {
    const filters = lookupFilters(readQuery(c, orderExportQuery))
    const body = orderLookupCsv(c.get('deps'), c.get('store'), filters)
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="orders.csv"',
        'cache-control': 'no-store',
      },
    })
  })
  .get('/v1/agent/orders/:id', async (c) => {
    return c.json(await agentOrderView(c.get('deps'), c.get('store'), orderId(c.req.param('id'))))
  })
  .post('/v1/agent/orders/:id/notes', async (c) => {
    const body = await readJson(c, orderNoteBody)
    const agent = c.get('agent')
    const note = await addOrderNote(c.get('deps'), c.get('store'), {
      orderId: orderId(c.req.param('id')),
      agent: { id: agent.agentId, name: agent.name },
      body: body.body,
    })
    return c.json({ note }, 201)
  })
  .post('/v1/agent/orders/:id/messages', async (c) => {
    const body = await readJson(c, shopperMessageBody)
    const agent = c.get('agent')
    const ticket = await writeToShopper(c.get('deps'), c.get('store'), {
      orderId: orderId(c.req.param('id')),
      agent: { id: agent.agentId, name: agent.name },
      body: body.body,
    })
    return c.json({ ticket: ticketJson(ticket) }, 201)
  })
