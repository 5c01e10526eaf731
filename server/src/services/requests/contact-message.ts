/**
 * A message to the store from the contact-form embed (or a chat left for later): a 'contact'
 * ticket agents answer by email. Signed-in shoppers may name one of their orders; anyone else
 * gives a name and an email, and is held to per-address and per-recipient limits, since the
 * form is open to the whole internet and each message sends an email.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { ContactMessage } from '@porchlight/shared/api/requests'
import { resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import type { Order } from '@porchlight/shared/orders/model'
import type { AppDeps } from '../../deps.ts'
import type { RateLimit } from '../../db/rate-limits.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { secretOf } from '../auth/challenges.ts'
import { normalizeEmail } from '../auth/identifier.ts'
import { limitIdentity } from '../auth/limit-identity.ts'
import type { ShopperSession } from '../sessions/shopper-sessions.ts'
import { acknowledgementMessage, type AckRecipient } from './acknowledgement.ts'
import { loadShopperOrder, shopperRecipient, storeLocale } from './file-request.ts'
import { anonymousScope, findReplay, keyReused, requestHash } from './idempotency.ts'
import { writeTicket, type WriteOutcome } from './ticket-writer.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config' | 'storeAdapters' | 'bus' | 'logger'>

/** Anonymous messages: per client address and per recipient, each an hour long. */
export const CONTACT_LIMITS = { perAddress: 10, perRecipient: 5, windowMs: 3600_000 }

export const CONTACT_TAGS = ['porchlight', 'contact-form']

export type ContactOutcome = Extract<
  WriteOutcome,
  { kind: 'created' | 'replayed' | 'rate_limited' }
>

function email(value: string): string {
  const parsed = normalizeEmail(value)
  if (!parsed.ok) throw new AppError(parsed.code, parsed.message)
  return parsed.value
}

function contactLimits(store: Store, ip: string, recipient: string): RateLimit[] {
  const { perAddress, perRecipient, windowMs } = CONTACT_LIMITS
  return [
    { key: `contact:ip:${store.id}:${ip}`, limit: perAddress, windowMs },
    { key: `contact:to:${store.id}:${recipient}`, limit: perRecipient, windowMs },
  ]
}

interface Sender {
  scope: string
  identity: ShopperSession['identity'] | null
  name: string | null
  email: string | null
  order: Order | null
  recipient: AckRecipient
  rateLimits: RateLimit[]
}

async function signedInSender(
  deps: Deps,
  store: Store,
  session: ShopperSession,
  body: ContactMessage,
): Promise<Sender> {
  const typed = body.email === undefined ? null : email(body.email)
  const order =
    body.orderId === undefined
      ? null
      : await loadShopperOrder(deps, store, session.identity, body.orderId)
  return {
    scope: `session:${session.id}`,
    identity: session.identity,
    name: body.name ?? null,
    email: typed,
    order,
    recipient: shopperRecipient(session.identity, typed, order?.email),
    rateLimits: [],
  }
}

function anonymousSender(deps: Deps, store: Store, body: ContactMessage, ip: string): Sender {
  if (body.orderId !== undefined) {
    throw new AppError('validation_failed', 'orderId: sign in to write about an order.')
  }
  if (body.name === undefined || body.email === undefined) {
    throw new AppError('validation_failed', 'name and email are needed when not signed in.')
  }
  const address = email(body.email)
  const scope = anonymousScope(secretOf(deps), address)
  return {
    scope,
    identity: null,
    name: body.name,
    email: address,
    order: null,
    recipient: { channel: 'email', to: address },
    // Keyed by a hash of the mailbox (tags folded): no address in the tables, and no fresh
    // limit for each `+tag` of one inbox. The scope keeps the address as typed.
    rateLimits: contactLimits(store, ip, limitIdentity(secretOf(deps), address)),
  }
}

/** Files the contact message, or answers a retry with the ticket the first attempt filed. */
export async function sendContactMessage(
  deps: Deps,
  store: Store,
  session: ShopperSession | undefined,
  body: ContactMessage,
  idempotencyKey: string,
  ip: string,
): Promise<ContactOutcome> {
  const sender =
    session === undefined
      ? anonymousSender(deps, store, body, ip)
      : await signedInSender(deps, store, session, body)
  const claim = { scope: sender.scope, key: idempotencyKey, requestHash: requestHash(body) }
  const earlier = await findReplay(deps.db, store.id, claim)
  if (earlier?.kind === 'key_reused') throw keyReused()
  if (earlier !== undefined) return earlier

  const locale = resolveMailLocale(body.locale, storeLocale(store))
  const outcome = await writeTicket(deps, {
    storeId: store.id,
    ticket: {
      type: 'contact',
      status: 'open',
      request_status: null,
      channel: 'contact-form',
      order_id: sender.order?.id ?? null,
      order_name: sender.order?.name ?? null,
      identity_kind: sender.identity?.kind ?? null,
      identity_value: sender.identity?.value ?? null,
      contact_name: sender.name,
      contact_email: sender.email,
      locale: body.locale,
      comment: body.message,
      tags: CONTACT_TAGS,
    },
    event: { type: 'contact', channel: 'contact-form', signedIn: session !== undefined },
    idempotency: claim,
    rateLimits: sender.rateLimits,
    acknowledgement: (ticket) =>
      acknowledgementMessage(
        sender.recipient,
        {
          kind: 'contact',
          reference: ticketReference(ticket.number),
          orderName: sender.order?.name ?? null,
          storeName: store.name,
          locale,
        },
        store.id,
      ),
  })
  if (outcome.kind === 'key_reused') throw keyReused()
  if (outcome.kind === 'already_open') throw new Error('contact messages are never one-per-order')
  return outcome
}
