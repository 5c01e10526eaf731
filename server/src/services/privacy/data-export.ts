import { newId } from '../../ids.ts'
import {
  cachedOrderIdsOf,
  conversationsOfTickets,
  eventsOfTickets,
  insertDataRequest,
  messagesOfConversations,
  outboxMessagesTo,
  ratingsOfTickets,
  sessionsOf,
  ticketsOf,
  type Person,
} from '../../db/privacy.repository.ts'
import type { AppDeps } from '../../deps.ts'

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger'>

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString())
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * What Porchlight holds about one person of a store, as a JSON document for the store's owners
 * to hand over: their tickets (requests and chats) with history, messages and their rating, their sessions'
 * metadata (never a token), which emails and text messages were sent to them (the kind and
 * when; their parameters stay out: they hold the ticket's reply token and a code's
 * derivation, credentials rather than data about the person), and the orders it keeps a cached copy of (Shopify holds the orders themselves, and answers for
 * them).
 */
export async function buildCustomerExport(
  deps: Deps,
  storeId: string,
  person: Person,
  request: { shopifyRequestId: string },
) {
  const { db } = deps
  const tickets = await ticketsOf(db, storeId, person)
  const ids = tickets.map((t) => t.id)
  const events = await eventsOfTickets(db, storeId, ids)
  const conversations = await conversationsOfTickets(db, storeId, ids)
  const ratings = await ratingsOfTickets(db, storeId, ids)
  const messages = await messagesOfConversations(
    db,
    storeId,
    conversations.map((c) => c.id),
  )
  return {
    format: 'porchlight-customer-export/1',
    generatedAt: deps.clock.now().toISOString(),
    storeId,
    shopifyDataRequestId: request.shopifyRequestId,
    customer: { shopifyId: person.customerId, emails: person.emails, phones: person.phones },
    tickets: tickets.map((t) => ({
      number: Number(t.number),
      type: t.type,
      status: t.status,
      requestStatus: t.request_status,
      channel: t.channel,
      orderName: t.order_name,
      contactName: t.contact_name,
      contactEmail: t.contact_email,
      identity: t.identity_value,
      reason: t.reason,
      comment: t.comment,
      lines: parse(t.lines),
      createdAt: iso(t.created_at),
      updatedAt: iso(t.updated_at),
      history: events
        .filter((e) => e.ticket_id === t.id)
        .map((e) => ({
          kind: e.kind,
          by: e.actor_kind,
          at: iso(e.created_at),
          data: parse(e.data),
        })),
      messages: messages
        .filter((m) =>
          conversations.some((c) => c.id === m.conversation_id && c.ticket_id === t.id),
        )
        .map((m) => ({
          by: m.author_kind,
          name: m.author_name,
          text: m.text,
          at: iso(m.created_at),
        })),
      rating:
        ratings
          .filter((r) => r.ticket_id === t.id)
          .map((r) => ({
            score: r.score,
            comment: r.comment,
            givenIn: r.source,
            at: iso(r.created_at),
          }))[0] ?? null,
    })),
    sessions: (await sessionsOf(db, storeId, person)).map((s) => ({
      signedInWith: s.identity_kind,
      createdAt: iso(s.created_at),
      expiresAt: iso(s.expires_at),
      revokedAt: iso(s.revoked_at),
    })),
    messagesSent: (await outboxMessagesTo(db, storeId, person)).map((m) => ({
      channel: m.channel,
      to: m.recipient,
      template: m.template,
      status: m.status,
      queuedAt: iso(m.created_at),
      finishedAt: iso(m.finished_at),
    })),
    cachedOrders: (await cachedOrderIdsOf(db, storeId, person)).map((o) => ({
      shopifyOrderId: o.order_id,
      fetchedAt: iso(o.fetched_at),
    })),
  }
}

/**
 * Answers a customers/data_request: builds the export and keeps it for the owners, once per
 * Shopify request id (a redelivery finds the first one and changes nothing).
 */
export async function recordDataRequest(
  deps: Deps,
  storeId: string,
  person: Person,
  shopifyRequestId: string,
): Promise<{ created: boolean }> {
  const doc = await buildCustomerExport(deps, storeId, person, { shopifyRequestId })
  const label = person.emails[0] ?? person.phones[0] ?? `customer ${person.customerId ?? '?'}`
  const created = await insertDataRequest(deps.db, {
    id: newId('dr'),
    store_id: storeId,
    shopify_request_id: shopifyRequestId,
    customer_ref: person.customerId,
    customer_label: label,
    export_json: JSON.stringify(doc, null, 2),
    created_at: deps.clock.now().getTime(),
  })
  deps.logger.info('customer data request recorded', { storeId, shopifyRequestId, created })
  return { created }
}
