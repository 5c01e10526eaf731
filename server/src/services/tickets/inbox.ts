import { INBOX_VIEWS, type InboxResponse, type InboxView } from '@porchlight/shared/api/inbox'
import { inboxCounts, waitingChats } from '../../db/inbox.repository.ts'
import type { AppDeps } from '../../deps.ts'

/** At most this many waiting chats are listed (the console shows the times of those in view). */
const WAITING_MAX = 200

/** The counts beside each inbox view, and since when each open chat has waited for an answer. */
export async function inbox(
  deps: Pick<AppDeps, 'db'>,
  storeId: string,
  agentId: string,
): Promise<InboxResponse> {
  const [counts, waiting] = await Promise.all([
    inboxCounts(deps.db, storeId, agentId),
    waitingChats(deps.db, storeId, WAITING_MAX),
  ])
  const views = {} as InboxResponse['views']
  for (const view of INBOX_VIEWS) {
    views[view] = { total: counts[view], unread: counts[`${view}_unread` as `${InboxView}_unread`] }
  }
  return {
    views,
    waiting: waiting.map((w) => ({
      ticketId: w.ticket_id,
      conversationId: w.id,
      since: new Date(Number(w.last_message_at)).toISOString(),
    })),
  }
}
