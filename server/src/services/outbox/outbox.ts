import type { Kysely } from 'kysely'
import type { DeliveryError } from '../../adapters/delivery-error.ts'
import { OUTBOX_PRIORITY, type OutboxChannel, type OutboxPriority } from '../../db/outbox.table.ts'
import { insertOutboxMessage } from '../../db/outbox.repository.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'

/** A message to deliver later, as the feature that causes it describes it. */
export interface OutboxMessage {
  channel: OutboxChannel
  /** Email address, E.164 number or webhook URL. */
  to: string
  /** Name of a template registered with the worker (see templates.ts). */
  template: string
  /** What the template needs; stored as JSON, so no secrets (derive them when rendering). */
  params: Record<string, unknown>
  storeId?: string | null
  /** A newer message with the same key cancels this one if it is still waiting. */
  groupKey?: string
  /** Give up instead of delivering after this instant (e.g. when the code inside expires). */
  notAfter?: Date
  /** 'urgent' goes before everything 'normal' (the default) that is due: sign-in codes. */
  priority?: OutboxPriority
}

/**
 * Queues a message in the caller's transaction, so it exists exactly when the thing that
 * causes it was committed. Call `outbox.wake()` after the commit for prompt delivery.
 */
export async function enqueue(trx: Kysely<Database>, message: OutboxMessage, now: Date) {
  const id = newId('ob')
  await insertOutboxMessage(trx, {
    id,
    channel: message.channel,
    recipient: message.to,
    template: message.template,
    params: JSON.stringify(message.params),
    store_id: message.storeId ?? null,
    group_key: message.groupKey ?? null,
    status: 'pending',
    priority: OUTBOX_PRIORITY[message.priority ?? 'normal'],
    attempts: 0,
    next_attempt_at: now.getTime(),
    not_after: message.notAfter?.getTime() ?? null,
    claim_token: null,
    claimed_by: null,
    lease_until: null,
    last_error: null,
    created_at: now.getTime(),
    finished_at: null,
  })
  return id
}

/** A claimed message as templates see it. */
export interface QueuedMessage {
  id: string
  channel: OutboxChannel
  to: string
  template: string
  params: Record<string, unknown>
  storeId: string | null
  /** Delivery attempts including the current one. */
  attempts: number
}

export type RenderedMessage =
  | { channel: 'email'; subject: string; text: string; html: string }
  | { channel: 'sms'; body: string }
  /** `body` is posted exactly as given (it is what the signature covers). */
  | { channel: 'webhook'; url: string; body: string; headers: Record<string, string> }

/** What the transport said when it took the message (an SMTP id, a Twilio sid, an HTTP status). */
export interface DeliveryReceipt {
  providerId: string
}

/** Turns a queued message into what is sent, and hears how delivery ended. */
export interface OutboxTemplate {
  render(message: QueuedMessage): Promise<RenderedMessage>
  /** Runs in the transaction that marks the message sent. */
  onDelivered?(
    trx: Kysely<Database>,
    message: QueuedMessage,
    now: Date,
    receipt: DeliveryReceipt,
  ): Promise<void>
  /** Runs in the transaction that schedules another attempt after a failed one. */
  onRetry?(
    trx: Kysely<Database>,
    message: QueuedMessage,
    error: DeliveryError,
    now: Date,
    retryAt: Date,
  ): Promise<void>
  /** Runs in the transaction that gives the message up for good. */
  onFailed?(
    trx: Kysely<Database>,
    message: QueuedMessage,
    error: DeliveryError,
    now: Date,
  ): Promise<void>
}

export type OutboxTemplates = Readonly<Record<string, OutboxTemplate>>
