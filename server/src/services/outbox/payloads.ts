/**
 * What each outbox template's row holds, keyed by template name. The schema is the one
 * definition: the payload types derive from it, `enqueue` checks a payload against it before
 * it is stored, and the worker checks the stored JSON against it again before rendering (a
 * row written by an older release, or edited by hand, is refused for good, not guessed at).
 * A leaf module: the features import it, it imports none of them.
 */
import { REQUEST_TYPES } from '@porchlight/shared/api/requests'
import { mailLocales, type MailLocale } from '@porchlight/shared/i18n/mail/messages'
import { z } from 'zod'
import { SHOPPER_REQUEST_TYPES } from '../../db/shopper-requests.repository.ts'

const locale = z.custom<MailLocale>(
  (v) => typeof v === 'string' && (mailLocales as string[]).includes(v),
)
const money = z.object({ amount: z.number(), currency: z.string() })

/** How to send a return back, in the approval's message (api/returns.ts ReturnAddress). */
const returnInstructions = z.object({
  reference: z.string(),
  address: z
    .object({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string().nullable(),
      postalCode: z.string().nullable(),
      country: z.string(),
    })
    .nullable(),
  /** Absolute, or a path on this server (an uploaded label), resolved when the message is written. */
  labelUrl: z.string().nullable(),
})

const ticketNotice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('decision'),
    type: z.enum(REQUEST_TYPES),
    decision: z.enum(['approved', 'declined']),
    reason: z.string().nullable(),
    /** The refund that came with the decision, and how far along it is. */
    refund: z
      .object({
        state: z.enum(['released', 'pending', 'on_receipt']),
        amount: money.nullable(),
      })
      .nullable(),
    returnInstructions: returnInstructions.optional(),
  }),
  z.object({ kind: z.literal('reply'), body: z.string() }),
  z.object({ kind: z.literal('refund'), amount: money }),
  z.object({ kind: z.literal('return_label'), url: z.string(), returnReference: z.string() }),
  z.object({
    kind: z.literal('return_received'),
    refund: money.nullable(),
    complete: z.boolean(),
  }),
])

/**
 * The ticket an email is about and its reply token (ticket_reply_addresses), so the email
 * carries the ticket's reply address and threading headers. Absent on rows from before.
 */
const mailThread = z.object({ ticketId: z.string(), token: z.string() }).optional()

export const OUTBOX_PAYLOADS = {
  /** Enough to derive the sign-in code again when sending, never the code. */
  'auth-code': z.object({
    challengeId: z.string(),
    counter: z.number().int().nonnegative(),
    locale,
    storeName: z.string(),
    /** Id of the secret key the code derives from (public); null for older challenges. */
    keyId: z.string().nullish(),
    /** The storefront's host, for the origin-bound last line of a text; absent on older rows. */
    storefrontHost: z.string().nullish(),
  }),
  /** "We received your request": everything the message says, nothing more. */
  'request-ack': z.object({
    kind: z.enum(SHOPPER_REQUEST_TYPES),
    reference: z.string(),
    orderName: z.string().nullable(),
    storeName: z.string(),
    locale,
    thread: mailThread,
  }),
  /** A decision, reply or refund, written in the shopper's language when sent. */
  'ticket-notice': z.object({
    notice: ticketNotice,
    locale,
    storeName: z.string(),
    reference: z.string(),
    orderName: z.string().nullable(),
    /** Set on a decision that resolved the ticket: its email carries a signed rating link. */
    rateTicketId: z.string().optional(),
    thread: mailThread,
  }),
  'agent-login-locked': z.object({
    storeName: z.string(),
    /** When sign-in opens again, ISO 8601. */
    until: z.string(),
    /** The client address of the attempt that locked the account. */
    address: z.string(),
  }),
  /**
   * An invitation or a password reset. The link's token is sealed (secret-box) under the
   * server's key for the time it waits here; the link table keeps its hash only.
   */
  'agent-password-link': z.object({
    linkId: z.string(),
    sealedToken: z.string(),
    purpose: z.enum(['invite', 'reset']),
    storeName: z.string(),
    agentName: z.string(),
    /** The owner who sent it. */
    byName: z.string().nullable(),
    /** When the link stops working, ISO 8601. */
    expiresAt: z.string(),
  }),
  /** The delivery row holds the payload and the endpoint; the secret stays in its table. */
  webhook: z.object({ deliveryId: z.string() }),
} as const

export type OutboxTemplateName = keyof typeof OUTBOX_PAYLOADS

export type OutboxPayloads = { [K in OutboxTemplateName]: z.infer<(typeof OUTBOX_PAYLOADS)[K]> }

/** A template name with its payload: what `enqueue` takes and a template's `render` sees. */
export type OutboxPayload = {
  [K in OutboxTemplateName]: { template: K; params: OutboxPayloads[K] }
}[OutboxTemplateName]

export function isOutboxTemplateName(name: string): name is OutboxTemplateName {
  return Object.hasOwn(OUTBOX_PAYLOADS, name)
}

/** The payload checked against its template's schema; undefined when it does not fit. */
export function readPayload<K extends OutboxTemplateName>(
  template: K,
  params: unknown,
): OutboxPayloads[K] | undefined {
  const parsed = OUTBOX_PAYLOADS[template].safeParse(params)
  return parsed.success ? (parsed.data as OutboxPayloads[K]) : undefined
}
