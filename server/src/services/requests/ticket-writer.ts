/**
 * The one write that files a shopper's ticket: the ticket, its 'created' event, the
 * idempotency record, the acknowledgement and the ticket.created webhooks in the outbox, in one
 * transaction, so each exists
 * exactly when the others do. Request types and contact messages share it; later features
 * (chat hand-offs, agent-created tickets) can too.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { Transaction } from 'kysely'
import type { AppDeps } from '../../deps.ts'
import type { Database } from '../../db/schema.ts'
import { insertTicketProducts } from '../../db/insights.repository.ts'
import { takeRateLimits, type RateLimit } from '../../db/rate-limits.repository.ts'
import { findOpenRequest } from '../../db/shopper-requests.repository.ts'
import {
  appendTicketEvent,
  insertTicket,
  saveIdempotencyRecord,
  type NewTicket,
  type Ticket,
} from '../../db/tickets.repository.ts'
import type { TicketType } from '../../db/tickets.table.ts'
import { nextChatSeq } from '../../db/chat-events.repository.ts'
import { announce } from '../chat/chat-writes.ts'
import { recordNewTicket } from '../chat/inbox-events.ts'
import { enqueue, type OutboxMessage } from '../outbox/outbox.ts'
import { withReplyThread } from '../mail-replies/reply-address.ts'
import { emitTicketEvent } from '../webhooks/emit.ts'
import { findReplay, type IdempotencyClaim, type Replay } from './idempotency.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'bus' | 'logger'>

export interface TicketDraft {
  storeId: string
  ticket: Omit<NewTicket, 'store_id' | 'created_at' | 'updated_at'>
  /** Details of the 'created' event (the ticket's history). */
  event: Record<string, unknown>
  idempotency: IdempotencyClaim
  /** Built once the reference is known. */
  acknowledgement: (ticket: Ticket) => OutboxMessage
  /** Taken in the same transaction, so a refused or replayed write takes no slot. */
  rateLimits?: RateLimit[]
  /** The products the ticket is about (returns, issue reports), for the insights page. */
  products?: Array<{ title: string; quantity: number }>
  /**
   * Refuse the write while another request of this type about the order waits for an agent,
   * or was approved since `readAt` (epoch ms), when the order was read for this one's checks:
   * those checks may have seen the order before that approval changed it (an automation rule
   * approves a second tab's identical request the moment it is filed).
   */
  oneOpenPer?: { orderId: string; type: TicketType; readAt?: number }
  /** What the request holds beyond the ticket (an address change's addresses), written with it. */
  alsoWrite?: (trx: Transaction<Database>, ticket: Ticket) => Promise<void>
}

export type WriteOutcome =
  | { kind: 'created'; ticket: Ticket }
  | Replay
  | { kind: 'already_open'; reference: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }

// Carries a refusal out of the transaction callback, which rolls everything back.
class Refused {
  readonly outcome: WriteOutcome
  constructor(outcome: WriteOutcome) {
    this.outcome = outcome
  }
}

/**
 * Files the ticket unless an earlier request with the same key, or an open request of the
 * same kind, got there first. Safe under concurrent calls on both databases (see below).
 */
export async function writeTicket(deps: Deps, draft: TicketDraft): Promise<WriteOutcome> {
  const now = deps.clock.now()
  let seq = 0
  try {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      // First: the console stream's event number (see recordNewTicket for the lock order).
      seq = await nextChatSeq(trx, draft.storeId)
      if (draft.rateLimits !== undefined && draft.rateLimits.length > 0) {
        const taken = await takeRateLimits(trx, draft.rateLimits, now.getTime())
        if (!taken.ok) {
          const retryAfterSeconds = Math.ceil(taken.retryAfterMs / 1000)
          throw new Refused({ kind: 'rate_limited', retryAfterSeconds })
        }
      }
      const ticket = await insertTicket(trx, {
        ...draft.ticket,
        store_id: draft.storeId,
        created_at: now.getTime(),
        updated_at: now.getTime(),
      })
      // insertTicket took the store's ticket-number row with an UPDATE, and keeps it until this
      // transaction ends: a concurrent write to the same store waits there until this one has
      // committed or rolled back. The checks below run after that wait, and each statement
      // sees what was committed before it (PostgreSQL's READ COMMITTED; SQLite runs one writer
      // at a time), so of two identical submits the second always sees the first.
      const earlier = await findReplay(trx, draft.storeId, draft.idempotency)
      if (earlier !== undefined) throw new Refused(earlier)
      if (draft.oneOpenPer !== undefined) {
        const { orderId, type, readAt } = draft.oneOpenPer
        const open = await findOpenRequest(trx, draft.storeId, orderId, type, ticket.id, readAt)
        if (open !== undefined) {
          throw new Refused({ kind: 'already_open', reference: ticketReference(open.number) })
        }
      }
      await appendTicketEvent(trx, {
        ticketId: ticket.id,
        storeId: draft.storeId,
        kind: 'created',
        actor: { kind: 'shopper', id: null },
        data: draft.event,
        at: now,
      })
      await draft.alsoWrite?.(trx, ticket)
      await insertTicketProducts(
        trx,
        { id: ticket.id, storeId: draft.storeId, at: now },
        draft.products ?? [],
      )
      await saveIdempotencyRecord(trx, {
        storeId: draft.storeId,
        ...draft.idempotency,
        ticketId: ticket.id,
        at: now,
      })
      await enqueue(
        trx,
        await withReplyThread(trx, ticket, draft.acknowledgement(ticket), now),
        now,
      )
      await emitTicketEvent(trx, { event: 'ticket.created', ticket, now })
      await recordNewTicket(trx, seq, ticket, now)
      return { kind: 'created', ticket } as const
    })
    await announce(deps, draft.storeId, seq)
    return outcome
  } catch (err) {
    if (err instanceof Refused) return err.outcome
    throw err
  }
}
