import type { ChatAuthorKind } from '@porchlight/shared/chat/revert'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Ticket, TicketChanges } from '../../db/tickets.repository.ts'
import { insertWebhookDelivery, listWebhookEndpoints } from '../../db/webhooks.repository.ts'
import type { WebhookEvent } from '../../db/webhooks.table.ts'
import { newId } from '../../ids.ts'
import { enqueue } from '../outbox/outbox.ts'
import type { OutboxTemplateName } from '../outbox/payloads.ts'
import { ticketJson } from '../tickets/ticket-view.ts'

export const WEBHOOK_TEMPLATE = 'webhook' satisfies OutboxTemplateName

/** The JSON body every delivery posts. */
export interface WebhookPayload {
  /** The event's id: the same at every endpoint and on every retry (for de-duplication). */
  id: string
  type: WebhookEvent
  createdAt: string
  storeId: string
  data: Record<string, unknown>
}

/**
 * A value, or how to read it. Events on hot paths (every chat message) pass the reader, so the
 * extra query runs only when an endpoint listens.
 */
export type Lazy<T> = T | (() => Promise<T>)

const readLazy = <T>(value: Lazy<T>): Promise<T> =>
  typeof value === 'function' ? (value as () => Promise<T>)() : Promise.resolve(value)

/**
 * Queues one event for every endpoint of the store that subscribed to it, in the caller's
 * transaction (so an event exists exactly when the change it reports was committed). Only the
 * store's own endpoints are read: another store never hears of it. Call `outbox.wake()` after
 * the commit. Returns how many deliveries were queued.
 */
export async function emitWebhookEvent(
  trx: Kysely<Database>,
  input: { storeId: string; event: WebhookEvent; data: Lazy<Record<string, unknown>>; now: Date },
): Promise<number> {
  const endpoints = (await listWebhookEndpoints(trx, input.storeId)).filter((e) =>
    e.events.includes(input.event),
  )
  if (endpoints.length === 0) return 0
  const payload: WebhookPayload = {
    id: newId('evt'),
    type: input.event,
    createdAt: input.now.toISOString(),
    storeId: input.storeId,
    data: await readLazy(input.data),
  }
  const body = JSON.stringify(payload)
  for (const endpoint of endpoints) {
    await queueWebhookDelivery(trx, {
      storeId: input.storeId,
      endpoint,
      eventId: payload.id,
      event: input.event,
      body,
      now: input.now,
      resentOf: null,
    })
  }
  return endpoints.length
}

/**
 * Queues one delivery of an event's body to one endpoint: its row in the log and its outbox
 * message, in the caller's transaction. Returns the delivery's id.
 */
export async function queueWebhookDelivery(
  trx: Kysely<Database>,
  input: {
    storeId: string
    endpoint: { id: string; url: string }
    eventId: string
    event: WebhookEvent
    body: string
    now: Date
    /** The delivery this one repeats (sent again by hand). */
    resentOf: string | null
  },
): Promise<string> {
  const at = input.now.getTime()
  const deliveryId = newId('whd')
  await insertWebhookDelivery(trx, {
    id: deliveryId,
    store_id: input.storeId,
    endpoint_id: input.endpoint.id,
    event_id: input.eventId,
    event: input.event,
    url: input.endpoint.url,
    payload: input.body,
    status: 'pending',
    attempts: 0,
    last_status_code: null,
    last_error: null,
    next_attempt_at: at,
    created_at: at,
    updated_at: at,
    delivered_at: null,
    resent_of: input.resentOf,
  })
  await enqueue(
    trx,
    {
      channel: 'webhook',
      to: input.endpoint.url,
      template: WEBHOOK_TEMPLATE,
      params: { deliveryId },
      storeId: input.storeId,
    },
    input.now,
  )
  return deliveryId
}

export type TicketWebhookEvent = Extract<
  WebhookEvent,
  | 'ticket.created'
  | 'ticket.updated'
  | 'request.approved'
  | 'request.declined'
  | 'return.label_ready'
  | 'return.received'
  | 'appeasement.created'
>

/**
 * A ticket event: `data.ticket` is the ticket as agents see it (the agent API's shape), plus
 * what the caller adds (`changes`, the decision's reason, ...). Call it in the transaction
 * that changed the ticket, with the ticket as it now is.
 */
export function emitTicketEvent(
  trx: Kysely<Database>,
  input: {
    event: TicketWebhookEvent
    ticket: Ticket
    now: Date
    extra?: Record<string, unknown>
  },
): Promise<number> {
  return emitWebhookEvent(trx, {
    storeId: input.ticket.store_id,
    event: input.event,
    data: { ticket: ticketJson(input.ticket), ...input.extra },
    now: input.now,
  })
}

/** Ticket changes in the agent API's words (`assigneeId`, not `assignee_id`). */
export function ticketChangesJson(changes: TicketChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (changes.status !== undefined) out['status'] = changes.status
  if (changes.request_status !== undefined) out['requestStatus'] = changes.request_status
  if (changes.refund_status !== undefined) out['refundStatus'] = changes.refund_status
  if (changes.assignee_id !== undefined) out['assigneeId'] = changes.assignee_id
  if (changes.tags !== undefined) out['tags'] = changes.tags
  return out
}

/**
 * `ticket.updated`, in one shape wherever a ticket changes: `data.ticket` as it now is,
 * `changes` (the fields that were set, named as in `data.ticket`) and `by` (the agent, or null
 * for the system and the shopper). The ticket may be given as a reader (see Lazy).
 */
export function emitTicketUpdated(
  trx: Kysely<Database>,
  input: {
    storeId: string
    ticket: Lazy<Ticket>
    changes: Record<string, unknown>
    by: string | null
    now: Date
    extra?: Record<string, unknown>
  },
): Promise<number> {
  return emitWebhookEvent(trx, {
    storeId: input.storeId,
    event: 'ticket.updated',
    data: async () => ({
      ticket: ticketJson(await readLazy(input.ticket)),
      changes: input.changes,
      by: input.by,
      ...input.extra,
    }),
    now: input.now,
  })
}

/** A message on a ticket or conversation, from the shopper or an agent. */
export interface WebhookMessage {
  id: string
  author: { kind: ChatAuthorKind; id: string | null }
  body: string
  /** Where it was written or sent: 'chat', 'email', 'sms'. */
  channel: string
  at: Date
}

/**
 * `message.created`: the chat calls it for every shopper and agent chat message (in the
 * transaction that stores it); agent email replies call it too. `ticket` when the message
 * belongs to one (a reader on the chat's hot path, see Lazy).
 */
export function emitMessageCreated(
  trx: Kysely<Database>,
  input: {
    storeId: string
    ticket: Lazy<Ticket | null>
    conversationId?: string | null
    message: WebhookMessage
    now: Date
  },
): Promise<number> {
  const m = input.message
  return emitWebhookEvent(trx, {
    storeId: input.storeId,
    event: 'message.created',
    data: async () => {
      const ticket = await readLazy(input.ticket)
      return {
        ticket: ticket === null ? null : ticketJson(ticket),
        conversationId: input.conversationId ?? null,
        message: {
          id: m.id,
          author: m.author,
          body: m.body,
          channel: m.channel,
          createdAt: m.at.toISOString(),
        },
      }
    },
    now: input.now,
  })
}
