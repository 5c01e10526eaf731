import type { SavedReply } from '@porchlight/shared/api/saved-replies'
import { z } from 'zod'

const savedReply: z.ZodType<SavedReply> = z.strictObject({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  body: z
    .string()
    .describe(
      'May hold {{shopper.firstName}}, {{order.number}}, {{order.trackingUrl}}, {{ticket.reference}}',
    ),
  translations: z.record(z.string(), z.string()).describe('Bodies by language tag'),
  updatedAt: z.iso.datetime({ offset: true }),
})

export const savedReplyList = z.strictObject({ replies: z.array(savedReply) })
export const savedReplyResponse = z.strictObject({ reply: savedReply })
