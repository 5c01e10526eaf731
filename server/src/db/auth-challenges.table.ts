import type { Insertable, Selectable } from 'kysely'

import type { DeliveryFailureCode } from '@porchlight/shared/api/auth'

/** Why a code could not be delivered for good; surfaced to the shopper on the challenge. */
export type DeliveryFailure = DeliveryFailureCode

/** One "send me a code" request. No code is stored: it is derived from the id and `counter`. */
export interface AuthChallengesTable {
  id: string
  store_id: string
  channel: 'email' | 'sms'
  /** Normalized email (lower case) or E.164 phone number. */
  identifier: string
  /** Supported language the messages are written in. */
  locale: string
  /** HOTP counter of the current code; each resend increments it, so older codes stop matching. */
  counter: number
  /** Codes checked so far (wrong or right); at the limit the challenge is dead. */
  attempts: number
  created_at: number
  /** When the current code was issued. */
  sent_at: number
  /** The current code is valid strictly before this instant. */
  expires_at: number
  consumed_at: number | null
  /** When the current code was handed to the provider. */
  delivered_at: number | null
  /** Set when the current code could not be delivered for good; the challenge is then over. */
  delivery_failure: DeliveryFailure | null
  /** Id of the secret key the codes are derived with; null: made before keys had ids. */
  key_id: string | null
}

export type AuthChallengeRow = Selectable<AuthChallengesTable>
export type NewAuthChallengeRow = Insertable<AuthChallengesTable>
