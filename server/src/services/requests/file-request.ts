/**
 * A shopper asks for a return, a cancellation, or reports an issue about one of their orders.
 * Everything the panel showed is checked again now, against the order as the store has it and
 * the store's rules: the panel may be stale, and its requests may be forged.
 */
import { ticketReference } from '@porchlight/shared/tickets/reference'
import type { FileRequest } from '@porchlight/shared/api/requests'
import { resolveMailLocale } from '@porchlight/shared/i18n/mail/messages'
import { addressChangeEligibility } from '@porchlight/shared/orders/address-change'
import { checkAddress } from '@porchlight/shared/orders/address-fields'
import { cancelEligibility, returnEligibility } from '@porchlight/shared/orders/eligibility'
import type { Address, Order } from '@porchlight/shared/orders/model'
import { lineReturnability } from '@porchlight/shared/orders/order-facts'
import { isReasonOffered } from '@porchlight/shared/orders/request-reasons'
import { normalizeOrderRules, type OrderRules } from '@porchlight/shared/orders/settings'
import type { AppDeps } from '../../deps.ts'
import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import { findOpenRequest } from '../../db/shopper-requests.repository.ts'
import { insertAddressChange } from '../../db/ticket-address-changes.repository.ts'
import type { Store } from '../../db/stores.repository.ts'
import { AppError } from '../../errors.ts'
import { decideAutomatically } from '../automation/automatic-decision.ts'
import { tellShopperChat } from '../chat/system-messages.ts'
import type { ShopperSession } from '../sessions/shopper-sessions.ts'
import { orderBelongsTo } from '../orders/order-views.ts'
import { acknowledgementMessage, type AckRecipient } from './acknowledgement.ts'
import { ticketLinesOf } from './exchange-wishes.ts'
import { findReplay, keyReused, requestHash } from './idempotency.ts'
import { writeTicket, type WriteOutcome } from './ticket-writer.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'storeAdapters' | 'bus' | 'logger' | 'outbox'>

/** Tags every ticket filed from the shopper's panel carries, so merchants can tell them apart. */
export const PORTAL_TAGS = ['porchlight', 'portal']

export const orderNotFound = () => new AppError('order_not_found', 'No such order.')

/** The store's default language, the fallback of every shopper-facing message. */
export function storeLocale(store: Store): string | undefined {
  const value = store.settings['defaultLocale']
  return typeof value === 'string' ? value : undefined
}

/**
 * Where a signed-in shopper hears back: their verified email; with a verified phone, an email
 * they gave or the order's, else a text message to the phone.
 */
export function shopperRecipient(
  identity: ShopperIdentity,
  ...emails: Array<string | null | undefined>
): AckRecipient {
  if (identity.kind === 'email') return { channel: 'email', to: identity.value }
  const email = emails.find((e) => typeof e === 'string' && e !== '')
  return email
    ? { channel: 'email', to: email.toLowerCase() }
    : { channel: 'sms', to: identity.value }
}

/** The shopper's order through the store's adapter, or 404 exactly like the order API. */
export async function loadShopperOrder(
  deps: Pick<AppDeps, 'storeAdapters'>,
  store: Store,
  identity: ShopperIdentity,
  orderId: string,
): Promise<Order> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) throw orderNotFound()
  const order = await deps.storeAdapters(store).getOrder(orderId)
  if (order === undefined || !orderBelongsTo(order, identity)) throw orderNotFound()
  return order
}

function checkOffered(order: Order, rules: OrderRules, body: FileRequest, now: Date): void {
  if (body.type === 'issue') return
  const eligibility =
    body.type === 'cancel'
      ? cancelEligibility(order, rules, now)
      : body.type === 'address_change'
        ? addressChangeEligibility(order)
        : returnEligibility(order, rules, now)
  if (!eligibility.eligible) {
    throw new AppError('request_not_offered', `A ${body.type} is not offered for this order now.`, {
      reason: eligibility.reason,
    })
  }
}

/** The address an address change asks for, as it will be stored, or 422 naming each field. */
function checkRequestedAddress(body: FileRequest): Address | null {
  if (body.type !== 'address_change') return null
  const checked = checkAddress(body.address ?? { name: '', line1: '', city: '', country: '' })
  if (!checked.ok) {
    throw new AppError(
      'address_invalid',
      'Some fields of the address are missing or do not fit its country.',
      { problems: checked.problems },
    )
  }
  return checked.address
}

function checkLines(order: Order, rules: OrderRules, body: FileRequest): void {
  if (body.type !== 'return') return
  const returnable = new Map(
    lineReturnability(order, rules.return.requireDelivery).map((l) => [
      l.lineItemId,
      l.returnableQuantity,
    ]),
  )
  const wrong = (body.lines ?? [])
    .map((line) => ({
      lineItemId: line.lineItemId,
      quantity: line.quantity,
      returnable: returnable.get(line.lineItemId) ?? 0,
    }))
    .filter((line) => line.quantity > line.returnable)
  if (wrong.length > 0) {
    throw new AppError(
      'invalid_lines',
      'Some lines are not in this order or ask for more than can be returned.',
      { lines: wrong },
    )
  }
}

