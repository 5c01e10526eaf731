import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import type { Store } from '../../db/stores.repository.ts'
import { appendTicketEvent, findTicket } from '../../db/tickets.repository.ts'
import { AppError } from '../../errors.ts'
import { emitTicketUpdated } from '../webhooks/emit.ts'
import { chatWrite, conversationEventData, emitEvent, type ChatDeps } from './chat-writes.ts'
import { linkVisitorToIdentity } from './participants.ts'

/**
 * After a visitor signs in: their conversations (and chat tickets) follow the verified
 * identity, so the signed-in widget finds the thread and agents see who it really is.
 */
export async function linkVisitorConversations(
  deps: ChatDeps,
  store: Store,
  identity: ShopperIdentity,
  visitorToken: string,
): Promise<{ linked: number }> {
  const now = deps.clock.now()
  const link = await linkVisitorToIdentity(deps.db, {
    storeId: store.id,
    visitorToken,
    identity,
    now,
  })
  if (!link.ok) {
    throw link.code === 'visitor_not_found'
      ? new AppError('visitor_not_found', 'This chat session is unknown or has expired.')
      : new AppError('visitor_linked_elsewhere', 'This chat session belongs to someone else.')
  }
  return chatWrite(deps, store.id, async (w) => {
    const rows = await w.trx
      .selectFrom('conversations')
      .innerJoin('tickets', 'tickets.id', 'conversations.ticket_id')
      .selectAll('conversations')
      .select(['tickets.number as ticket_number'])
      .where('conversations.store_id', '=', store.id)
      .where('conversations.visitor_id', '=', link.visitorId)
      .where('conversations.identity_kind', 'is', null)
      .execute()
    for (const { ticket_number, ...row } of rows) {
      await w.trx
        .updateTable('conversations')
        .set({
          identity_kind: identity.kind,
          identity_value: identity.value,
          updated_at: now.getTime(),
        })
        .where('id', '=', row.id)
        .execute()
      // The ticket's identity is not one of the fields agents edit, so no version check is
      // needed; the bump still tells a console holding the old version to refetch.
      await w.trx
        .updateTable('tickets')
        .set((eb) => ({
          identity_kind: identity.kind,
          identity_value: identity.value,
          version: eb('version', '+', 1),
          updated_at: now.getTime(),
        }))
        .where('store_id', '=', store.id)
        .where('id', '=', row.ticket_id)
        .execute()
      await appendTicketEvent(w.trx, {
        ticketId: row.ticket_id,
        storeId: store.id,
        kind: 'chat_identity_verified',
        actor: { kind: 'shopper', id: null },
        data: { conversationId: row.id, identityKind: identity.kind },
        at: now,
      })
      const queued = await emitTicketUpdated(w.trx, {
        storeId: store.id,
        ticket: async () => {
          const ticket = await findTicket(w.trx, store.id, row.ticket_id)
          if (ticket === undefined) throw new Error(`ticket ${row.ticket_id} vanished`)
          return ticket
        },
        changes: { shopper: { identity: { kind: identity.kind, value: identity.value } } },
        by: null,
        now,
      })
      if (queued > 0) w.queuedInOutbox()
      const linked = { ...row, identity_kind: identity.kind, identity_value: identity.value }
      await emitEvent(w, {
        kind: 'conversation',
        conversation: linked,
        audience: 'agents',
        data: conversationEventData(linked, 'linked', Number(ticket_number)),
        at: now,
      })
    }
    return { linked: rows.length }
  })
}
