import { INBOX_VIEWS, type InboxResponse } from '@porchlight/shared/api/inbox'
import { z } from 'zod'

const count = z.number().int().nonnegative()
const viewCount = z.strictObject({
  total: count.describe('Open tickets in the view'),
  unread: count.describe(
    'Of which a chat with unread shopper messages or a ticket no agent acted on',
  ),
})

/** GET /v1/agent/inbox. */
export const inboxResponse: z.ZodType<InboxResponse> = z.strictObject({
  views: z.strictObject(
    Object.fromEntries(INBOX_VIEWS.map((v) => [v, viewCount])) as Record<
      (typeof INBOX_VIEWS)[number],
      typeof viewCount
    >,
  ),
  waiting: z.array(
    z.strictObject({
      ticketId: z.string(),
      conversationId: z.string(),
      since: z.iso.datetime({ offset: true }).describe('The shopper’s last message'),
    }),
  ),
})