/** Files the request, or answers a retry with what the first attempt filed. */
export async function fileRequest(
  deps: Deps,
  store: Store,
  session: ShopperSession,
  orderId: string,
  body: FileRequest,
  idempotencyKey: string,
): Promise<Extract<WriteOutcome, { kind: 'created' | 'replayed' }>> {
  const claim = {
    scope: `session:${session.id}`,
    key: idempotencyKey,
    requestHash: requestHash({ orderId, ...body }),
  }
  const earlier = await findReplay(deps.db, store.id, claim)
  if (earlier?.kind === 'key_reused') throw keyReused()
  if (earlier !== undefined) return earlier

  const readAt = deps.clock.now().getTime()
  const order = await loadShopperOrder(deps, store, session.identity, orderId)
  const { rules } = normalizeOrderRules(store.settings['orderRules'])
  try {
    checkOffered(order, rules, body, deps.clock.now())
    if (!isReasonOffered(order, rules, body.type, body.reason)) {
      throw new AppError('invalid_reason', 'Pick one of the reasons offered for this order.')
    }
    checkLines(order, rules, body)
  } catch (err) {
    // A retry racing its first attempt may read the order after that attempt was carried out
    // (an automation rule cancels at once): the first attempt's answer is the retry's.
    const replay = await findReplay(deps.db, store.id, claim)
    if (replay !== undefined && replay.kind !== 'key_reused') return replay
    throw err
  }
  const lines = await ticketLinesOf(deps.storeAdapters(store), order, body)
  const address = checkRequestedAddress(body)
  const open = await findOpenRequest(deps.db, store.id, order.id, body.type)
  if (open !== undefined) {
    // The open request may be this one's first attempt, committed since the replay check
    // above (a retry racing it): that is answered as a replay, not refused.
    const replay = await findReplay(deps.db, store.id, claim)
    if (replay?.kind === 'key_reused') throw keyReused()
    if (replay !== undefined) return replay
    throw alreadyOpen(ticketReference(open.number))
  }

  const locale = resolveMailLocale(body.locale, storeLocale(store))
  const outcome = await writeTicket(deps, {
    storeId: store.id,
    ticket: {
      type: body.type,
      status: 'open',
      request_status: 'requested',
      channel: body.channel,
      order_id: order.id,
      order_name: order.name,
      identity_kind: session.identity.kind,
      identity_value: session.identity.value,
      locale: body.locale,
      reason: body.reason,
      comment: body.comment === undefined || body.comment === '' ? null : body.comment,
      lines,
      tags: PORTAL_TAGS,
    },
    event: {
      type: body.type,
      channel: body.channel,
      reason: body.reason,
      ...(address !== null ? { address, previousAddress: order.shippingAddress } : {}),
    },
    products: ticketProducts(order, body),
    idempotency: claim,
    oneOpenPer: { orderId: order.id, type: body.type, readAt },
    ...(address !== null
      ? {
          alsoWrite: (trx, ticket) =>
            insertAddressChange(trx, {
              storeId: store.id,
              ticketId: ticket.id,
              orderId: order.id,
              previous: order.shippingAddress,
              requested: address,
              createdAt: ticket.created_at,
            }),
        }
      : {}),
    acknowledgement: (ticket) =>
      acknowledgementMessage(
        shopperRecipient(session.identity, order.email),
        {
          kind: body.type,
          reference: ticketReference(ticket.number),
          orderName: order.name,
          storeName: store.name,
          locale,
        },
        store.id,
      ),
  })
  if (outcome.kind === 'key_reused') throw keyReused()
  if (outcome.kind === 'already_open') throw alreadyOpen(outcome.reference)
  if (outcome.kind === 'rate_limited') throw new Error('no rate limits on filed requests')
  if (outcome.kind === 'created') {
    // A chat the shopper has open shows the request among its messages, live.
    await tellShopperChat(deps, store, outcome.ticket, {
      kind: 'request_created',
      type: body.type,
      reference: ticketReference(outcome.ticket.number),
      orderName: order.name,
    })
    // The store's automation rules come after the filing, as an agent would: the request
    // stands on its own, whatever the rule then does.
    return {
      kind: 'created',
      ticket: await decideAutomatically(deps, store, outcome.ticket, order),
    }
  }
  return outcome
}

/** A return is about its lines; an issue report (which names none) about the whole order. */
function ticketProducts(
  order: Order,
  body: FileRequest,
): Array<{ title: string; quantity: number }> {
  if (body.type === 'return') {
    return (body.lines ?? []).flatMap((l) => {
      const line = order.lineItems.find((o) => o.id === l.lineItemId)
      return line === undefined ? [] : [{ title: line.title, quantity: l.quantity }]
    })
  }
  if (body.type === 'issue')
    return order.lineItems.map((l) => ({ title: l.title, quantity: l.quantity }))
  return []
}

function alreadyOpen(reference: string): AppError {
  return new AppError(
    'request_already_open',
    `Request ${reference} about this order is still waiting for the store's answer.`,
    { reference },
  )
}
