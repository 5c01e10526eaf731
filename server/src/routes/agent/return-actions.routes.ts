import {
  APPEASEMENT_REASONS,
  type RefundableView,
  type ReturnProgress,
} from '@porchlight/shared/api/returns'
import { lineRefundables } from '@porchlight/shared/orders/line-refunds'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import type { Store } from '../../db/stores.repository.ts'
import type { Ticket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import type { DecisionDeps } from '../../services/tickets/decisions.ts'
import type { TicketOrderView } from '../../services/tickets/ticket-order.ts'
import { readJson } from '../../http/json-body.ts'
import { dbInteger } from '../../http/safe-input.ts'
import { requireAgent } from '../../middleware/agent-session.ts'
import { appeaseLine } from '../../services/tickets/appeasements.ts'
import { attachReturnLabel, MAX_LABEL_BYTES } from '../../services/tickets/return-labels.ts'
import { returnProgress } from '../../services/tickets/return-progress.ts'
import {
  receiveReturnItems,
  requireApprovedReturn,
} from '../../services/tickets/return-receipts.ts'
import { listTicketEvents } from '../../db/tickets.repository.ts'
import { ticketPage, requireTicket } from '../../services/tickets/ticket-page.ts'
import { refundBody } from './ticket-actions.routes.ts'

const version = dbInteger(1)
const lineItemId = z.string().trim().min(1).max(64)

/** The label upload's own path: app.ts leaves its body to the larger limit below. */
export const RETURN_LABEL_PATH = /^\/v1\/agent\/tickets\/[^/]+\/return-label$/

export const returnLabelBody = z.union([
  z.strictObject({
    version,
    url: z
      .string()
      .trim()
      .max(2000)
      .url()
      .refine((u) => u.startsWith('https://'), 'a label link must be https'),
  }),
  z.strictObject({ version, fromStore: z.literal(true) }),
])

export const receiptBody = z.strictObject({
  version,
  lines: z
    .array(z.strictObject({ lineItemId, quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(50),
  note: z.string().trim().max(500).optional(),
})

export const appeasementBody = z.strictObject({
  version,
  lineItemId,
  amount: refundBody.shape.amount,
  reason: z.enum(APPEASEMENT_REASONS),
  comment: z.string().trim().max(500).optional(),
})

const pdfQuery = z.strictObject({ version: z.coerce.number().pipe(version) })

const labelLimit = bodyLimit({
  maxSize: MAX_LABEL_BYTES,
  onError: () => {
    throw new AppError('label_invalid', 'Upload the label as a PDF file of at most 2 MB.')
  },
})

/**
 * A store action on a ticket from its JSON body (a receipt, an appeasement): the agent's store
 * and name go with it, and the answer is the ticket view with the order the store gave back.
 */
function claimedAction<B extends object>(
  schema: z.ZodType<B>,
  act: (
    deps: DecisionDeps,
    store: Store,
    input: B & { ticketId: string; agent: { id: string; name: string } },
  ) => Promise<{ ticket: Ticket; order: TicketOrderView | null }>,
): (c: Context<AppEnv>) => Promise<Response> {
  return async (c) => {
    const body = await readJson(c, schema)
    const deps = c.get('deps')
    const store = c.get('store')
    const agent = c.get('agent')
    const { ticket, order } = await act(deps, store, {
      ...body,
      ticketId: c.req.param('id') ?? '',
      agent: { id: agent.agentId, name: agent.name },
    })
    return c.json(await ticketPage(deps, store, ticket, order))
  }
}

/**
 * After a return's approval, and appeasements: the label, the receipt of what came back, part
 * of one line refunded, and what each line has left to refund. Scoped to the agent's store.
 */
export const agentReturnRoutes = new Hono<AppEnv>()
  .post('/v1/agent/tickets/:id/return-label', requireAgent, labelLimit, async (c) => {
    const deps = c.get('deps')
    const store = c.get('store')
    const agent = c.get('agent')
    const type = c.req.header('content-type') ?? ''
    let input: { version: number; label: Parameters<typeof attachReturnLabel>[2]['label'] }
    if (/^application\/pdf\s*(;|$)/i.test(type)) {
      const query = pdfQuery.safeParse(c.req.query())
      if (!query.success) throw new AppError('validation_failed', 'version: give ?version=<n>.')
      input = {
        version: query.data.version,
        label: { kind: 'pdf', bytes: new Uint8Array(await c.req.arrayBuffer()) },
      }
    } else {
      const body = await readJson(c, returnLabelBody)
      input = {
        version: body.version,
        label: 'url' in body ? { kind: 'url', url: body.url } : { kind: 'store' },
      }
    }
    const ticket = await attachReturnLabel(deps, store, {
      ticketId: c.req.param('id'),
      agent: { id: agent.agentId, name: agent.name },
      ...input,
    })
    return c.json(await ticketPage(deps, store, ticket))
  })
  .post(
    '/v1/agent/tickets/:id/receipts',
    requireAgent,
    claimedAction(receiptBody, receiveReturnItems),
  )
  .post(
    '/v1/agent/tickets/:id/appeasements',
    requireAgent,
    claimedAction(appeasementBody, appeaseLine),
  )
  .get('/v1/agent/tickets/:id/return', requireAgent, async (c) => {
    const deps = c.get('deps')
    const store = c.get('store')
    const ticket = await requireTicket(deps, store.id, c.req.param('id'))
    const row = await requireApprovedReturn(deps, ticket)
    const events = await listTicketEvents(deps.db, store.id, ticket.id)
    const progress: ReturnProgress = returnProgress(store, row, events)
    return c.json(progress)
  })
  .get('/v1/agent/tickets/:id/refundable', requireAgent, async (c) => {
    const deps = c.get('deps')
    const store = c.get('store')
    const ticket = await requireTicket(deps, store.id, c.req.param('id'))
    const order =
      ticket.order_id === null
        ? undefined
        : await deps.storeAdapters(store).getOrder(ticket.order_id)
    if (order === undefined) throw new AppError('order_not_found', 'This ticket has no order.')
    const { lines, total } = lineRefundables(order)
    const view: RefundableView = {
      lines: lines.map((l) => ({
        lineItemId: l.lineItemId,
        title: l.title,
        refundable: { amount: l.refundable, currency: order.currency },
      })),
      total,
    }
    return c.json(view)
  })
