import { decideRevert, type RevertMessage } from '@porchlight/shared/chat/revert'
import type {
  AgentConversation,
  ChatMessage,
  ShopperConversation,
} from '@porchlight/shared/api/chat'
import type { ChatMessageRow, ConversationRow } from '../../db/conversations.table.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function messageView(row: ChatMessageRow): ChatMessage {
  const data = JSON.parse(row.data) as Record<string, unknown>
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    author: { kind: row.author_kind, name: row.author_name },
    text: row.text,
    systemKind: row.system_kind,
    data: row.author_kind === 'system' ? data : null,
    clientId: row.client_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

/**
 * The revert rule's input for a conversation. The row keeps the author and time of the last
 * shopper or agent message, which is all the rule looks at, so no message list is loaded.
 */
export function lastWord(row: Pick<ConversationRow, 'last_author_kind' | 'last_message_at'>) {
  const words: RevertMessage[] = []
  if (row.last_author_kind !== null && row.last_message_at !== null) {
    words.push({ authorKind: row.last_author_kind, at: new Date(row.last_message_at) })
  }
  return words
}

export function revertOf(row: ConversationRow, now: Date, revertHours: number) {
  return decideRevert(lastWord(row), now, revertHours)
}

export function shopperConversationView(
  row: ConversationRow,
  ticketNumber: number,
  unread: number,
  now: Date,
  revertHours: number,
): ShopperConversation {
  const revert = revertOf(row, now, revertHours)
  return {
    id: row.id,
    status: row.status,
    ticketNumber,
    createdAt: new Date(row.created_at).toISOString(),
    revertsAt: revert.reverted ? revert.since.toISOString() : iso(revert.at?.getTime() ?? null),
    shopperReadSeq: Number(row.shopper_read_seq),
    agentReadSeq: Number(row.agent_read_seq),
    unread,
  }
}

export function agentConversationView(
  row: ConversationRow,
  ticketNumber: number,
  unread: number,
  now: Date,
  revertHours: number,
): AgentConversation {
  const revert = revertOf(row, now, revertHours)
  return {
    id: row.id,
    status: row.status,
    closedReason: row.closed_reason,
    closedAt: iso(row.closed_at),
    ticketId: row.ticket_id,
    ticketNumber,
    previousId: row.previous_id,
    contact: { name: row.contact_name, email: row.contact_email },
    identity:
      row.identity_kind !== null && row.identity_value !== null
        ? { kind: row.identity_kind, value: row.identity_value }
        : null,
    locale: row.locale,
    lastAuthorKind: row.last_author_kind,
    lastMessageAt: iso(row.last_message_at),
    revertsAt: revert.reverted ? revert.since.toISOString() : iso(revert.at?.getTime() ?? null),
    revertedForShopper: revert.reverted,
    shopperReadSeq: Number(row.shopper_read_seq),
    agentReadSeq: Number(row.agent_read_seq),
    unread,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
