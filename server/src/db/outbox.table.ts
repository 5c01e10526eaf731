import type { Insertable, Selectable } from 'kysely'

/** 'webhook': a signed POST to a store's endpoint (the recipient is its URL). */
export type OutboxChannel = 'email' | 'sms' | 'webhook'

/**
 * pending -> sending (claimed by one worker, leased) -> sent | pending (retry later) | failed.
 * cancelled: replaced by a newer message of the same group before it was sent.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'

export interface OutboxMessagesTable {
  id: string
  channel: OutboxChannel
  /** Email address, E.164 number or webhook URL. */
  recipient: string
  /** Name of the template that renders the message at delivery time. */
  template: string
  /** JSON object for the template; never a secret (templates derive secrets when rendering). */
  params: string
  store_id: string | null
  /** A newer message of the same group cancels this one while it is still pending. */
  group_key: string | null
  status: OutboxStatus
  attempts: number
  next_attempt_at: number
  /** Past this instant the message is pointless (an expired code) and is given up. */
  not_after: number | null
  /** Set by the worker that claimed the row; only that worker may finish it. */
  claim_token: string | null
  lease_until: number | null
  last_error: string | null
  created_at: number
  finished_at: number | null
}

export type OutboxMessageRow = Selectable<OutboxMessagesTable>
export type NewOutboxMessageRow = Insertable<OutboxMessagesTable>
