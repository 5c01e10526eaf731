/**
 * Why a message could not be handed over. `permanent` failures are never retried (an invalid
 * number stays invalid); the others are retried by the outbox with backoff.
 */
export type DeliveryFailureReason =
  'invalid_recipient' | 'unsubscribed' | 'rejected' | 'not_configured' | 'throttled' | 'unavailable'

export class DeliveryError extends Error {
  readonly reason: DeliveryFailureReason
  readonly permanent: boolean
  /** The provider's own code (Twilio error number, SMTP reply code), for the log. */
  readonly providerCode: string | undefined

  constructor(
    reason: DeliveryFailureReason,
    permanent: boolean,
    message: string,
    providerCode?: string | number,
  ) {
    super(message)
    this.name = 'DeliveryError'
    this.reason = reason
    this.permanent = permanent
    this.providerCode = providerCode === undefined ? undefined : String(providerCode)
  }
}
