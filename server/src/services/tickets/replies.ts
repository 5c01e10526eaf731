import type { Kysely } from 'kysely'
import type { AppDeps } from '../../deps.ts'
import type { Database } from '../../db/schema.ts'
import type { Store } from '../../db/stores.repository.ts'
import { appendTicketEvent, type Ticket } from '../../db/tickets.repository.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'
import { AppError } from '../../errors.ts'
import { emitMessageCreated } from '../webhooks/emit.ts'
import { queueTicketNotice, shopperContact } from './ticket-notices.ts'
import { requireTicket } from './ticket-page.ts'

/** What the chat needs to write an agent's reply to a chat ticket. */
export interface ChatReplyInput {
  store: Store
  ticket: Ticket
  agent: { id: string; name: string }
  body: string
  now: Date
  /** Records the ticket's 'reply' event, in the transaction that stores the message. */
  record: (trx: Kysely<Database>, messageId: string) => Promise<TicketEventRow>
}

/**
 * How an agent's reply reaches a chat ticket's conversation (AppDeps.chatReplies, provided by
 * the chat). The chat runs the transaction: its writes take the store's chat lock first and
 * reach the shopper's open panel once committed, as every chat message does.
 */
export type ChatReplyHook = (deps: ChatReplyDeps, input: ChatReplyInput) => Promise<TicketEventRow>

/** What the chat's writes need (see ChatDeps in services/chat/chat-writes.ts). */
export type ChatReplyDeps = Pick<AppDeps, 'db' | 'clock' | 'bus' | 'logger' | 'outbox'>

/** What a reply needs: the chat's writes, and the chat's hook for chat tickets. */
export type ReplyDeps = ChatReplyDeps & Pick<AppDeps, 'chatReplies'>

/**
 * An agent writes to the shopper: by email for requests and contact messages (a text message
 * when the shopper only gave a phone), through the chat for chat tickets. Writing does not
 * change the ticket (no new version), so a reply never conflicts with another agent's change.
 */
export async function replyToTicket(
  deps: ReplyDeps,
  store: Store,
  input: { ticketId: string; agent: { id: string; name: string }; body: string },
): Promise<TicketEventRow> {
  const ticket = await requireTicket(deps, store.id, input.ticketId)
  const now = deps.clock.now()
  if (ticket.type === 'chat') {
    // The chat emits message.created for the message, as for any chat message.
    return deps.chatReplies(deps, {
      store,
      ticket,
      agent: input.agent,
      body: input.body,
      now,
      record: (trx, messageId) =>
        appendTicketEvent(trx, {
          ticketId: ticket.id,
          storeId: store.id,
          kind: 'reply',
          actor: { kind: 'agent', id: input.agent.id },
          data: { body: input.body, channel: 'chat', messageId },
          at: now,
        }),
    })
  }
  const contact = shopperContact(ticket)
  if (contact === null) {
    throw new AppError('no_shopper_contact', 'The shopper left no email or phone to reply to.')
  }
  const event = await deps.db.transaction().execute(async (trx) => {
    const outboxId = await queueTicketNotice(trx, {
      ticket,
      store,
      notice: { kind: 'reply', body: input.body },
      now,
    })
    const row = await appendTicketEvent(trx, {
      ticketId: ticket.id,
      storeId: store.id,
      kind: 'reply',
      actor: { kind: 'agent', id: input.agent.id },
      data: { body: input.body, channel: contact.channel, outboxId },
      at: now,
    })
    await emitMessageCreated(trx, {
      storeId: store.id,
      ticket,
      message: {
        id: row.id,
        author: { kind: 'agent', id: input.agent.id },
        body: input.body,
        channel: contact.channel,
        at: now,
      },
      now,
    })
    return row
  })
  deps.outbox.wake()
  return event
}
