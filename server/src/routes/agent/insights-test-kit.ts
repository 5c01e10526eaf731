import { recordShopperEvent } from '../../db/insights.repository.ts'
import { insertTicketProducts } from '../../db/insights.repository.ts'
import { insertRatingOnce } from '../../db/ratings.repository.ts'
import { appendTicketEvent, insertTicket, type NewTicket } from '../../db/tickets.repository.ts'
import { newId } from '../../ids.ts'
import type { createTestApp } from '../../test/harness.ts'

type Ctx = Awaited<ReturnType<typeof createTestApp>>

export const HOUR = 3600_000
export const DAY = 24 * HOUR

/** Writes a small history with hand-countable figures (see insights.test.ts). */
export function historyWriter(ctx: Ctx) {
  const now = ctx.clock.now().getTime()
  const ago = (ms: number) => new Date(now - ms)
  return {
    ago,
    async shopper(
      storeId: string,
      email: string,
      kind: 'signed_in' | 'order_viewed' | 'tracking_viewed',
      at: Date,
    ) {
      await recordShopperEvent(ctx.db, {
        storeId,
        kind,
        identity: { kind: 'email', value: email },
        at,
      })
    },
    async ticket(over: Partial<NewTicket> & { created_at: number }) {
      return insertTicket(ctx.db, {
        store_id: 'st_demo',
        type: 'issue',
        status: 'open',
        channel: 'help-center',
        locale: 'en',
        updated_at: over.created_at,
        ...over,
      })
    },
    async event(
      ticket: { id: string; store_id: string },
      kind: string,
      actor: 'agent' | 'system',
      at: number,
    ) {
      await appendTicketEvent(ctx.db, {
        ticketId: ticket.id,
        storeId: ticket.store_id,
        kind,
        actor: { kind: actor, id: actor === 'agent' ? 'ag_demo' : null },
        at: new Date(at),
      })
    },
    async products(
      ticket: { id: string; store_id: string; created_at: number },
      items: Array<{ title: string; quantity: number }>,
    ) {
      await insertTicketProducts(
        ctx.db,
        { id: ticket.id, storeId: ticket.store_id, at: new Date(ticket.created_at) },
        items,
      )
    },
    async conversation(
      ticket: { id: string; store_id: string; created_at: number },
      firstResponseMs: number | null,
    ) {
      await ctx.db
        .insertInto('conversations')
        .values({
          id: newId('cv'),
          store_id: ticket.store_id,
          ticket_id: ticket.id,
          status: 'open',
          closed_reason: null,
          closed_at: null,
          previous_id: null,
          visitor_id: null,
          identity_kind: null,
          identity_value: null,
          contact_name: 'Guest',
          contact_email: 'guest@example.com',
          locale: 'en',
          last_author_kind: 'shopper',
          last_message_at: ticket.created_at,
          last_seq: 1,
          shopper_read_seq: 1,
          agent_read_seq: 0,
          first_shopper_at: ticket.created_at,
          first_response_ms: firstResponseMs,
          created_at: ticket.created_at,
          updated_at: ticket.created_at,
        })
        .execute()
    },
    async rating(ticket: { id: string; store_id: string }, score: number, at: number) {
      await insertRatingOnce(ctx.db, {
        ticket_id: ticket.id,
        store_id: ticket.store_id,
        score,
        comment: null,
        source: 'panel',
        created_at: at,
      })
    },
  }
}
