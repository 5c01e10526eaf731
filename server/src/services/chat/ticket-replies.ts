import { findConversationByTicket } from '../../db/conversations.repository.ts'
import type { TicketEventRow } from '../../db/tickets.table.ts'
import { AppError } from '../../errors.ts'
import type { ChatReplyInput } from '../tickets/replies.ts'
import { conversationClosed, writeAgentMessage } from './agent-chat.ts'
import { chatWrite, type ChatDeps } from './chat-writes.ts'

/**
 * An agent's reply to a chat ticket through the ticket API (AppDeps.chatReplies): written in
 * the ticket's conversation exactly as the console's chat writes it (same refusals, same live
 * push after commit), with the ticket's 'reply' event in the same transaction.
 */
export async function replyInTicketChat(
  deps: ChatDeps,
  input: ChatReplyInput,
): Promise<TicketEventRow> {
  const { store, ticket } = input
  const result = await chatWrite(deps, store.id, async (w) => {
    const row = await findConversationByTicket(w.trx, store.id, ticket.id)
    if (row === undefined) {
      throw new AppError('conversation_not_found', 'This chat ticket has no conversation.')
    }
    const written = await writeAgentMessage(w, store, row, {
      agent: input.agent,
      // No console session or client id here: the ticket API has no retry key for replies.
      senderRef: null,
      clientId: null,
      text: input.body,
      now: input.now,
    })
    if (written.closedNow) return written
    return { closedNow: false as const, event: await input.record(w.trx, written.message.id) }
  })
  if (result.closedNow) throw conversationClosed()
  return result.event
}
