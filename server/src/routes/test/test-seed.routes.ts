import { ticketReference } from '@porchlight/shared/tickets/reference'
import { AUTHOR_KINDS } from '@porchlight/shared/chat/revert'
import {
  REFUND_STATUSES,
  REQUEST_STATUSES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@porchlight/shared/api/agent'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { appendTicketEvent, insertTicket } from '../../db/tickets.repository.ts'
import { findStoreById } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { readJson } from '../../http/json-body.ts'
import { emitTicketEvent } from '../../services/webhooks/emit.ts'
import { testFixtureRoutes } from './test-fixtures.routes.ts'

// Free text is deliberately unconstrained in content: e2e uses this to plant hostile strings
// (script tags, javascript: links) where shoppers could put them.
const text = z.string().max(2000)

const seedBody = z.strictObject({
  storeId: z.string().max(64).default('st_demo'),
  tickets: z
    .array(
      z.strictObject({
        type: z.enum(TICKET_TYPES),
        status: z.enum(TICKET_STATUSES).default('open'),
        requestStatus: z.enum(REQUEST_STATUSES).nullable().default(null),
        channel: z.enum(TICKET_CHANNELS),
        orderId: z.string().max(64).nullable().default(null),
        orderName: text.nullable().default(null),
        identity: z
          .strictObject({ kind: z.enum(['email', 'phone']), value: text })
          .nullable()
          .default(null),
        contactName: text.nullable().default(null),
        contactEmail: text.nullable().default(null),
        locale: z.string().max(35).default('en'),
        reason: text.nullable().default(null),
        comment: text.nullable().default(null),
        tags: z.array(text).max(20).default([]),
        lines: z
          .array(
            z.strictObject({
              lineItemId: z.string().max(64),
              quantity: z.number().int().min(1).max(1000),
            }),
          )
          .max(50)
          .default([]),
        refundStatus: z.enum(REFUND_STATUSES).nullable().default(null),
        events: z
          .array(
            z.strictObject({
              kind: z.string().min(1).max(2000),
              actor: z.enum(AUTHOR_KINDS),
              data: z.record(z.string(), z.unknown()).default({}),
            }),
          )
          .max(50)
          .default([]),
      }),
    )
    .min(1)
    .max(50),
})

/**
 * Test-only fixtures for end-to-end tests: inserts tickets (with history) as if shoppers had
 * filed them (firing ticket.created like real ticket creation), plus the fixtures of
 * test-fixtures.routes.ts. Mounted only when PORCHLIGHT_TEST_SEED is on, which loadConfig refuses in
 * production.
 */
export const testSeedRoutes = new Hono<AppEnv>()
  .post('/test/tickets', async (c) => {
    const body = await readJson(c, seedBody)
    const { db, clock } = c.get('deps')
    if ((await findStoreById(db, body.storeId)) === undefined) {
      throw new AppError('store_not_found', 'No such store.')
    }
    const now = clock.now()
    const ids = await db.transaction().execute(async (trx) => {
      const out: Array<{ id: string; reference: string }> = []
      for (const t of body.tickets) {
        const ticket = await insertTicket(trx, {
          store_id: body.storeId,
          type: t.type,
          status: t.status,
          request_status: t.requestStatus,
          channel: t.channel,
          order_id: t.orderId ?? (t.orderName === null ? null : 'o_seed'),
          order_name: t.orderName,
          identity_kind: t.identity?.kind ?? null,
          identity_value: t.identity?.value ?? null,
          contact_name: t.contactName,
          contact_email: t.contactEmail,
          locale: t.locale,
          reason: t.reason,
          comment: t.comment,
          tags: t.tags,
          lines: t.lines,
          refund_status: t.refundStatus,
          created_at: now.getTime(),
          updated_at: now.getTime(),
        })
        for (const e of t.events) {
          await appendTicketEvent(trx, {
            ticketId: ticket.id,
            storeId: body.storeId,
            kind: e.kind,
            actor: { kind: e.actor, id: null },
            data: e.data,
            at: now,
          })
        }
        await emitTicketEvent(trx, { event: 'ticket.created', ticket, now })
        out.push({ id: ticket.id, reference: ticketReference(ticket.number) })
      }
      return out
    })
    c.get('deps').outbox.wake()
    return c.json({ tickets: ids }, 201)
  })
  .route('/', testFixtureRoutes)
