import type { Kysely } from 'kysely'
import type { DeliveryError } from '../../adapters/delivery-error.ts'
import type { MailThread } from '../../adapters/mail/mailer.ts'
import { OUTBOX_PRIORITY, type OutboxChannel, type OutboxPriority } from '../../db/outbox.table.ts'
import { insertOutboxMessage } from '../../db/outbox.repository.ts'
import type { Database } from '../../db/schema.ts'
import { newId } from '../../ids.ts'
import {
  OUTBOX_PAYLOADS,
  type OutboxPayload,
  type OutboxPayloads,
  type OutboxTemplateName,
} from './payloads.ts'

/**
 * A message to deliver later, as the feature that causes it describes it: a template name
 * with its payload (payloads.ts; stored as JSON, so no secrets: derive them when rendering).
 */
export type OutboxMessage = OutboxEnvelope & OutboxPayload

interface OutboxEnvelope {
  channel: OutboxChannel
  /** Email address, E.164 number or webhook URL. */
  to: string
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
  // The types already say this; the check keeps a payload built from `any` out of the table.
  const checked = OUTBOX_PAYLOADS[message.template].safeParse(message.params)
  if (!checked.success) throw new TypeError(`malformed ${message.template} payload`)
  const id = newId('ob')
  await insertOutboxMessage(trx, {
    id,
    channel: message.channel,
    recipient: message.to,
    template: message.template,
    params: JSON.stringify(checked.data),
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

/** A claimed message as its template sees it, the payload checked against the template's schema. */
export interface QueuedMessage<K extends OutboxTemplateName = OutboxTemplateName> {
  id: string
  channel: OutboxChannel
  to: string
  template: K
  params: OutboxPayloads[K]
  storeId: string | null
  /** Delivery attempts including the current one. */
  attempts: number
}

export type RenderedMessage =
  | { channel: 'email'; subject: string; text: string; html: string; thread?: MailThread }
  | { channel: 'sms'; body: string }
  /** `body` is posted exactly as given (it is what the signature covers). */
  | { channel: 'webhook'; url: string; body: string; headers: Record<string, string> }

/** What the transport said when it took the message (an SMTP id, a Twilio sid, an HTTP status). */
export interface DeliveryReceipt {
  providerId: string
}

/** Turns a queued message into what is sent, and hears how delivery ended. */
export interface OutboxTemplate<K extends OutboxTemplateName> {
  render(message: QueuedMessage<K>): Promise<RenderedMessage>
  /** Runs in the transaction that marks the message sent. */
  onDelivered?(
    trx: Kysely<Database>,
    message: QueuedMessage<K>,
    now: Date,
    receipt: DeliveryReceipt,
  ): Promise<void>
  /** Runs in the transaction that schedules another attempt after a failed one. */
  onRetry?(
    trx: Kysely<Database>,
    message: QueuedMessage<K>,
    error: DeliveryError,
    now: Date,
    retryAt: Date,
  ): Promise<void>
  /** Runs in the transaction that gives the message up for good. */
  onFailed?(
    trx: Kysely<Database>,
    message: QueuedMessage<K>,
    error: DeliveryError,
    now: Date,
  ): Promise<void>
}

/** The templates a worker renders, by name (templates.ts registers every one). */
export type OutboxTemplates = { readonly [K in OutboxTemplateName]?: OutboxTemplate<K> }
