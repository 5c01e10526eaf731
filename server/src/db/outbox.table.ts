import type { Generated, Insertable, Selectable } from 'kysely'

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
  /** Claimed lowest first: OUTBOX_PRIORITY. */
  priority: Generated<number>
  attempts: number
  next_attempt_at: number
  /** Past this instant the message is pointless (an expired code) and is given up. */
  not_after: number | null
  /** Set by the worker that claimed the row; only that worker may finish it. */
  claim_token: string | null
  /** The claiming worker's process identity; it renews the lease while the send is in flight. */
  claimed_by: string | null
  /** Past this instant the claim is void (its worker stopped beating) and another may take it. */
  lease_until: number | null
  last_error: string | null
  created_at: number
  finished_at: number | null
}

/** Sign-in codes before everything else: a shopper is looking at the code field. */
export const OUTBOX_PRIORITY = { urgent: 0, normal: 1 } as const
export type OutboxPriority = keyof typeof OUTBOX_PRIORITY

export type OutboxMessageRow = Selectable<OutboxMessagesTable>
export type NewOutboxMessageRow = Insertable<OutboxMessagesTable>
