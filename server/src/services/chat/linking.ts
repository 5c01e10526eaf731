import type { ShopperIdentity } from '../../adapters/store/store-adapter.ts'
import type { Store } from '../../db/stores.repository.ts'
import {
  listAnonymousVisitorConversations,
  updateConversation,
} from '../../db/conversations.repository.ts'
import { changeTicket } from '../../db/tickets.repository.ts'
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
    const rows = await listAnonymousVisitorConversations(w.trx, store.id, link.visitorId)
    for (const { ticket_number, ...row } of rows) {
      await updateConversation(w.trx, store.id, row.id, {
        identity_kind: identity.kind,
        identity_value: identity.value,
        updated_at: now.getTime(),
      })
      // The ticket's identity is not one of the fields agents edit, so no version check is
      // needed; the bump still tells a console holding the old version to refetch.
      const ticket = await changeTicket(w.trx, store.id, row.ticket_id, {
        changes: { identity_kind: identity.kind, identity_value: identity.value },
        event: {
          kind: 'chat_identity_verified',
          actor: { kind: 'shopper', id: null },
          data: { conversationId: row.id, identityKind: identity.kind },
        },
        now,
      })
      if (ticket === undefined) throw new Error(`ticket ${row.ticket_id} vanished`)
      const queued = await emitTicketUpdated(w.trx, {
        storeId: store.id,
        ticket,
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
