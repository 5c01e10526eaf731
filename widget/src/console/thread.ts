import type { TicketEventJson, TicketJson } from '@porchlight/shared/api/agent'
import type { ChatMessage } from '@porchlight/shared/api/chat'

/**
 * How one entry of the ticket's thread reads: what the shopper said (by chat or email), what an
 * agent sent them, an internal note (agents only, drawn apart), or something that happened.
 */
export type ThreadRole = 'shopper' | 'agent' | 'note' | 'system'

export type ThreadItem =
  /** The request the ticket was opened with (reason, comment, lines), from the ticket itself. */
  | { kind: 'request'; key: string; at: string; role: 'shopper' }
  | { kind: 'event'; key: string; at: string; role: ThreadRole; event: TicketEventJson }
  | { kind: 'chat'; key: string; at: string; role: ThreadRole; message: ChatMessage }

function eventRole(e: TicketEventJson): ThreadRole {
  if (e.kind === 'note') return 'note'
  if (e.kind === 'reply') return 'agent'
  if (e.kind === 'message') return e.actor.kind === 'agent' ? 'agent' : 'shopper'
  return 'system'
}

function chatRole(m: ChatMessage): ThreadRole {
  if (m.author.kind === 'shopper') return 'shopper'
  if (m.author.kind === 'agent') return 'agent'
  return 'system'
}

// An unreadable time sorts last rather than throwing the whole thread out of order.
const instant = (iso: string) => {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms
}

/**
 * The ticket's one thread, oldest first: the request, then the ticket's history (replies,
 * emailed messages, notes, decisions, refunds, assignments...) and the chat's messages, merged
 * by time. At the same instant the request comes first, then history entries in the server's
 * order, then chat messages by sequence: each source keeps its own order, so a burst written in
 * one millisecond never shuffles. The `created` entry is the request itself and is not repeated.
 */
export function threadItems(
  ticket: Pick<TicketJson, 'id' | 'createdAt'>,
  history: readonly TicketEventJson[],
  chat: readonly ChatMessage[] = [],
): ThreadItem[] {
  const items: ThreadItem[] = [
    { kind: 'request', key: `request-${ticket.id}`, at: ticket.createdAt, role: 'shopper' },
  ]
  for (const event of history) {
    if (event.kind === 'created') continue
    items.push({ kind: 'event', key: `e-${event.id}`, at: event.at, role: eventRole(event), event })
  }
  for (const message of [...chat].sort((a, b) => a.seq - b.seq)) {
    items.push({
      kind: 'chat',
      key: `m-${message.id}`,
      at: message.createdAt,
      role: chatRole(message),
      message,
    })
  }
  // Array.prototype.sort is stable: equal instants keep the order built above.
  return items.sort((a, b) => instant(a.at) - instant(b.at))
}
