/**
 * The console's inbox: the views every agent works from, their counts, and the chats waiting.
 *
 *   GET /v1/agent/tickets?view=mine|unassigned|open|chats|decisions&...  -> TicketPage
 *   GET /v1/agent/inbox                                                  -> InboxResponse
 *
 * New tickets, new chats and new shopper messages arrive on the console's event stream
 * (`ticket`, `conversation`, `message`); the console reads the counts again when one does.
 */

export const INBOX_VIEWS = ['mine', 'unassigned', 'open', 'chats', 'decisions'] as const
export type InboxView = (typeof INBOX_VIEWS)[number]

/** What a view shows, as queue filters: open tickets only, narrowed per view. */
export interface ViewFilter {
  status: 'open'
  /** An agent id; null for tickets nobody has taken. */
  assigneeId?: string | null
  channel?: 'chat'
  requestStatus?: 'requested'
}

/** The queue filter behind a view, for the agent `agentId`. */
export function viewFilter(view: InboxView, agentId: string): ViewFilter {
  switch (view) {
    case 'mine':
      return { status: 'open', assigneeId: agentId }
    case 'unassigned':
      return { status: 'open', assigneeId: null }
    case 'chats':
      return { status: 'open', channel: 'chat' }
    case 'decisions':
      return { status: 'open', requestStatus: 'requested' }
    case 'open':
      return { status: 'open' }
  }
}

export interface ViewCount {
  /** Open tickets in the view. */
  total: number
  /**
   * Of those, the ones with something no agent has read: a chat whose shopper wrote after the
   * agents' read mark, or a ticket no agent has acted on yet.
   */
  unread: number
}

export interface InboxResponse {
  views: Record<InboxView, ViewCount>
  /** Open chats whose last word is the shopper's, oldest wait first: since when they wait. */
  waiting: { ticketId: string; conversationId: string; since: string }[]
}

/** The console stream's event for a new ticket that is not a chat (chats announce themselves). */
export interface TicketStreamEvent {
  ticketId: string
  number: number
  type: string
  channel: string
}
